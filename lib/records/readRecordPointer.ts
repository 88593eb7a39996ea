import type { Address } from "viem";
import { readContract } from "viem/actions";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { cidFromBytes } from "#lib/ipfs/cid.ts";
import { RecordNotFoundError } from "./errors.ts";
import type { RecordsClient } from "./recordsClient.ts";

export type ReadRecordPointerReturnType = {
  owner: Address;
  cid: string;
  version: bigint;
  updatedAt: bigint;
};

/**
 * The token's owner and current record pointer (CID string, version), in one batched round trip.
 *
 * @throws {RecordNotFoundError} the token was never minted or was burned.
 * @example
 * const { cid, version } = await readRecordPointer(client, tokenId)
 */
export async function readRecordPointer(
  client: Pick<RecordsClient, "publicClient" | "contract">,
  tokenId: bigint,
): Promise<ReadRecordPointerReturnType> {
  const read = { address: client.contract, abi: bioDentalNftAbi } as const;
  let owner: Address;
  let pointer: readonly [`0x${string}`, bigint, bigint];
  try {
    [owner, pointer] = await Promise.all([
      readContract(client.publicClient, { ...read, functionName: "ownerOf", args: [tokenId] }),
      readContract(client.publicClient, { ...read, functionName: "recordOf", args: [tokenId] }),
    ]);
  } catch (cause) {
    throw Object.assign(new RecordNotFoundError({ tokenId }), { cause });
  }
  const [cidBytes, version, updatedAt] = pointer;
  if (cidBytes === "0x") throw new RecordNotFoundError({ tokenId });
  return { owner, cid: cidFromBytes(cidBytes), version, updatedAt };
}
