import type { Address, Hex } from "viem";
import { useReadContracts } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

export type RecordPointer = {
  owner: Address;
  cid: Hex;
  version: bigint;
  updatedAt: bigint;
  tokenUri: string | undefined;
};

/** Owner, current pointer and art of one token, in one multicall; `exists` is false once burned. */
export function useRecordPointerRead(tokenId: bigint | undefined) {
  const status = useDeploymentStatus();
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      tokenId === undefined
        ? []
        : [
            { ...bioDentalContract, functionName: "ownerOf", args: [tokenId] },
            { ...bioDentalContract, functionName: "recordOf", args: [tokenId] },
            { ...bioDentalContract, functionName: "tokenURI", args: [tokenId] },
          ],
    query: { enabled: status.state === "ready" && tokenId !== undefined },
  });
  const [owner, record, uri] = reads.data ?? [];
  const pointer: RecordPointer | undefined =
    owner?.status === "success" && record?.status === "success"
      ? {
          owner: owner.result as Address,
          cid: (record.result as readonly [Hex, bigint, bigint])[0],
          version: (record.result as readonly [Hex, bigint, bigint])[1],
          updatedAt: (record.result as readonly [Hex, bigint, bigint])[2],
          tokenUri: uri?.status === "success" ? (uri.result as string) : undefined,
        }
      : undefined;
  return {
    pointer,
    exists: reads.data ? pointer !== undefined : undefined,
    isPending: status.state !== "ready" || reads.isPending,
    error: reads.error,
  };
}
