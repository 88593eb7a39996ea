import { type Address, isAddressEqual } from "viem";
import { readContract } from "viem/actions";
import { decryptEnvelope } from "#lib/crypto/envelope/decryptEnvelope.ts";
import type { EnvelopeHeader } from "#lib/crypto/envelope/header.ts";
import { NotARecipientError } from "#lib/crypto/errors.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { openRecordPayload } from "#lib/record/openRecordPayload.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { AccessDeniedError, GrantExpiredError } from "./errors.ts";
import { findGrantWrappedKey } from "./findGrantWrappedKey.ts";
import type { OnRecordProgress } from "./progress.ts";
import { recordBinding } from "./recordBinding.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { readRecordPointer } from "./readRecordPointer.ts";
import { SCOPE_READ, hasScope } from "./scopes.ts";
import { streamFromAsyncIterable } from "./streams.ts";

export type ReadRecordParameters = {
  tokenId: bigint;
  /** Who reads: the owner or a READ grantee. */
  reader: Address;
  /** The reader's X25519 private key. */
  privateKey: Uint8Array;
  onProgress?: OnRecordProgress;
};

export type ReadRecordReturnType = {
  record: OralWellnessRecord;
  owner: Address;
  version: bigint;
  cid: string;
  header: EnvelopeHeader;
  /** Streams one attachment, decrypting as it downloads (in stored order). */
  readAttachment(selector: string | number): ReadableStream<Uint8Array>;
  /** Stops the download when the attachments are not needed. */
  cancel(): Promise<void>;
};

/**
 * Fetches and decrypts the current version of a record for its owner or a grantee. A grantee's
 * wrap is found in the envelope header (versions encrypted after the grant) or, failing that, in
 * its `AccessGranted` event (the version current at the grant).
 *
 * @throws {AccessDeniedError} the reader is not the owner and holds no READ grant.
 * @throws {GrantExpiredError} the reader's grant has expired.
 * @throws {NotARecipientError} no wrap for the reader's key (e.g. the key was changed after the grant).
 * @example
 * const { record, readAttachment } = await readRecord(client, { tokenId, reader, privateKey: keyPair.privateKey })
 */
export async function readRecord(
  client: RecordsClient,
  { tokenId, reader, privateKey, onProgress }: ReadRecordParameters,
): Promise<ReadRecordReturnType> {
  const { owner, cid, version } = await readRecordPointer(client, tokenId);
  const isOwner = isAddressEqual(owner, reader);
  if (!isOwner) await assertCanRead(client, tokenId, reader);
  const binding = recordBinding(client, { tokenId, version });
  const download = (): ReadableStream<Uint8Array> =>
    streamFromAsyncIterable(client.ipfs.cat(cid), (bytesDone) =>
      onProgress?.({ stage: "download", bytesDone, bytesTotal: undefined }),
    );

  let opened: Awaited<ReturnType<typeof decryptEnvelope>>;
  try {
    opened = await decryptEnvelope({ ciphertext: download(), binding, privateKey });
  } catch (error) {
    if (isOwner || !(error instanceof NotARecipientError)) throw error;
    const wrappedKey = await findGrantWrappedKey(client, { tokenId, grantee: reader });
    if (!wrappedKey) throw error;
    opened = await decryptEnvelope({ ciphertext: download(), binding, privateKey, wrappedKey });
  }
  const payload = await openRecordPayload(opened.plaintext);
  return {
    record: payload.record,
    owner,
    version,
    cid,
    header: opened.header,
    readAttachment: payload.readAttachment,
    // Abandoning the rest of the payload is not a failure: the decryption pipeline may still
    // report the segment it was working on when the download stops, and nobody wants it.
    cancel: () => payload.cancel().catch(() => undefined),
  };
}

async function assertCanRead(
  client: RecordsClient,
  tokenId: bigint,
  reader: Address,
): Promise<void> {
  const read = { address: client.contract, abi: bioDentalNftAbi } as const;
  const [canRead, [scopes, expiresAt]] = await Promise.all([
    readContract(client.publicClient, {
      ...read,
      functionName: "hasAccess",
      args: [tokenId, reader, SCOPE_READ],
    }),
    readContract(client.publicClient, {
      ...read,
      functionName: "grantOf",
      args: [tokenId, reader],
    }),
  ]);
  if (canRead) return;
  if (hasScope(scopes, SCOPE_READ))
    throw new GrantExpiredError({ tokenId, account: reader, expiresAt });
  throw new AccessDeniedError({ tokenId, account: reader });
}
