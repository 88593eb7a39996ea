/**
 * The contract's rule for public titles (they go verbatim into JSON and SVG): at most 64 bytes of
 * printable ASCII without `"` `\` `<` `>` `&`. Checked here so the member sees which character is
 * wrong, not only the revert.
 *
 * @example
 * publicTitleProblem("Echo of a smile") // undefined
 */
export function publicTitleProblem(title: string): string | undefined {
  if (title.length === 0) return "Give your story a title.";
  if (title.length > 64) return `At most 64 characters (this one has ${title.length}).`;
  const bad = [...title].find(
    (c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e || `"\\<>&`.includes(c),
  );
  if (bad)
    return `“${bad}” cannot be used in a public title: plain letters, digits and punctuation only, without " \\ < > &.`;
  return undefined;
}
