/**
 * The public "Emotional Echoes" story a member may pin (in clear, by choice) and point to with
 * `setPublicProfile(tokenId, title, storyCid, consent)`. Never part of the encrypted record.
 *
 *   { "format": "biodental.story/1", "title": "…", "text": "…", "mood": "…", "publishedAt": "ISO-8601" }
 *
 * Readers also accept plain UTF-8 text, so stories pinned by other tools still show.
 */
export const STORY_FORMAT = "biodental.story/1";

/** Stories are short; the cap keeps a hostile pin from flooding a gallery. */
export const MAX_STORY_BYTES = 64 * 1024;

export type PublicStory = { title: string; text: string; mood?: string | undefined };

/**
 * The bytes to pin for a public story.
 *
 * @example
 * const { cid } = await ipfs.add(encodePublicStory({ title: "Echo of a smile", text }))
 */
export function encodePublicStory(story: PublicStory): Uint8Array {
  const bytes = new TextEncoder().encode(
    JSON.stringify({
      format: STORY_FORMAT,
      title: story.title,
      text: story.text,
      mood: story.mood,
      publishedAt: new Date().toISOString(),
    }),
  );
  if (bytes.length > MAX_STORY_BYTES)
    throw new RangeError(`A public story is at most ${MAX_STORY_BYTES} bytes`);
  return bytes;
}

/**
 * Reads a pinned public story (the JSON above, or plain text).
 *
 * @example
 * decodePublicStory(new TextEncoder().encode("A smile I kept")) // { title: "", text: "A smile I kept", mood: undefined }
 */
export function decodePublicStory(
  bytes: Uint8Array,
): Required<Pick<PublicStory, "title" | "text">> & { mood: string | undefined } {
  const raw = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, MAX_STORY_BYTES));
  try {
    const json = JSON.parse(raw) as unknown;
    if (json && typeof json === "object" && typeof (json as { text?: unknown }).text === "string") {
      const value = json as { title?: unknown; text: string; mood?: unknown };
      return {
        title: typeof value.title === "string" ? value.title : "",
        text: value.text,
        mood: typeof value.mood === "string" ? value.mood : undefined,
      };
    }
  } catch {
    // not JSON: plain text
  }
  return { title: "", text: raw, mood: undefined };
}
