/**
 * A stream that opens its source only when first read: attachments kept from the previous
 * version are fetched and decrypted only when the new payload's encoder reaches them.
 *
 * @example
 * const data = lazyStream(async () => (await readRecordAttachment(client, { … })).stream)
 */
export function lazyStream(
  open: () => Promise<ReadableStream<Uint8Array>>,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= (await open()).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
