import type { Address } from "viem";
import { useReadContract, useReadContracts } from "wagmi";
import { tokenIdOf } from "#lib/records/tokenId.ts";
import { PRESENT_SCOPE, bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";
import { useEventHistory } from "./useEventHistory.ts";

export type PresentableToken =
  | { tokenId: bigint; role: "owner" }
  | { tokenId: bigint; role: "delegate"; owner: Address; expiresAt: bigint };

/**
 * The tokens `holder` may present at a booth: those it owns (ids are `holder << 96 | index`, so
 * `nextTokenIdOf` lists every candidate and one multicall of `ownerOf` drops the burned ones), and
 * those it holds an unexpired PRESENT grant on (a phone hot wallet presenting for a cold wallet),
 * found from `AccessGranted` logs naming it and confirmed with `hasAccess`.
 */
export function useBoothPresentableTokens(holder: Address | undefined) {
  const status = useDeploymentStatus();
  const ready = status.state === "ready" && holder !== undefined;
  const next = useReadContract({
    ...bioDentalContract,
    functionName: "nextTokenIdOf",
    args: holder ? [holder] : undefined,
    query: { enabled: ready },
  });
  const count = next.data === undefined || !holder ? 0n : next.data & ((1n << 96n) - 1n);
  const ownedCandidates: bigint[] = [];
  for (let i = count - 1n; i >= 0n && holder; i--) ownedCandidates.push(tokenIdOf(holder, i));

  const granted = useEventHistory({
    eventName: "AccessGranted",
    args: { grantee: holder },
    enabled: ready,
  });
  const delegatedCandidates = [
    ...new Set((granted.data?.items ?? []).map((log) => log.args.tokenId)),
  ];

  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      ...ownedCandidates.map(
        (tokenId) => ({ ...bioDentalContract, functionName: "ownerOf", args: [tokenId] }) as const,
      ),
      ...delegatedCandidates.flatMap((tokenId) => [
        {
          ...bioDentalContract,
          functionName: "hasAccess",
          args: [tokenId, holder!, PRESENT_SCOPE],
        } as const,
        { ...bioDentalContract, functionName: "grantOf", args: [tokenId, holder!] } as const,
        { ...bioDentalContract, functionName: "ownerOf", args: [tokenId] } as const,
      ]),
    ],
    query: { enabled: ready && ownedCandidates.length + delegatedCandidates.length > 0 },
  });

  const tokens: PresentableToken[] = [];
  ownedCandidates.forEach((tokenId, i) => {
    const owner = reads.data?.[i];
    if (
      owner?.status === "success" &&
      (owner.result as Address).toLowerCase() === holder?.toLowerCase()
    )
      tokens.push({ tokenId, role: "owner" });
  });
  delegatedCandidates.forEach((tokenId, i) => {
    const base = ownedCandidates.length + 3 * i;
    const [access, grant, owner] = [
      reads.data?.[base],
      reads.data?.[base + 1],
      reads.data?.[base + 2],
    ];
    if (
      access?.status !== "success" ||
      access.result !== true ||
      grant?.status !== "success" ||
      owner?.status !== "success"
    )
      return;
    const [, expiresAt] = grant.result as readonly [number, bigint];
    tokens.push({ tokenId, role: "delegate", owner: owner.result as Address, expiresAt });
  });

  return {
    tokens,
    isPending:
      !ready ||
      next.isPending ||
      granted.isPending ||
      (ownedCandidates.length + delegatedCandidates.length > 0 && reads.isPending),
    error: next.error ?? granted.error ?? reads.error,
  };
}
