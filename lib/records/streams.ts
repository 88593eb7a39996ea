/**
 * An async iterable (an IPFS `cat`) as a web stream, pulling one chunk per read so a slow
 * consumer slows the download; cancelling the stream ends the iteration (and its request).
 *
 * @example
 * const ciphertext = streamFromAsyncIterable(ipfs.cat(cid))
 */
export function streamFromAsyncIterable(
  source: AsyncIterable<Uint8Array>,
  onChunk?: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let done = 0;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        // A reader may cancel while a chunk is in flight (e.g. after reading just a header):
        // the stream is closed by then and must not be fed.
        if (cancelled) return;
        if (next.done) {
          controller.close();
          return;
        }
        done += next.value.length;
        onChunk?.(done);
        controller.enqueue(next.value);
      },
      async cancel() {
        cancelled = true;
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads a whole (small) stream into one array. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
