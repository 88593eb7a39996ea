import type {
  Abi,
  Address,
  Client,
  ContractEventArgs,
  ContractEventName,
  GetContractEventsReturnType,
} from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { EventHistoryError } from "./errors.ts";

export type GetEventHistoryParameters<
  abi extends Abi,
  eventName extends ContractEventName<abi> | undefined,
> = {
  client: Client;
  address: Address;
  abi: abi;
  eventName?: eventName | undefined;
  /** Indexed-argument filter, e.g. `{ tokenId }` or `{ grantee }`. */
  args?:
    | ContractEventArgs<
        abi,
        eventName extends ContractEventName<abi> ? eventName : ContractEventName<abi>
      >
    | undefined;
  /** First block to read: the deployment block, or one past the last block already cached. */
  fromBlock: bigint;
  /** Last block to read. Default: the latest block, read once so every page agrees. */
  toBlock?: bigint | undefined;
  /** Blocks per `eth_getLogs` call. Default 10,000; halved while the RPC refuses the range. */
  pageSize?: bigint | undefined;
  /** Called after each page, e.g. to show progress or fill a cache incrementally. */
  onPage?: ((page: { fromBlock: bigint; toBlock: bigint; logCount: number }) => void) | undefined;
};

export type GetEventHistoryReturnType<
  abi extends Abi,
  eventName extends ContractEventName<abi> | undefined,
> = {
  logs: GetContractEventsReturnType<abi, eventName, true>;
  fromBlock: bigint;
  /** Every log up to and including this block is in `logs`: resume from `toBlock + 1`. */
  toBlock: bigint;
};

const DEFAULT_PAGE_SIZE = 10_000n;

/**
 * Reads a contract's event history from `fromBlock` (the deployment block, never 0) in pages of
 * blocks, halving the page whenever a provider refuses a range as too large, and returns how far
 * it got so a cache can resume from there instead of re-reading history.
 *
 * @example
 * const { logs, toBlock } = await getEventHistory({
 *   client, address, abi: bioDentalNftAbi, eventName: "AccessGranted", args: { grantee }, fromBlock: deploymentBlock,
 * })
 */
export async function getEventHistory<
  const abi extends Abi,
  eventName extends ContractEventName<abi> | undefined = undefined,
>(
  parameters: GetEventHistoryParameters<abi, eventName>,
): Promise<GetEventHistoryReturnType<abi, eventName>> {
  const { client, address, abi, eventName, args, fromBlock, onPage } = parameters;
  const toBlock = parameters.toBlock ?? (await getBlockNumber(client, { cacheTime: 0 }));
  let pageSize = parameters.pageSize ?? DEFAULT_PAGE_SIZE;
  const logs: unknown[] = [];
  let start = fromBlock;
  while (start <= toBlock) {
    const end = start + pageSize - 1n < toBlock ? start + pageSize - 1n : toBlock;
    let page: unknown[];
    try {
      page = (await getContractEvents(client, {
        address,
        abi: abi as Abi,
        eventName: eventName as string | undefined,
        args: args as never,
        fromBlock: start,
        toBlock: end,
        strict: true,
      })) as unknown[];
    } catch (cause) {
      // Some providers cap the range at a handful of blocks; a one-block page they still refuse
      // is a refusal of something else, and retrying would not help.
      const attempted = end - start + 1n;
      if (attempted <= 1n) throw new EventHistoryError({ fromBlock: start, toBlock: end, cause });
      pageSize = attempted / 2n;
      continue;
    }
    logs.push(...page);
    onPage?.({ fromBlock: start, toBlock: end, logCount: page.length });
    start = end + 1n;
  }
  return { logs: logs as GetContractEventsReturnType<abi, eventName, true>, fromBlock, toBlock };
}
