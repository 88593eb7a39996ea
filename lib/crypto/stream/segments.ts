/**
 * The STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015; as in age and Tink) over
 * AES-256-GCM: the payload is cut into fixed-size plaintext segments, each sealed with
 *
 *   nonce = noncePrefix (7 bytes) || segment index (uint32 big-endian) || last-segment flag (1 byte)
 *
 * so a segment only authenticates at its own position, and only the final segment authenticates
 * with the flag set: reordering, dropping or appending segments all fail. Every segment carries
 * the same associated data (the record binding), tying it to one token and version.
 */

export const NONCE_LENGTH = 12;
export const NONCE_PREFIX_LENGTH = 7;
export const TAG_LENGTH = 16;
/** Index 0xFFFFFFFF is reserved for the header tag's nonce. */
export const MAX_SEGMENT_INDEX = 0xfffffffe;
export const MIN_SEGMENT_SIZE = 256;
export const MAX_SEGMENT_SIZE = 16 * 1024 * 1024;
/** Chosen by `npm run bench:crypto`: large enough to amortise WebCrypto's per-call cost. */
export const DEFAULT_SEGMENT_SIZE = 256 * 1024;
/** WebCrypto is async (Node runs it on the libuv pool): keep a few segments in flight. */
export const DEFAULT_CONCURRENCY = 4;

const FLAG_NOT_LAST = 0x00;
const FLAG_LAST = 0x01;
/** Distinct from both segment flags, so the header tag can never collide with a segment nonce. */
const FLAG_HEADER = 0x02;

/**
 * The 12-byte AES-GCM nonce of one segment.
 *
 * @example
 * const iv = segmentNonce(noncePrefix, 0, true) // a one-segment payload
 */
export function segmentNonce(
  noncePrefix: Uint8Array,
  index: number,
  last: boolean,
): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(index) || index < 0 || index > MAX_SEGMENT_INDEX)
    throw new RangeError(`segment index ${index} out of range`);
  const nonce = new Uint8Array(NONCE_LENGTH);
  nonce.set(noncePrefix.subarray(0, NONCE_PREFIX_LENGTH), 0);
  new DataView(nonce.buffer).setUint32(NONCE_PREFIX_LENGTH, index, false);
  nonce[NONCE_LENGTH - 1] = last ? FLAG_LAST : FLAG_NOT_LAST;
  return nonce;
}

/** The nonce of the header tag (a GCM tag over the header bytes under the data key). */
export function headerNonce(noncePrefix: Uint8Array): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_LENGTH);
  nonce.set(noncePrefix.subarray(0, NONCE_PREFIX_LENGTH), 0);
  new DataView(nonce.buffer).setUint32(NONCE_PREFIX_LENGTH, 0xffffffff, false);
  nonce[NONCE_LENGTH - 1] = FLAG_HEADER;
  return nonce;
}

/** Number of segments for a plaintext length: an empty payload is still one (empty, final) segment. */
export function segmentCount(plaintextLength: number, segmentSize: number): number {
  return plaintextLength === 0 ? 1 : Math.ceil(plaintextLength / segmentSize);
}

/** Plaintext bytes in segment `index` of a payload of known length. */
export function segmentPlaintextSize(
  index: number,
  plaintextLength: number,
  segmentSize: number,
): number {
  const count = segmentCount(plaintextLength, segmentSize);
  if (index < count - 1) return segmentSize;
  if (index === count - 1) return plaintextLength - (count - 1) * segmentSize;
  return 0;
}

/** Ciphertext bytes of all segments of a payload of known length (header excluded). */
export function segmentsCiphertextLength(plaintextLength: number, segmentSize: number): number {
  return plaintextLength + segmentCount(plaintextLength, segmentSize) * TAG_LENGTH;
}

export function assertSegmentSize(segmentSize: number): void {
  if (
    !Number.isInteger(segmentSize) ||
    segmentSize < MIN_SEGMENT_SIZE ||
    segmentSize > MAX_SEGMENT_SIZE
  ) {
    throw new RangeError(
      `segment size must be an integer in [${MIN_SEGMENT_SIZE}, ${MAX_SEGMENT_SIZE}], got ${segmentSize}`,
    );
  }
}

/** Parameters shared by the encryption and decryption transforms. */
export type SegmentCipherParameters = {
  /** The data key imported with `importDataKey`. */
  key: CryptoKey;
  /** 7 bytes, from the envelope header. */
  noncePrefix: Uint8Array;
  /** Associated data of every segment: `encodeBinding(binding)`. */
  aad: Uint8Array;
  segmentSize: number;
  /** Segments kept in flight at once (default {@link DEFAULT_CONCURRENCY}). */
  concurrency?: number | undefined;
};
