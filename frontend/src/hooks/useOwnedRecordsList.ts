import type { Address, Hex } from "viem";
import { useReadContract, useReadContracts } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { tokenIdOf } from "#lib/records/tokenId.ts";
import { countActiveGrants } from "../lib/records/grantState.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";
import { useTokenGrantsList } from "./useTokenGrantsList.ts";

export type OwnedRecord = {
  tokenId: bigint;
  cid: Hex;
  version: bigint;
  updatedAt: bigint;
  tokenUri: string | undefined;
  activeGrants: number;
};

/**
 * The member's records. Token ids are `owner << 96 | mintIndex`, so `nextTokenIdOf` alone lists
 * every id the member ever minted; one multicall reads each record pointer and its art (burned
 * ones fail and drop out), and one log query per event counts the grants.
 */
export function useOwnedRecordsList(owner: Address | undefined) {
  const status = useDeploymentStatus();
  const ready = status.state === "ready" && Boolean(owner);
  const next = useReadContract({
    ...bioDentalContract,
    functionName: "nextTokenIdOf",
    args: owner ? [owner] : undefined,
    query: { enabled: ready },
  });
  const count = next.data === undefined || !owner ? 0n : next.data & ((1n << 96n) - 1n);
  const candidates: bigint[] = [];
  for (let i = count - 1n; i >= 0n && owner; i--) candidates.push(tokenIdOf(owner, i));

  const reads = useReadContracts({
    allowFailure: true,
    contracts: candidates.flatMap((tokenId) => [
      { ...bioDentalContract, functionName: "recordOf", args: [tokenId] } as const,
      { ...bioDentalContract, functionName: "tokenURI", args: [tokenId] } as const,
    ]),
    query: { enabled: ready && candidates.length > 0 },
  });
  const live = candidates.filter((_, i) => reads.data?.[2 * i]?.status === "success");
  const grants = useTokenGrantsList(live);
  const counts = countActiveGrants(grants.grants);

  const records: OwnedRecord[] = [];
  candidates.forEach((tokenId, i) => {
    const record = reads.data?.[2 * i];
    const uri = reads.data?.[2 * i + 1];
    if (record?.status !== "success") return;
    const [cid, version, updatedAt] = record.result as readonly [Hex, bigint, bigint];
    records.push({
      tokenId,
      cid,
      version,
      updatedAt,
      tokenUri: uri?.status === "success" ? (uri.result as string) : undefined,
      activeGrants: counts.get(tokenId) ?? 0,
    });
  });

  return {
    records,
    isPending: !ready || next.isPending || (candidates.length > 0 && reads.isPending),
    error: next.error ?? reads.error ?? grants.error,
  };
}
