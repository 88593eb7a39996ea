import {
  type Address,
  type EIP1193Parameters,
  type EIP1193Provider,
  type EIP1193RequestFn,
  type Hex,
  getAddress,
  numberToHex,
} from "viem";

/** An EIP-1193 error as wallets throw it: viem maps `code` to its typed RPC errors. */
export class DevWalletRpcError extends Error {
  override name = "DevWalletRpcError";
  readonly code: number;
  readonly data: unknown;
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

type Listener = (...args: never[]) => void;

export type DevWalletProvider = EIP1193Provider & {
  /** The node's unlocked accounts, in the node's order. */
  listAccounts(): Promise<Address[]>;
  /** Makes `account` the one the app acts as, and tells wagmi (`accountsChanged`). */
  selectAccount(account: Address): void;
  selectedAccount(): Address | undefined;
};

export type CreateDevWalletProviderParameters = {
  rpcUrl: string;
  chainId: number;
  /** Remembers the picked account across reloads. */
  storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined;
  fetchFn?: typeof fetch | undefined;
};

const STORAGE_KEY = "biodental.devWallet.account";

/**
 * A wallet for the local Hardhat chain only: it holds no private key; it forwards signing and
 * sending to the Hardhat node, whose accounts are unlocked. `eth_accounts` and `eth_chainId`
 * answer from memory, so reconnecting at page load makes no network call (the chain may be down).
 *
 * @example
 * const provider = createDevWalletProvider({ rpcUrl: "http://127.0.0.1:8545", chainId: 31337 })
 * await provider.request({ method: "eth_requestAccounts" })
 */
export function createDevWalletProvider({
  rpcUrl,
  chainId,
  storage,
  fetchFn = globalThis.fetch.bind(globalThis),
}: CreateDevWalletProviderParameters): DevWalletProvider {
  const listeners = new Map<string, Set<Listener>>();
  let selected: Address | undefined = readStored();
  let nextId = 1;

  function readStored(): Address | undefined {
    const value = storage?.getItem(STORAGE_KEY);
    try {
      return value ? getAddress(value) : undefined;
    } catch {
      return undefined;
    }
  }

  function emit(event: string, ...args: unknown[]): void {
    for (const listener of listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => void)(...args);
  }

  async function rpc<T>(method: string, params: unknown = []): Promise<T> {
    let response: Response;
    try {
      response = await fetchFn(rpcUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
      });
    } catch (cause) {
      // -32603 "internal": viem reports it as a node problem rather than a user rejection.
      throw new DevWalletRpcError(-32603, `The local chain at ${rpcUrl} is not reachable`, {
        cause: String(cause),
      });
    }
    const body = (await response.json()) as {
      result?: T;
      error?: { code: number; message: string; data?: unknown };
    };
    if (body.error)
      throw new DevWalletRpcError(body.error.code, body.error.message, body.error.data);
    return body.result as T;
  }

  async function listAccounts(): Promise<Address[]> {
    const accounts = await rpc<string[]>("eth_accounts");
    return accounts.map((account) => getAddress(account));
  }

  async function requestAccounts(): Promise<Address[]> {
    const accounts = await listAccounts();
    if (accounts.length === 0)
      throw new DevWalletRpcError(4100, "The local node has no unlocked accounts");
    if (!selected || !accounts.includes(selected)) select(accounts[0] as Address, false);
    return [selected as Address];
  }

  function select(account: Address, notify: boolean): void {
    selected = getAddress(account);
    storage?.setItem(STORAGE_KEY, selected);
    if (notify) emit("accountsChanged", [selected]);
  }

  function assertFrom(from: unknown): void {
    if (typeof from !== "string" || !selected || getAddress(from) !== selected) {
      throw new DevWalletRpcError(
        4100,
        `The dev wallet acts only as the picked account ${selected ?? "(none)"}`,
      );
    }
  }

  const request = (async ({ method, params }: EIP1193Parameters) => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_chainId":
        return numberToHex(chainId);
      case "eth_accounts":
        return selected ? [selected] : [];
      case "eth_requestAccounts":
        return requestAccounts();
      case "wallet_requestPermissions": {
        const accounts = await requestAccounts();
        return [
          {
            parentCapability: "eth_accounts",
            caveats: [{ type: "restrictReturnedAccounts", value: accounts }],
          },
        ];
      }
      case "wallet_getPermissions":
        return selected
          ? [
              {
                parentCapability: "eth_accounts",
                caveats: [{ type: "restrictReturnedAccounts", value: [selected] }],
              },
            ]
          : [];
      case "wallet_revokePermissions":
        return null;
      case "wallet_switchEthereumChain": {
        const wanted = Number((args[0] as { chainId: Hex }).chainId);
        if (wanted !== chainId)
          throw new DevWalletRpcError(4902, `The dev wallet only knows the local chain ${chainId}`);
        return null;
      }
      case "eth_sendTransaction":
        assertFrom((args[0] as { from?: string }).from);
        return rpc(method, args);
      case "eth_signTypedData_v4":
      case "eth_sign":
        assertFrom(args[0]);
        return rpc(method, args);
      case "personal_sign":
        assertFrom(args[1]);
        return rpc(method, args);
      default:
        return rpc(method, args);
    }
  }) as EIP1193RequestFn;

  function on(event: string, listener: Listener): void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
  }
  function removeListener(event: string, listener: Listener): void {
    listeners.get(event)?.delete(listener);
  }

  return {
    request,
    // EIP1193Provider types each event's listener; the emitter only stores and calls them.
    on: on as EIP1193Provider["on"],
    removeListener: removeListener as EIP1193Provider["removeListener"],
    listAccounts,
    selectAccount: (account) => select(account, true),
    selectedAccount: () => selected,
  };
}
