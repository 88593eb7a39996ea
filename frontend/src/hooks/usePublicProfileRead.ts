import { useReadContract } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

/** `publicProfileOf(tokenId)`: empty unless the owner consents. */
export function usePublicProfileRead(tokenId: bigint) {
  const status = useDeploymentStatus();
  const read = useReadContract({
    ...bioDentalContract,
    functionName: "publicProfileOf",
    args: [tokenId],
    query: { enabled: status.state === "ready" },
  });
  return {
    title: read.data?.[0],
    storyCid: read.data?.[1],
    consent: read.data?.[2],
    isPending: read.isPending,
    error: read.error,
  };
}
