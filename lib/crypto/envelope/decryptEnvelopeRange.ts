import { createDecryptionStream } from "#lib/crypto/stream/createDecryptionStream.ts";
import { createSliceStream, streamOf } from "#lib/crypto/stream/byteReader.ts";
import type { EnvelopeHeader } from "./header.ts";
import type { OpenEnvelopeReturnType } from "./openEnvelope.ts";
import { planSegmentRange } from "./planSegmentRange.ts";

export type DecryptEnvelopeRangeParameters = {
  /** A header already checked with `openEnvelope` (it must carry the plaintext length). */
  header: EnvelopeHeader;
  /** What `openEnvelope` returned for that header. */
  opened: Pick<OpenEnvelopeReturnType, "key" | "aad">;
  start: number;
  end: number;
  /** Fetches envelope bytes [start, end), e.g. with an HTTP Range request to a gateway. */
  fetchCiphertext: (range: {
    start: number;
    end: number;
  }) => Promise<ReadableStream<Uint8Array> | Uint8Array>;
  concurrency?: number | undefined;
};

/**
 * Decrypts plaintext bytes [start, end) of an envelope, fetching only the segments that hold them.
 *
 * @example
 * const photo = await decryptEnvelopeRange({ header, opened, start, end,
 *   fetchCiphertext: ({ start, end }) => gatewayRange(cid, start, end) })
 */
export async function decryptEnvelopeRange(
  parameters: DecryptEnvelopeRangeParameters,
): Promise<ReadableStream<Uint8Array>> {
  const { header, opened, start, end } = parameters;
  if (header.plaintextLength === undefined)
    throw new RangeError("range reads need an envelope that records its plaintext length");
  const plan = planSegmentRange({
    headerLength: header.headerLength,
    segmentSize: header.segmentSize,
    plaintextLength: header.plaintextLength,
    start,
    end,
  });
  const fetched = await parameters.fetchCiphertext({
    start: plan.ciphertextStart,
    end: plan.ciphertextEnd,
  });
  const ciphertext = fetched instanceof Uint8Array ? streamOf(fetched) : fetched;
  return ciphertext
    .pipeThrough(
      createDecryptionStream({
        key: opened.key,
        aad: opened.aad,
        noncePrefix: header.noncePrefix,
        segmentSize: header.segmentSize,
        plaintextLength: header.plaintextLength,
        firstSegment: plan.firstSegment,
        lastSegment: plan.lastSegment,
        concurrency: parameters.concurrency,
      }),
    )
    .pipeThrough(createSliceStream(plan.skip, plan.length));
}
