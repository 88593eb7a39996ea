import type { Hash } from "viem";
import { readContract } from "viem/actions";
import { encryptEnvelope } from "#lib/crypto/envelope/encryptEnvelope.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { cidToHex } from "#lib/ipfs/cid.ts";
import { type AttachmentSource, encodeRecordPayload } from "#lib/record/encodeRecordPayload.ts";
import type { OralWellnessRecord, OralWellnessRecordInput } from "#lib/record/schema.ts";
import { TokenIdMismatchError } from "./errors.ts";
import type { OnRecordProgress } from "./progress.ts";
import { recordBinding } from "./recordBinding.ts";
import { type RecordsClient, accountOf } from "./recordsClient.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type MintRecordParameters = {
  record: OralWellnessRecordInput;
  attachments?: AttachmentSource[] | undefined;
  /** The owner's key pair (the owner is always a recipient). */
  ownerPublicKey: Uint8Array;
  onProgress?: OnRecordProgress;
};

export type MintRecordReturnType = {
  tokenId: bigint;
  version: 1n;
  /** The pinned envelope. */
  cid: string;
  hash: Hash;
  /** The record as encrypted (attachment sizes and offsets filled in). */
  record: OralWellnessRecord;
};

/**
 * Encrypt, pin, mint: the record and its attachments are encrypted as one stream for the owner
 * under a fresh data key, bound to the token id the mint will create (predictable:
 * `nextTokenIdOf(owner)`), uploaded to IPFS as they are encrypted, and minted. If the mint
 * would not create that token id, or fails, the upload is unpinned and nothing is minted.
 *
 * @example
 * const { tokenId, cid } = await mintRecord(client, { record, attachments, ownerPublicKey: keyPair.publicKey, onProgress })
 */
export async function mintRecord(
  client: RecordsClient,
  parameters: MintRecordParameters,
): Promise<MintRecordReturnType> {
  const { onProgress } = parameters;
  const owner = accountOf(client).address;
  const tokenId = await readContract(client.publicClient, {
    address: client.contract,
    abi: bioDentalNftAbi,
    functionName: "nextTokenIdOf",
    args: [owner],
  });
  const payload = encodeRecordPayload({
    record: parameters.record,
    attachments: parameters.attachments,
  });
  const { ciphertext, ciphertextLength } = await encryptEnvelope({
    plaintext: payload.stream,
    plaintextLength: payload.length,
    binding: recordBinding(client, { tokenId, version: 1n }),
    ownerPublicKey: parameters.ownerPublicKey,
  });
  const { cid } = await client.ipfs.addStream(ciphertext, {
    pin: true,
    onProgress: (bytesDone) =>
      onProgress?.({ stage: "encrypt-upload", bytesDone, bytesTotal: ciphertextLength }),
  });
  try {
    const { hash } = await writeBioDental(client, {
      functionName: "mint",
      args: [cidToHex(cid)],
      onProgress,
      beforeSend: (result) => {
        if (result !== tokenId)
          throw new TokenIdMismatchError({ expected: tokenId, actual: result as bigint });
      },
    });
    return { tokenId, version: 1n, cid, hash, record: payload.record };
  } catch (error) {
    // A pinned payload no token points to would never be cleaned up.
    await client.ipfs.unpin(cid).catch(() => undefined);
    throw error;
  }
}
