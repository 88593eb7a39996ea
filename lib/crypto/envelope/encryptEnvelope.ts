import { type RecordBinding, encodeBinding, hashBinding } from "#lib/crypto/binding.ts";
import { generateDataKey, importDataKey } from "#lib/crypto/dataKey.ts";
import { keyIdOf } from "#lib/crypto/hpke/keyId.ts";
import { wrapDataKey } from "#lib/crypto/hpke/wrapDataKey.ts";
import { streamOf } from "#lib/crypto/stream/byteReader.ts";
import { createEncryptionStream } from "#lib/crypto/stream/createEncryptionStream.ts";
import {
  DEFAULT_SEGMENT_SIZE,
  NONCE_PREFIX_LENGTH,
  assertSegmentSize,
  segmentsCiphertextLength,
} from "#lib/crypto/stream/segments.ts";
import {
  type EnvelopeHeader,
  type EnvelopeRecipient,
  computeHeaderTag,
  decodeEnvelopeHeader,
  encodeEnvelopeHeaderBody,
} from "./header.ts";

export type EncryptEnvelopeParameters = {
  /** The plaintext payload (e.g. from `encodeRecordPayload`). */
  plaintext: ReadableStream<Uint8Array> | Uint8Array;
  /** Plaintext length; recommended for streams (enables exact truncation detection and range reads). */
  plaintextLength?: number | undefined;
  binding: RecordBinding;
  /** The owner's X25519 public key: the owner is always a recipient. */
  ownerPublicKey: Uint8Array;
  /** Other readers (active READ grantees when re-encrypting). Duplicates are dropped. */
  recipientPublicKeys?: Uint8Array[] | undefined;
  segmentSize?: number | undefined;
  concurrency?: number | undefined;
  /** Only for tests: a caller-chosen data key. Never reuse one across versions. */
  dataKey?: Uint8Array | undefined;
};

export type EncryptEnvelopeReturnType = {
  /** Header followed by the segments: the bytes to pin. */
  ciphertext: ReadableStream<Uint8Array>;
  header: EnvelopeHeader;
  /** The data key, e.g. to wrap it later for a grantee with `wrapDataKey`. Keep it in memory only. */
  dataKey: Uint8Array;
  /** Total envelope bytes, when the plaintext length is known. */
  ciphertextLength: number | undefined;
};

/**
 * Encrypts a record payload into an envelope (see `header.ts` for the layout) for the owner and
 * the given recipients, under a fresh data key. The returned stream is lazy: nothing is encrypted
 * until it is read, and memory stays constant whatever the size.
 *
 * @example
 * const { ciphertext } = await encryptEnvelope({ plaintext, plaintextLength, binding, ownerPublicKey })
 * const cid = await ipfs.add(ciphertext)
 */
export async function encryptEnvelope(
  parameters: EncryptEnvelopeParameters,
): Promise<EncryptEnvelopeReturnType> {
  const { binding, ownerPublicKey } = parameters;
  const segmentSize = parameters.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  assertSegmentSize(segmentSize);
  const plaintextLength =
    parameters.plaintext instanceof Uint8Array
      ? parameters.plaintext.length
      : parameters.plaintextLength;
  if (
    parameters.plaintext instanceof Uint8Array &&
    parameters.plaintextLength !== undefined &&
    parameters.plaintextLength !== plaintextLength
  ) {
    throw new RangeError(
      `plaintextLength ${parameters.plaintextLength} differs from the ${plaintextLength} bytes given`,
    );
  }
  const dataKey = parameters.dataKey ?? generateDataKey();
  const key = await importDataKey(dataKey);
  const aad = encodeBinding(binding);
  const noncePrefix = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_PREFIX_LENGTH));

  const recipients: EnvelopeRecipient[] = [];
  const seen = new Set<string>();
  for (const publicKey of [ownerPublicKey, ...(parameters.recipientPublicKeys ?? [])]) {
    const keyId = keyIdOf(publicKey);
    const id = keyId.join(",");
    if (seen.has(id)) continue;
    seen.add(id);
    recipients.push({
      keyId,
      wrappedKey: await wrapDataKey({ dataKey, recipientPublicKey: publicKey, binding }),
    });
  }

  const body = encodeEnvelopeHeaderBody({
    segmentSize,
    plaintextLength,
    noncePrefix,
    bindingHash: hashBinding(binding),
    recipients,
  });
  const tag = await computeHeaderTag(key, noncePrefix, aad, body);
  const headerBytes = new Uint8Array(body.length + tag.length);
  headerBytes.set(body, 0);
  headerBytes.set(tag, body.length);
  const header = decodeEnvelopeHeader(headerBytes);

  const source =
    parameters.plaintext instanceof Uint8Array
      ? streamOf(parameters.plaintext)
      : parameters.plaintext;
  const segments = source
    .pipeThrough(
      createEncryptionStream({
        key,
        noncePrefix,
        aad,
        segmentSize,
        plaintextLength,
        concurrency: parameters.concurrency,
      }),
    )
    .getReader();
  let headerSent = false;
  const ciphertext = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(headerBytes);
          return;
        }
        const { done, value } = await segments.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return segments.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );

  return {
    ciphertext,
    header,
    dataKey,
    ciphertextLength:
      plaintextLength === undefined
        ? undefined
        : header.headerLength + segmentsCiphertextLength(plaintextLength, segmentSize),
  };
}
