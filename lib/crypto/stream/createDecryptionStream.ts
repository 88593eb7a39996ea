import {
  SegmentAuthenticationError,
  TrailingDataError,
  TruncatedPayloadError,
} from "#lib/crypto/errors.ts";
import {
  DEFAULT_CONCURRENCY,
  type SegmentCipherParameters,
  TAG_LENGTH,
  assertSegmentSize,
  segmentCount,
  segmentNonce,
  segmentPlaintextSize,
} from "./segments.ts";
import { HeldBackSegmenter } from "./heldBackSegmenter.ts";

export type CreateDecryptionStreamParameters = SegmentCipherParameters & {
  /**
   * The plaintext length from the (authenticated) envelope header. When known, every segment's
   * size and the final index are known in advance, so a cut anywhere is reported as truncation
   * at the exact segment. When unknown, the final segment is whatever the stream ends with.
   */
  plaintextLength?: number | undefined;
  /** First segment the input starts at (random access; needs `plaintextLength`). Default 0. */
  firstSegment?: number | undefined;
  /** Last segment the input holds, inclusive (random access; needs `plaintextLength`). Default: the final one. */
  lastSegment?: number | undefined;
};

export type CreateDecryptionStreamReturnType = TransformStream<Uint8Array, Uint8Array>;

type SegmentResult = { ok: true; plaintext: Uint8Array } | { ok: false; error: Error };

/**
 * Decrypts STREAM segments back into plaintext in constant memory, failing with the segment
 * index on a flipped byte or reordering (`SegmentAuthenticationError`), a missing end
 * (`TruncatedPayloadError`) or bytes after the final segment (`TrailingDataError`).
 * Plaintext is released only after its own segment authenticated; a consumer may still have
 * received earlier segments before a later one fails, so treat the output as untrusted until the
 * stream closes without error.
 *
 * @example
 * const plaintext = ciphertext.pipeThrough(createDecryptionStream({ key, noncePrefix, aad, segmentSize, plaintextLength }))
 */
export function createDecryptionStream(
  parameters: CreateDecryptionStreamParameters,
): CreateDecryptionStreamReturnType {
  const { key, noncePrefix, aad, segmentSize, plaintextLength } = parameters;
  assertSegmentSize(segmentSize);
  const concurrency = Math.max(1, parameters.concurrency ?? DEFAULT_CONCURRENCY);
  const subtle = globalThis.crypto.subtle;
  const additionalData = aad.slice();
  const fullSize = segmentSize + TAG_LENGTH;
  const inflight: Promise<SegmentResult>[] = [];

  const open = (data: Uint8Array, index: number, last: boolean): Promise<ArrayBuffer> =>
    subtle.decrypt(
      {
        name: "AES-GCM",
        iv: segmentNonce(noncePrefix, index, last),
        additionalData,
        tagLength: 128,
      },
      key,
      data as Uint8Array<ArrayBuffer>,
    );

  const drain = async (
    controller: TransformStreamDefaultController<Uint8Array>,
    keep: number,
  ): Promise<void> => {
    while (inflight.length > keep) {
      const result = await inflight.shift()!;
      if (!result.ok) throw result.error;
      controller.enqueue(result.plaintext);
    }
  };

  if (plaintextLength === undefined) {
    if (parameters.firstSegment !== undefined || parameters.lastSegment !== undefined) {
      throw new RangeError("random access (firstSegment/lastSegment) needs plaintextLength");
    }
    return unknownLengthStream();
  }
  return knownLengthStream(plaintextLength);

  function knownLengthStream(length: number): CreateDecryptionStreamReturnType {
    const finalIndex = segmentCount(length, segmentSize) - 1;
    const first = parameters.firstSegment ?? 0;
    const last = parameters.lastSegment ?? finalIndex;
    if (!(
      Number.isInteger(first) &&
      Number.isInteger(last) &&
      0 <= first &&
      first <= last &&
      last <= finalIndex
    )) {
      throw new RangeError(`segments ${first}..${last} are not within 0..${finalIndex}`);
    }
    const sizeOf = (index: number): number =>
      segmentPlaintextSize(index, length, segmentSize) + TAG_LENGTH;
    const buffer = new Uint8Array(fullSize);
    let filled = 0;
    let index = first;

    const dispatch = (data: Uint8Array): void => {
      const segmentIndex = index++;
      inflight.push(
        open(data, segmentIndex, segmentIndex === finalIndex).then(
          (plaintext) => ({ ok: true, plaintext: new Uint8Array(plaintext) }),
          (cause) => ({
            ok: false,
            error: new SegmentAuthenticationError({ segmentIndex, cause }),
          }),
        ),
      );
    };

    return new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        let offset = 0;
        while (offset < chunk.length) {
          if (index > last) {
            await drain(controller, 0);
            throw new TrailingDataError({
              segmentIndex: index,
              details: `${chunk.length - offset} unexpected bytes follow segment ${last}.`,
            });
          }
          const target = sizeOf(index);
          const remaining = chunk.length - offset;
          if (filled === 0 && remaining >= target) {
            dispatch(chunk.subarray(offset, offset + target));
            offset += target;
          } else {
            const take = Math.min(target - filled, remaining);
            buffer.set(chunk.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled < target) continue;
            dispatch(buffer.subarray(0, target));
            filled = 0;
          }
          await drain(controller, concurrency - 1);
        }
      },
      async flush(controller) {
        await drain(controller, 0);
        if (index <= last) {
          throw new TruncatedPayloadError({
            segmentIndex: index,
            details:
              filled > 0
                ? `Segment ${index} is cut after ${filled} of ${sizeOf(index)} bytes.`
                : `The stream ended after segment ${index - 1}; segments ${index}..${last} are missing.`,
          });
        }
      },
    });
  }

  function unknownLengthStream(): CreateDecryptionStreamReturnType {
    const segmenter = new HeldBackSegmenter(fullSize);
    let index = 0;

    // Segments are copied here: on failure the other flag is tried, only to name the error
    // (trailing data after a final segment, or a stream cut exactly at a segment boundary).
    const dispatch = (data: Uint8Array, last: boolean): void => {
      const segmentIndex = index++;
      const copy = data.slice();
      inflight.push(
        open(copy, segmentIndex, last).then(
          (plaintext) => ({ ok: true, plaintext: new Uint8Array(plaintext) }),
          async (cause) => ({ ok: false, error: await diagnose(copy, segmentIndex, last, cause) }),
        ),
      );
    };

    const diagnose = async (
      data: Uint8Array,
      segmentIndex: number,
      last: boolean,
      cause: unknown,
    ): Promise<Error> => {
      if (data.length === fullSize) {
        const otherFlagOpens = await open(data, segmentIndex, !last).then(
          () => true,
          () => false,
        );
        if (otherFlagOpens && !last) {
          return new TrailingDataError({
            segmentIndex: segmentIndex + 1,
            details: `Segment ${segmentIndex} is the final segment, yet more data follows it.`,
          });
        }
        if (otherFlagOpens && last) {
          return new TruncatedPayloadError({
            segmentIndex: segmentIndex + 1,
            details: `The stream ends after segment ${segmentIndex}, which is not the final segment.`,
          });
        }
      }
      if (last && data.length < TAG_LENGTH) {
        return new TruncatedPayloadError({
          segmentIndex,
          details: `Segment ${segmentIndex} has ${data.length} bytes, less than a tag.`,
        });
      }
      return new SegmentAuthenticationError({
        segmentIndex,
        details: last
          ? "The final segment was modified, or the payload was cut inside it."
          : undefined,
        cause,
      });
    };

    return new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        await segmenter.push(chunk, async (segment) => {
          dispatch(segment, false);
          await drain(controller, concurrency - 1);
        });
      },
      async flush(controller) {
        if (index === 0 && segmenter.rest.length === 0) {
          throw new TruncatedPayloadError({
            segmentIndex: 0,
            details: "The payload has no segments at all.",
          });
        }
        dispatch(segmenter.rest, true);
        await drain(controller, 0);
      },
    });
  }
}
