import type { Address } from "viem";
import { useTokenGrantsList } from "../../hooks/useTokenGrantsList.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import { grantEnded } from "../../lib/records/grantState.ts";

/**
 * "Shared with 0x…" after a grant, for as long as that grant lasts. It reads the same grant
 * list as "Who can access it", which a revoke's receipt refreshes: a revoked reader's
 * confirmation goes away at once instead of contradicting the list until a reload.
 */
export function GrantDoneNotice({ tokenId, grantee }: { tokenId: bigint; grantee: Address }) {
  const list = useTokenGrantsList([tokenId]);
  if (grantEnded(list.grants, tokenId, grantee)) return null;
  return (
    <p className="notice notice-ok" role="status" data-testid="grant-done">
      Shared with {shortAddress(grantee)}.
    </p>
  );
}
