/**
 * Cuts a byte stream into segments of `segmentSize` bytes while always holding the latest full
 * segment back: only more input proves a segment is not the final one, and the final segment is
 * sealed (and opened) with a different nonce flag. The encryption stream and the decryption of a
 * payload of unknown length both need exactly this.
 *
 * One assembly buffer serves every segment; input chunks that hold a whole segment are passed as
 * views without copying. A segment handed to `emit` is valid only until `emit` resolves: callers
 * copy it synchronously (WebCrypto does, "get a copy of the bytes") or explicitly.
 *
 * @example
 * const segmenter = new HeldBackSegmenter(262_144)
 * await segmenter.push(chunk, async (segment) => seal(segment, false))
 * seal(segmenter.rest, true) // at the end of input
 */
export class HeldBackSegmenter {
  readonly #segmentSize: number;
  readonly #buffer: Uint8Array;
  #filled = 0;

  constructor(segmentSize: number) {
    this.#segmentSize = segmentSize;
    this.#buffer = new Uint8Array(segmentSize);
  }

  /** Feeds `chunk`, calling `emit` (in order, one at a time) for every segment now known not to be final. */
  async push(chunk: Uint8Array, emit: (segment: Uint8Array) => Promise<void>): Promise<void> {
    const size = this.#segmentSize;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#filled === size) {
        // More input exists, so the held segment is not the last.
        await emit(this.#buffer);
        this.#filled = 0;
      }
      const remaining = chunk.length - offset;
      if (this.#filled === 0 && remaining > size) {
        await emit(chunk.subarray(offset, offset + size));
        offset += size;
        continue;
      }
      const take = Math.min(size - this.#filled, remaining);
      this.#buffer.set(chunk.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
    }
  }

  /** The held-back bytes: at the end of input, the final segment (empty for an empty payload). */
  get rest(): Uint8Array {
    return this.#buffer.subarray(0, this.#filled);
  }
}
