/**
 * Reads exact byte counts from the front of a web stream (envelope headers, the record JSON
 * prefix), then hands back the rest as a stream without copying it.
 */
export type ByteReader = {
  /** Up to `length` bytes; fewer only when the stream ended. */
  read(length: number): Promise<Uint8Array>;
  /** The next chunk as it arrived (a view, no copy), at most `maxLength` bytes; undefined at the end. */
  readChunk(maxLength: number): Promise<Uint8Array | undefined>;
  /** Discards up to `length` bytes; resolves how many were discarded. */
  skip(length: number): Promise<number>;
  /** Everything not yet read, as a stream. Use the reader no further after calling it. */
  rest(): ReadableStream<Uint8Array>;
  cancel(reason?: unknown): Promise<void>;
};

/**
 * @example
 * const reader = createByteReader(stream)
 * const prefix = await reader.read(10)
 * const body = reader.rest()
 */
export function createByteReader(stream: ReadableStream<Uint8Array>): ByteReader {
  const reader = stream.getReader();
  let pending: Uint8Array | undefined;

  const next = async (): Promise<Uint8Array | undefined> => {
    if (pending && pending.length > 0) {
      const chunk = pending;
      pending = undefined;
      return chunk;
    }
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      if (value.length > 0) return value;
    }
  };

  return {
    async read(length) {
      const out = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const chunk = await next();
        if (!chunk) return out.subarray(0, filled);
        const take = Math.min(length - filled, chunk.length);
        out.set(chunk.subarray(0, take), filled);
        filled += take;
        if (take < chunk.length) pending = chunk.subarray(take);
      }
      return out;
    },
    async readChunk(maxLength) {
      const chunk = await next();
      if (!chunk) return undefined;
      if (chunk.length > maxLength) {
        pending = chunk.subarray(maxLength);
        return chunk.subarray(0, maxLength);
      }
      return chunk;
    },
    async skip(length) {
      let skipped = 0;
      while (skipped < length) {
        const chunk = await next();
        if (!chunk) break;
        const take = Math.min(length - skipped, chunk.length);
        skipped += take;
        if (take < chunk.length) pending = chunk.subarray(take);
      }
      return skipped;
    },
    rest() {
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const chunk = await next();
            if (chunk) controller.enqueue(chunk);
            else controller.close();
          },
          cancel(reason) {
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  };
}

/** A stream of one chunk. */
export function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Passes through `length` bytes after skipping `skip` bytes, then cancels the source. */
export function createSliceStream(
  skip: number,
  length: number,
): TransformStream<Uint8Array, Uint8Array> {
  let position = 0;
  const end = skip + length;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const chunkStart = position;
      position += chunk.length;
      const from = Math.max(skip, chunkStart) - chunkStart;
      const to = Math.min(end, position) - chunkStart;
      if (to > from)
        controller.enqueue(from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to));
      if (position >= end) controller.terminate();
    },
  });
}
