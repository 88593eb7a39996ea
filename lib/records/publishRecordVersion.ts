import { type Address, type Hash, hexToBytes } from "viem";
import { readContract } from "viem/actions";
import { decryptEnvelope } from "#lib/crypto/envelope/decryptEnvelope.ts";
import { encryptEnvelope } from "#lib/crypto/envelope/encryptEnvelope.ts";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { cidToHex } from "#lib/ipfs/cid.ts";
import { type AttachmentSource, encodeRecordPayload } from "#lib/record/encodeRecordPayload.ts";
import type { OralWellnessRecordInput } from "#lib/record/schema.ts";
import { listGrants } from "./listGrants.ts";
import type { OnRecordProgress } from "./progress.ts";
import { recordBinding } from "./recordBinding.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { readRecordPointer } from "./readRecordPointer.ts";
import { streamFromAsyncIterable } from "./streams.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type PublishRecordVersionParameters = {
  tokenId: bigint;
  /** The owner's key pair: it unwraps the current version (re-encryption) and stays a recipient. */
  ownerKeyPair: EncryptionKeyPair;
  /** New content; omitted, the current version's plaintext is re-encrypted as it is. */
  content?:
    { record: OralWellnessRecordInput; attachments?: AttachmentSource[] | undefined } | undefined;
  onProgress?: OnRecordProgress;
};

export type PublishRecordVersionReturnType = {
  hash: Hash;
  version: bigint;
  cid: string;
  previousCid: string;
  /** The active READ grantees the new version was encrypted for (besides the owner). */
  recipients: Address[];
  /** Active READ grantees left out because they have no registered key any more. */
  skipped: Address[];
};

/**
 * Writes the next version of a record under a fresh data key, for the owner and the grantees
 * whose READ grant is active now, then points the token at it (`updateRecord`) and unpins the
 * previous version. The plaintext streams from the old envelope (or the new content) through
 * the encryption into the upload, so memory stays bounded whatever the attachments weigh.
 * This is the re-encryption after a revoke, and the update flow.
 *
 * @example
 * await publishRecordVersion(client, { tokenId, ownerKeyPair })  // re-encrypt for who may still read
 */
export async function publishRecordVersion(
  client: RecordsClient,
  parameters: PublishRecordVersionParameters,
): Promise<PublishRecordVersionReturnType> {
  const { tokenId, ownerKeyPair, content, onProgress } = parameters;
  const current = await readRecordPointer(client, tokenId);
  const { grants } = await listGrants(client, { tokenId });
  const readers = grants.filter((grant) => grant.canRead).map((grant) => grant.grantee);
  const keys = await Promise.all(
    readers.map((grantee) =>
      readContract(client.publicClient, {
        address: client.contract,
        abi: bioDentalNftAbi,
        functionName: "encryptionKeyOf",
        args: [grantee],
      }),
    ),
  );
  const recipients = readers.filter((_, i) => !/^0x0+$/.test(keys[i]!));
  const skipped = readers.filter((_, i) => /^0x0+$/.test(keys[i]!));
  const recipientPublicKeys = keys
    .filter((key) => !/^0x0+$/.test(key))
    .map((key) => hexToBytes(key));

  let plaintext: ReadableStream<Uint8Array>;
  let plaintextLength: number | undefined;
  if (content) {
    const payload = encodeRecordPayload(content);
    plaintext = payload.stream;
    plaintextLength = payload.length;
  } else {
    const ciphertext = streamFromAsyncIterable(client.ipfs.cat(current.cid), (bytesDone) =>
      onProgress?.({ stage: "download", bytesDone, bytesTotal: undefined }),
    );
    const opened = await decryptEnvelope({
      ciphertext,
      binding: recordBinding(client, { tokenId, version: current.version }),
      privateKey: ownerKeyPair.privateKey,
    });
    plaintext = opened.plaintext;
    plaintextLength = opened.header.plaintextLength;
  }

  const version = current.version + 1n;
  const { ciphertext, ciphertextLength } = await encryptEnvelope({
    plaintext,
    plaintextLength,
    binding: recordBinding(client, { tokenId, version }),
    ownerPublicKey: ownerKeyPair.publicKey,
    recipientPublicKeys,
  });
  const { cid } = await client.ipfs.addStream(ciphertext, {
    pin: true,
    onProgress: (bytesDone) =>
      onProgress?.({ stage: "encrypt-upload", bytesDone, bytesTotal: ciphertextLength }),
  });
  let hash: Hash;
  try {
    ({ hash } = await writeBioDental(client, {
      functionName: "updateRecord",
      args: [tokenId, cidToHex(cid)],
      onProgress,
    }));
  } catch (error) {
    await client.ipfs.unpin(cid).catch(() => undefined);
    throw error;
  }
  if (current.cid !== cid) {
    onProgress?.({ stage: "unpin", cid: current.cid });
    await client.ipfs.unpin(current.cid);
  }
  return { hash, version, cid, previousCid: current.cid, recipients, skipped };
}
