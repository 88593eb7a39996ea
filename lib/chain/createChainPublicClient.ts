import { type Chain, type PublicClient, type Transport, createPublicClient, http } from "viem";

export type CreateChainPublicClientParameters = {
  chain: Chain;
  /** Default: the chain's first HTTP RPC URL. */
  rpcUrl?: string | undefined;
};

export type CreateChainPublicClientReturnType = PublicClient<Transport, Chain>;

/**
 * A viem public client with JSON-RPC batching on: a table of N rows reads in one HTTP round trip
 * instead of N (the house rule: never one RPC call per row).
 *
 * @example
 * const client = createChainPublicClient({ chain: createLocalChain() })
 * await client.getChainId()
 */
export function createChainPublicClient({
  chain,
  rpcUrl,
}: CreateChainPublicClientParameters): CreateChainPublicClientReturnType {
  return createPublicClient({
    chain,
    transport: http(rpcUrl ?? chain.rpcUrls.default.http[0], { batch: { wait: 0 }, retryCount: 1 }),
  });
}
