import { BaseError } from "#lib/errors/base.ts";
import {
  DEFAULT_CONCURRENCY,
  MAX_SEGMENT_INDEX,
  type SegmentCipherParameters,
  assertSegmentSize,
  segmentNonce,
} from "./segments.ts";
import { HeldBackSegmenter } from "./heldBackSegmenter.ts";

export type CreateEncryptionStreamParameters = SegmentCipherParameters & {
  /** When given (as written in the envelope header), the stream fails if the input length differs. */
  plaintextLength?: number | undefined;
};

export type CreateEncryptionStreamReturnType = TransformStream<Uint8Array, Uint8Array>;

/** The input stream did not have the length announced in the header. */
export class PlaintextLengthMismatchError extends BaseError {
  override name = "PlaintextLengthMismatchError";
  constructor({ expected, actual }: { expected: number; actual: number }) {
    super(`The plaintext is ${actual} bytes but ${expected} bytes were announced.`);
  }
}

/**
 * Encrypts a byte stream into STREAM segments (see `segments.ts`), in constant memory.
 * Output chunks are whole ciphertext segments (segmentSize + 16 bytes, the last one shorter).
 *
 * WebCrypto copies its input synchronously when called (WebCrypto spec, "get a copy of the
 * bytes"), so the segmenter's one assembly buffer serves every segment (see HeldBackSegmenter).
 *
 * @example
 * const ciphertext = plaintext.pipeThrough(createEncryptionStream({ key, noncePrefix, aad, segmentSize }))
 */
export function createEncryptionStream(
  parameters: CreateEncryptionStreamParameters,
): CreateEncryptionStreamReturnType {
  const { key, noncePrefix, aad, segmentSize, plaintextLength } = parameters;
  assertSegmentSize(segmentSize);
  const concurrency = Math.max(1, parameters.concurrency ?? DEFAULT_CONCURRENCY);
  const subtle = globalThis.crypto.subtle;
  const additionalData = aad.slice();
  let index = 0;
  let total = 0;
  const inflight: Promise<ArrayBuffer>[] = [];

  const dispatch = (data: Uint8Array, last: boolean): void => {
    if (index > MAX_SEGMENT_INDEX)
      throw new RangeError("payload too large: more than 2^32 - 1 segments");
    const promise = subtle.encrypt(
      {
        name: "AES-GCM",
        iv: segmentNonce(noncePrefix, index, last),
        additionalData,
        tagLength: 128,
      },
      key,
      data as Uint8Array<ArrayBuffer>,
    );
    // Rejections are observed in order by `drain`; this keeps a later one from being reported as unhandled.
    promise.catch(() => {});
    inflight.push(promise);
    index++;
  };

  const drain = async (
    controller: TransformStreamDefaultController<Uint8Array>,
    keep: number,
  ): Promise<void> => {
    while (inflight.length > keep) controller.enqueue(new Uint8Array(await inflight.shift()!));
  };

  const segmenter = new HeldBackSegmenter(segmentSize);
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      total += chunk.length;
      if (plaintextLength !== undefined && total > plaintextLength) {
        throw new PlaintextLengthMismatchError({ expected: plaintextLength, actual: total });
      }
      await segmenter.push(chunk, async (segment) => {
        dispatch(segment, false);
        await drain(controller, concurrency - 1);
      });
    },
    async flush(controller) {
      if (plaintextLength !== undefined && plaintextLength !== total) {
        throw new PlaintextLengthMismatchError({ expected: plaintextLength, actual: total });
      }
      dispatch(segmenter.rest, true);
      await drain(controller, 0);
    },
  });
}
