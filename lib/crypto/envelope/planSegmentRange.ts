import { TAG_LENGTH, segmentCount, segmentPlaintextSize } from "#lib/crypto/stream/segments.ts";

export type PlanSegmentRangeParameters = {
  headerLength: number;
  segmentSize: number;
  plaintextLength: number;
  /** First plaintext byte wanted. */
  start: number;
  /** One past the last plaintext byte wanted. */
  end: number;
};

export type PlanSegmentRangeReturnType = {
  firstSegment: number;
  /** Inclusive. */
  lastSegment: number;
  /** Envelope byte offset to fetch from (e.g. an HTTP Range start). */
  ciphertextStart: number;
  /** Envelope byte offset to fetch to, exclusive. */
  ciphertextEnd: number;
  /** Plaintext bytes to drop from the front of the first segment. */
  skip: number;
  length: number;
};

/**
 * Which ciphertext bytes hold a plaintext byte range, so one attachment of a large record can be
 * fetched and decrypted without downloading the rest.
 *
 * @example
 * const plan = planSegmentRange({ headerLength: header.headerLength, segmentSize: header.segmentSize,
 *   plaintextLength: header.plaintextLength!, start, end })
 * const response = await fetch(url, { headers: { Range: `bytes=${plan.ciphertextStart}-${plan.ciphertextEnd - 1}` } })
 */
export function planSegmentRange({
  headerLength,
  segmentSize,
  plaintextLength,
  start,
  end,
}: PlanSegmentRangeParameters): PlanSegmentRangeReturnType {
  if (!(
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    0 <= start &&
    start <= end &&
    end <= plaintextLength
  )) {
    throw new RangeError(`range ${start}..${end} is not within 0..${plaintextLength}`);
  }
  const finalIndex = segmentCount(plaintextLength, segmentSize) - 1;
  const firstSegment = Math.min(Math.floor(start / segmentSize), finalIndex);
  const lastSegment = Math.max(
    firstSegment,
    Math.min(Math.ceil(end / segmentSize) - 1, finalIndex),
  );
  const fullSize = segmentSize + TAG_LENGTH;
  return {
    firstSegment,
    lastSegment,
    ciphertextStart: headerLength + firstSegment * fullSize,
    ciphertextEnd:
      headerLength +
      lastSegment * fullSize +
      segmentPlaintextSize(lastSegment, plaintextLength, segmentSize) +
      TAG_LENGTH,
    skip: start - firstSegment * segmentSize,
    length: end - start,
  };
}
