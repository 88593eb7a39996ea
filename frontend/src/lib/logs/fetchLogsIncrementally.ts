export type LogWindow<T> = {
  /** The last block included. */
  toBlock: bigint;
  /** Everything found from the deployment block through `toBlock`, oldest first. */
  items: T[];
};

export type FetchLogsIncrementallyParameters<T> = {
  /** What an earlier call returned (from the TanStack cache): only newer blocks are fetched. */
  previous: LogWindow<T> | undefined;
  /** The contract's deployment block: nothing before it can hold its events. */
  fromBlock: bigint;
  latestBlock: bigint;
  /** Blocks per eth_getLogs call; public RPCs cap ranges (often 10,000). */
  pageSize: bigint;
  fetchRange: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<T[]>;
};

/**
 * Reads event history in pages from where the cache stopped, never from block 0 and never the
 * same range twice: the first call pages from the deployment block, later calls only fetch the
 * blocks mined since. A chain that went backwards (a restarted local node) starts over.
 *
 * @example
 * const window = await fetchLogsIncrementally({ previous, fromBlock: deployment.deploymentBlock, latestBlock, pageSize: 10_000n, fetchRange })
 */
export async function fetchLogsIncrementally<T>({
  previous,
  fromBlock,
  latestBlock,
  pageSize,
  fetchRange,
}: FetchLogsIncrementallyParameters<T>): Promise<LogWindow<T>> {
  if (pageSize <= 0n) throw new RangeError("pageSize must be positive");
  const usable =
    previous && previous.toBlock <= latestBlock && previous.toBlock >= fromBlock - 1n
      ? previous
      : undefined;
  const start = usable ? usable.toBlock + 1n : fromBlock;
  const items = usable ? [...usable.items] : [];
  for (let from = start; from <= latestBlock; from += pageSize) {
    const to = from + pageSize - 1n < latestBlock ? from + pageSize - 1n : latestBlock;
    items.push(...(await fetchRange({ fromBlock: from, toBlock: to })));
  }
  return { toBlock: latestBlock, items };
}
