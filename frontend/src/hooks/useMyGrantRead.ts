import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

/** `grantOf(tokenId, account)`: what a grantee holds on someone else's record. */
export function useMyGrantRead(
  tokenId: bigint | undefined,
  account: Address | undefined,
  enabled: boolean,
) {
  const status = useDeploymentStatus();
  const read = useReadContract({
    ...bioDentalContract,
    functionName: "grantOf",
    args: tokenId !== undefined && account ? [tokenId, account] : undefined,
    query: {
      enabled: enabled && status.state === "ready" && tokenId !== undefined && Boolean(account),
    },
  });
  return {
    scopes: read.data?.[0],
    expiresAt: read.data?.[1],
    isPending: read.isPending,
    error: read.error,
  };
}
