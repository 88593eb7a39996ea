import type { RecordBinding } from "#lib/crypto/binding.ts";
import { createDecryptionStream } from "#lib/crypto/stream/createDecryptionStream.ts";
import type { EnvelopeHeader } from "./header.ts";
import { openEnvelope } from "./openEnvelope.ts";
import { readEnvelopeHeader } from "./readEnvelopeHeader.ts";

export type DecryptEnvelopeParameters = {
  /** The whole envelope as pinned (header + segments). */
  ciphertext: ReadableStream<Uint8Array>;
  /** The token/version being read, from the contract. */
  binding: RecordBinding;
  concurrency?: number | undefined;
} & (
  | { privateKey: Uint8Array; wrappedKey?: Uint8Array | undefined; dataKey?: undefined }
  | { dataKey: Uint8Array; privateKey?: undefined; wrappedKey?: undefined }
);

export type DecryptEnvelopeReturnType = {
  header: EnvelopeHeader;
  /** Plaintext, released segment by segment after each authenticates; errors name the segment. */
  plaintext: ReadableStream<Uint8Array>;
  dataKey: Uint8Array;
};

/**
 * Opens an envelope for its owner or a grantee and streams the plaintext back.
 *
 * @example
 * const { plaintext } = await decryptEnvelope({ ciphertext: await ipfs.cat(cid), binding, privateKey })
 * const { record } = await openRecordPayload(plaintext)
 */
export async function decryptEnvelope(
  parameters: DecryptEnvelopeParameters,
): Promise<DecryptEnvelopeReturnType> {
  const { header, segments } = await readEnvelopeHeader(parameters.ciphertext);
  try {
    const { dataKey, key, aad } = await openEnvelope(
      parameters.dataKey
        ? { header, binding: parameters.binding, dataKey: parameters.dataKey }
        : {
            header,
            binding: parameters.binding,
            privateKey: parameters.privateKey,
            wrappedKey: parameters.wrappedKey,
          },
    );
    const plaintext = segments.pipeThrough(
      createDecryptionStream({
        key,
        aad,
        noncePrefix: header.noncePrefix,
        segmentSize: header.segmentSize,
        plaintextLength: header.plaintextLength,
        concurrency: parameters.concurrency,
      }),
    );
    return { header, plaintext, dataKey };
  } catch (error) {
    await segments.cancel(error).catch(() => {});
    throw error;
  }
}
