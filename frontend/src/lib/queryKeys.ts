/**
 * TanStack hashes query keys with JSON.stringify, which throws on bigint: keys carry ids as
 * strings. All chain-derived keys start with "chain" so one invalidation after a receipt
 * refreshes every view (event histories refetch only the new blocks).
 */
export const queryKeys = {
  chain: ["chain"] as const,
  eventHistory: (
    chainId: number,
    address: string,
    eventName: string,
    args: Record<string, unknown> | undefined,
  ) =>
    ["chain", "eventHistory", chainId, address.toLowerCase(), eventName, serialize(args)] as const,
  record: (chainId: number, tokenId: bigint, version: bigint, reader: string) =>
    ["record", chainId, tokenId.toString(), version.toString(), reader.toLowerCase()] as const,
  story: (cid: string) => ["story", cid] as const,
};

function serialize(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    typeof v === "bigint" ? `${v}n` : typeof v === "string" ? v.toLowerCase() : v,
  );
}
