/**
 * The median of `numbers` (the mean of the two middle values for an even count): what every
 * benchmark reports, so that one slow or fast round does not decide the figure.
 *
 * @example
 * median([3, 1, 2]) // 2
 */
export function median(numbers: readonly number[]): number {
  if (numbers.length === 0) throw new RangeError("the median of no numbers");
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
