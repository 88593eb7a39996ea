import type { BrowserContext } from "playwright-core";

export type TestWalletOptions = {
  /** The Hardhat node the wallet forwards to (its accounts are unlocked). */
  rpcUrl: string;
  /** Which of the node's `eth_accounts` this wallet is. */
  accountIndex: number;
  /** The chain the wallet starts on; `wallet_switchEthereumChain` may move it to `nodeChainId`. */
  chainId: number;
  /** The node's chain: the only one the wallet can switch to. Default `chainId`. */
  nodeChainId?: number | undefined;
};

/** The EIP-6963 identity of the test wallet (its connector id in wagmi is the rdns). */
export const TEST_WALLET_INFO = {
  name: "E2E Test Wallet",
  rdns: "dev.biodental.e2e",
} as const;

/** What the page exposes as `window.__e2eWallet` for the test to inspect and drive. */
export type TestWalletHandle = {
  /** Every method the app asked, in order. */
  calls: string[];
  /** Switches the wallet to another of the node's accounts, as a user would in the extension. */
  selectAccount(index: number): Promise<string>;
};

/**
 * Runs in the page before any app script (serialised by Playwright, so it may not use anything
 * from this module's scope). An EIP-1193 provider that holds no key: it forwards signing and
 * sending to the Hardhat node, whose accounts are unlocked, and announces itself through
 * EIP-6963 like MetaMask or Rabby do.
 */
function testWalletInitScript(
  options: TestWalletOptions & { info: { uuid: string; name: string; icon: string; rdns: string } },
): void {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  const nodeChainId = options.nodeChainId ?? options.chainId;
  let chainId = options.chainId;
  let accountIndex = options.accountIndex;
  let connected: string | undefined;
  // Like a real wallet, it remembers that this origin was allowed, so a reload reconnects.
  const AUTHORIZED_KEY = "e2e-test-wallet:authorized";
  const storage = ((): Storage | undefined => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  })();
  const remembered = storage?.getItem(AUTHORIZED_KEY);
  let authorized = remembered !== null && remembered !== undefined;
  if (authorized) accountIndex = Number(remembered);
  const authorize = (value: boolean): void => {
    authorized = value;
    if (value) storage?.setItem(AUTHORIZED_KEY, String(accountIndex));
    else storage?.removeItem(AUTHORIZED_KEY);
  };
  let nextId = 1;
  const calls: string[] = [];

  const rpcError = (
    code: number,
    message: string,
    data?: unknown,
  ): Error & { code: number; data?: unknown } => Object.assign(new Error(message), { code, data });
  const toHex = (value: number): string => `0x${value.toString(16)}`;
  const emit = (event: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(...args);
      } catch (error) {
        console.error("[e2e wallet] listener failed", error);
      }
    }
  };

  async function rpc(method: string, params: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(options.rpcUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params: params ?? [] }),
      });
    } catch (cause) {
      throw rpcError(-32603, `The node at ${options.rpcUrl} is not reachable`, {
        cause: String(cause),
      });
    }
    const body = (await response.json()) as {
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
    if (body.error) throw rpcError(body.error.code, body.error.message, body.error.data);
    return body.result;
  }

  async function nodeAccount(index: number): Promise<string> {
    const accounts = (await rpc("eth_accounts", [])) as string[];
    const account = accounts[index];
    if (!account) throw rpcError(4100, `The node has no account #${index}`);
    return account.toLowerCase();
  }

  function assertFrom(from: unknown): void {
    if (typeof from !== "string" || !connected || from.toLowerCase() !== connected) {
      throw rpcError(
        4100,
        `The test wallet signs only for ${connected ?? "(not connected)"}, asked for ${String(from)}`,
      );
    }
  }

  async function request({
    method,
    params,
  }: {
    method: string;
    params?: unknown;
  }): Promise<unknown> {
    calls.push(method);
    const args = (Array.isArray(params) ? params : []) as unknown[];
    switch (method) {
      case "eth_chainId":
        return toHex(chainId);
      case "net_version":
        return String(chainId);
      case "eth_accounts":
        if (authorized && !connected) connected = await nodeAccount(accountIndex);
        return authorized && connected ? [connected] : [];
      case "eth_requestAccounts":
        connected = await nodeAccount(accountIndex);
        authorize(true);
        emit("connect", { chainId: toHex(chainId) });
        return [connected];
      case "wallet_requestPermissions":
        connected = await nodeAccount(accountIndex);
        authorize(true);
        return [
          {
            parentCapability: "eth_accounts",
            caveats: [{ type: "restrictReturnedAccounts", value: [connected] }],
          },
        ];
      case "wallet_getPermissions":
        return authorized && connected
          ? [
              {
                parentCapability: "eth_accounts",
                caveats: [{ type: "restrictReturnedAccounts", value: [connected] }],
              },
            ]
          : [];
      case "wallet_revokePermissions":
        connected = undefined;
        authorize(false);
        emit("accountsChanged", []);
        return null;
      case "wallet_switchEthereumChain": {
        const wanted = Number((args[0] as { chainId?: string } | undefined)?.chainId);
        if (wanted !== nodeChainId)
          throw rpcError(
            4902,
            `Unrecognized chain ID ${wanted}. Try adding the chain using wallet_addEthereumChain first.`,
          );
        if (wanted !== chainId) {
          chainId = wanted;
          emit("chainChanged", toHex(chainId));
        }
        return null;
      }
      case "wallet_addEthereumChain":
        return null;
      case "eth_sendTransaction":
        assertFrom((args[0] as { from?: unknown } | undefined)?.from);
        if (chainId !== nodeChainId)
          throw rpcError(4901, `The wallet is on chain ${chainId}, not the node's ${nodeChainId}`);
        return rpc(method, args);
      case "eth_signTypedData_v4":
      case "eth_signTypedData":
      case "eth_sign":
        assertFrom(args[0]);
        return rpc(method, args);
      case "personal_sign":
        assertFrom(args[1]);
        return rpc(method, args);
      default:
        // Reads, gas estimation, nonces, receipts: the node answers them as any wallet's RPC would.
        return rpc(method, args);
    }
  }

  const provider = {
    isE2eTestWallet: true,
    request,
    on(event: string, listener: Listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };

  const handle = {
    calls,
    async selectAccount(index: number): Promise<string> {
      accountIndex = index;
      const account = await nodeAccount(index);
      if (authorized) authorize(true);
      if (connected) {
        connected = account;
        emit("accountsChanged", [account]);
      }
      return account;
    },
  };
  Object.defineProperty(window, "__e2eWallet", { value: handle, configurable: false });

  const detail = Object.freeze({ info: Object.freeze({ ...options.info }), provider });
  const announce = (): void => {
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  };
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}

const ICON =
  "data:image/svg+xml;base64," +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f766e"/><text x="16" y="21" font-size="12" font-family="sans-serif" text-anchor="middle" fill="#fff">E2E</text></svg>',
  ).toString("base64");

/**
 * Injects the test wallet into every page of `context` (before the app's scripts run).
 * One browser context is one wallet, so two contexts are two members.
 *
 * @example
 * const alice = await browser.newContext()
 * await installTestWallet(alice, { rpcUrl: stack.urls.rpc, chainId: stack.chainId, accountIndex: 5 })
 */
export async function installTestWallet(
  context: BrowserContext,
  options: TestWalletOptions,
): Promise<void> {
  const info = {
    uuid: crypto.randomUUID(),
    name: TEST_WALLET_INFO.name,
    icon: ICON,
    rdns: TEST_WALLET_INFO.rdns,
  };
  await context.addInitScript(testWalletInitScript, { ...options, info });
}
