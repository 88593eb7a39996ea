import { describe, expect, it, vi } from "vitest";
import { createDevWalletProvider } from "./createDevWalletProvider.ts";

const accounts = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
];

function fakeNode() {
  const calls: { method: string; params: unknown }[] = [];
  const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { id: number; method: string; params: unknown };
    calls.push({ method: body.method, params: body.params });
    const result =
      body.method === "eth_accounts"
        ? accounts
        : body.method === "eth_sendTransaction"
          ? "0xhash"
          : null;
    return new Response(JSON.stringify({ jsonrpc: "2.0", id: body.id, result }));
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("createDevWalletProvider", () => {
  describe("before connecting", () => {
    it("answers eth_accounts and eth_chainId without touching the network (the chain may be down)", async () => {
      const { calls, fetchFn } = fakeNode();
      const provider = createDevWalletProvider({ rpcUrl: "http://node", chainId: 31337, fetchFn });
      expect(await provider.request({ method: "eth_accounts" })).toEqual([]);
      expect(await provider.request({ method: "eth_chainId" })).toBe("0x7a69");
      expect(calls).toEqual([]);
    });
  });

  describe("when connecting", () => {
    it("picks the node's first account and remembers it", async () => {
      const { fetchFn } = fakeNode();
      const storage = memoryStorage();
      const provider = createDevWalletProvider({
        rpcUrl: "http://node",
        chainId: 31337,
        fetchFn,
        storage,
      });
      expect(await provider.request({ method: "eth_requestAccounts" })).toEqual([
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      ]);
      const again = createDevWalletProvider({
        rpcUrl: "http://node",
        chainId: 31337,
        fetchFn,
        storage,
      });
      expect(await again.request({ method: "eth_accounts" })).toEqual([
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      ]);
    });
  });

  describe("when picking another account", () => {
    it("tells listeners and sends as that account only", async () => {
      const { calls, fetchFn } = fakeNode();
      const provider = createDevWalletProvider({ rpcUrl: "http://node", chainId: 31337, fetchFn });
      await provider.request({ method: "eth_requestAccounts" });
      const listener = vi.fn();
      provider.on("accountsChanged", listener);
      provider.selectAccount("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
      expect(listener).toHaveBeenCalledWith(["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
      await expect(
        provider.request({
          method: "eth_sendTransaction",
          params: [{ from: accounts[0] as `0x${string}` }],
        }),
      ).rejects.toMatchObject({ code: 4100 });
      expect(
        await provider.request({
          method: "eth_sendTransaction",
          params: [{ from: accounts[1] as `0x${string}` }],
        }),
      ).toBe("0xhash");
      expect(calls.at(-1)?.method).toBe("eth_sendTransaction");
    });
  });

  it("refuses other chains", async () => {
    const { fetchFn } = fakeNode();
    const provider = createDevWalletProvider({ rpcUrl: "http://node", chainId: 31337, fetchFn });
    await expect(
      provider.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x1" }] }),
    ).rejects.toMatchObject({ code: 4902 });
  });

  it("reports an unreachable node as an internal error, not a rejection", async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const provider = createDevWalletProvider({ rpcUrl: "http://node", chainId: 31337, fetchFn });
    await expect(provider.request({ method: "eth_requestAccounts" })).rejects.toMatchObject({
      code: -32603,
    });
  });
});
