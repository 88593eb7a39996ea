import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

const ZERO = `0x${"0".repeat(64)}`;

/** `encryptionKeyOf(account)`; `registered` is false for bytes32(0). */
export function useRegisteredKeyRead(account: Address | undefined) {
  const status = useDeploymentStatus();
  const read = useReadContract({
    ...bioDentalContract,
    functionName: "encryptionKeyOf",
    args: account ? [account] : undefined,
    query: { enabled: status.state === "ready" && Boolean(account) },
  });
  return { ...read, registered: read.data !== undefined && read.data !== ZERO, publicKey: read.data };
}
