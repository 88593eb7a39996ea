import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { type GrantView, replayGrants } from "../lib/records/grantState.ts";
import { useClockTick } from "./useClockTick.ts";
import { useEventHistory } from "./useEventHistory.ts";

export type SharedRecord = GrantView & { owner: Address; tokenUri: string | undefined };

/**
 * Records others shared with `account`: its grant history (two filtered log queries, whatever the
 * number of records), then owner and art of each token in one multicall; burned tokens drop out.
 */
export function useGrantsToMeList(account: Address | undefined) {
  const enabled = Boolean(account);
  const granted = useEventHistory({
    eventName: "AccessGranted",
    args: { grantee: account },
    enabled,
  });
  const revoked = useEventHistory({
    eventName: "AccessRevoked",
    args: { grantee: account },
    enabled,
  });
  const now = useClockTick(5_000);
  const grants =
    granted.data && revoked.data
      ? replayGrants({
          granted: granted.data.items,
          revoked: revoked.data.items,
          nowSeconds: BigInt(Math.floor(now / 1000)),
        })
      : [];
  const reads = useReadContracts({
    allowFailure: true,
    contracts: grants.flatMap((grant) => [
      { ...bioDentalContract, functionName: "ownerOf", args: [grant.tokenId] } as const,
      { ...bioDentalContract, functionName: "tokenURI", args: [grant.tokenId] } as const,
    ]),
    query: { enabled: grants.length > 0 },
  });
  const shared: SharedRecord[] = [];
  grants.forEach((grant, i) => {
    const owner = reads.data?.[2 * i];
    const uri = reads.data?.[2 * i + 1];
    if (owner?.status !== "success") return;
    shared.push({
      ...grant,
      owner: owner.result as Address,
      tokenUri: uri?.status === "success" ? (uri.result as string) : undefined,
    });
  });
  return {
    shared,
    isPending:
      enabled && (granted.isPending || revoked.isPending || (grants.length > 0 && reads.isPending)),
    error: granted.error ?? revoked.error ?? reads.error,
  };
}
