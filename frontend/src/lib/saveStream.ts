type SaveFilePicker = (options: {
  suggestedName: string;
}) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;

/** Above this, asking where to save beats holding the whole file in memory. */
const STREAM_TO_DISK_BYTES = 64 * 1024 * 1024;

/**
 * Saves a decrypted stream as a file. Large files go through Chromium's File System Access API,
 * written to disk as they decrypt (constant memory, any size); smaller ones, and every file in
 * browsers without it, are collected into one Blob and downloaded without a prompt.
 *
 * @example
 * await saveStream(stream, { name: "scan.pdf", mediaType: "application/pdf", size })
 */
export async function saveStream(
  stream: ReadableStream<Uint8Array>,
  { name, mediaType, size }: { name: string; mediaType: string; size: number },
): Promise<void> {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (picker && globalThis.isSecureContext && size > STREAM_TO_DISK_BYTES) {
    let handle: Awaited<ReturnType<SaveFilePicker>>;
    try {
      handle = await picker({ suggestedName: name });
    } catch (error) {
      await stream.cancel(error);
      throw error;
    }
    await stream.pipeTo(await handle.createWritable());
    return;
  }
  const blob = await new Response(stream).blob();
  const url = URL.createObjectURL(new Blob([blob], { type: mediaType }));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the download a moment to start before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
