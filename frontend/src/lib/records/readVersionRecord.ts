import { type Hex, hexToBytes } from "viem";
import { decryptEnvelope } from "#lib/crypto/envelope/decryptEnvelope.ts";
import { NotARecipientError } from "#lib/crypto/errors.ts";
import { cidFromBytes } from "#lib/ipfs/cid.ts";
import { openRecordPayload } from "#lib/record/openRecordPayload.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { recordBinding } from "#lib/records/recordBinding.ts";
import type { RecordsClient } from "#lib/records/recordsClient.ts";
import { streamFromAsyncIterable } from "#lib/records/streams.ts";

export type ReadVersionRecordParameters = {
  tokenId: bigint;
  version: bigint;
  /** The version's binary CID, from its RecordUpdated log. */
  cid: Hex;
  privateKey: Uint8Array;
  /** Wraps delivered in AccessGranted logs: a grantee's key to the version current at a grant. */
  grantWraps?: readonly Hex[] | undefined;
};

/**
 * The record JSON of any past version (for the timeline), decrypting only the front of the
 * payload. Tries the reader's wrap in the header, then each grant wrap.
 *
 * @example
 * const record = await readVersionRecord(client, { tokenId, version: 2n, cid, privateKey })
 */
export async function readVersionRecord(
  client: RecordsClient,
  { tokenId, version, cid, privateKey, grantWraps = [] }: ReadVersionRecordParameters,
): Promise<OralWellnessRecord> {
  const cidText = cidFromBytes(cid);
  const binding = recordBinding(client, { tokenId, version });
  const candidates: (Uint8Array | undefined)[] = [
    undefined,
    ...grantWraps.filter((wrap) => wrap !== "0x").map((wrap) => hexToBytes(wrap)),
  ];
  let lastError: unknown;
  for (const wrappedKey of candidates) {
    try {
      const { plaintext } = await decryptEnvelope({
        ciphertext: streamFromAsyncIterable(client.ipfs.cat(cidText)),
        binding,
        privateKey,
        wrappedKey,
      });
      const payload = await openRecordPayload(plaintext);
      await payload.cancel();
      return payload.record;
    } catch (error) {
      lastError = error;
      // Only a missing or foreign wrap is worth another try; tampering or a lost payload is final.
      if (
        !(error instanceof NotARecipientError) &&
        (error as { name?: string }).name !== "WrongRecipientKeyError"
      )
        throw error;
    }
  }
  throw lastError;
}
