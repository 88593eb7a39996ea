import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

const ZERO = `0x${"0".repeat(64)}`;

/**
 * `encryptionKeyOf(account)` with the states a page shows: "unavailable" while the contract
 * cannot be reached (the status banner says why), `registered` false for bytes32(0).
 */
export function useRegisteredKeyRead(account: Address | undefined) {
  const deploymentStatus = useDeploymentStatus();
  const ready = deploymentStatus.state === "ready";
  const read = useReadContract({
    ...bioDentalContract,
    functionName: "encryptionKeyOf",
    args: account ? [account] : undefined,
    query: { enabled: ready && Boolean(account) },
  });
  const status = !ready
    ? "unavailable"
    : read.isError
      ? "error"
      : read.data === undefined
        ? "pending"
        : "ready";
  return {
    status,
    registered: read.data !== undefined && read.data !== ZERO,
    publicKey: read.data,
    error: read.error,
  } as const;
}
