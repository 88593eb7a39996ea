import { useClockTick } from "./useClockTick.ts";
import { useEventHistory } from "./useEventHistory.ts";
import { type GrantView, replayGrants } from "../lib/records/grantState.ts";

/**
 * Every grant ever made on `tokenIds` (one or many), replayed from the logs: two getLogs calls
 * per page of blocks, whatever the number of tokens or grantees.
 */
export function useTokenGrantsList(tokenIds: readonly bigint[] | undefined) {
  const enabled = Boolean(tokenIds && tokenIds.length > 0);
  const args = { tokenId: tokenIds ? [...tokenIds] : [] };
  const granted = useEventHistory({ eventName: "AccessGranted", args, enabled });
  const revoked = useEventHistory({ eventName: "AccessRevoked", args, enabled });
  const now = useClockTick(5_000);
  const grants: GrantView[] =
    granted.data && revoked.data
      ? replayGrants({
          granted: granted.data.items,
          revoked: revoked.data.items,
          nowSeconds: BigInt(Math.floor(now / 1000)),
        })
      : [];
  return {
    grants,
    isPending: enabled && (granted.isPending || revoked.isPending),
    error: granted.error ?? revoked.error,
  };
}
