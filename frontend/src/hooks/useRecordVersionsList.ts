import { useEventHistory } from "./useEventHistory.ts";

/** Every version a record ever had, from its RecordUpdated history (oldest first). */
export function useRecordVersionsList(tokenId: bigint | undefined) {
  const history = useEventHistory({
    eventName: "RecordUpdated",
    args: { tokenId },
    enabled: tokenId !== undefined,
  });
  const versions = (history.data?.items ?? []).map((log) => ({
    version: log.args.version,
    cid: log.args.cid,
    blockNumber: log.blockNumber,
  }));
  return { versions, isPending: history.isPending, error: history.error };
}
