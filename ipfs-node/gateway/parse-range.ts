export type ByteRange = { start: number; end: number };

/**
 * Parses a single-range `Range: bytes=…` header against a file of `size` bytes.
 * Returns `undefined` for no/ignorable header (serve everything) and `"unsatisfiable"` for 416.
 * Multi-range requests are answered with the whole file, which RFC 9110 allows.
 *
 * @example
 * parseRange("bytes=0-99", 1000) // { start: 0, end: 99 }
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | "unsatisfiable" | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return undefined;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return "unsatisfiable";
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return undefined;
  return { start, end };
}
