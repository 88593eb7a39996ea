/**
 * A camera reports the same code many times a second while it is held up. This lets a text
 * through once, then again only after `windowMs` without it having been let through, so a code
 * held in front of the lens is verified once (not once valid and then as a replay).
 *
 * @example
 * const accept = createCameraRepeatFilter(8000)
 * accept("bdp1.A", 0) // true
 * accept("bdp1.A", 100) // false
 * accept("bdp1.B", 200) // true
 */
export function createCameraRepeatFilter(
  windowMs: number,
): (text: string, nowMs: number) => boolean {
  let last: { text: string; at: number } | undefined;
  return (text, nowMs) => {
    if (last && last.text === text && nowMs - last.at < windowMs) return false;
    last = { text, at: nowMs };
    return true;
  };
}
