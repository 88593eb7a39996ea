/** What the timeline needs to know of each version: decrypted yet, or still being read. */
export type TimelineReadability = { record: unknown; isPending: boolean };

/**
 * Whether the timeline draws its charts: only once at least one version is decrypted. With no
 * data point, the charts would be bare axes above the line explaining why nothing is readable
 * (a grantee whose grant predates none of the versions it can open).
 *
 * @example
 * showTimelineCharts([{ record: undefined, isPending: false }]) // false
 */
export function showTimelineCharts(entries: readonly TimelineReadability[]): boolean {
  return entries.some((entry) => entry.record !== undefined);
}

/** Versions that failed to decrypt (not the ones still being read), for the explanatory line. */
export function unreadableVersions<T extends TimelineReadability>(entries: readonly T[]): T[] {
  return entries.filter((entry) => entry.record === undefined && !entry.isPending);
}
