/**
 * Which tokens' owners consent now, from `PublicProfileUpdated(tokenId, consent)` logs in chain
 * order: the last event per token wins. Newest first, so the gallery shows recent echoes on top.
 *
 * @example
 * latestConsentByToken([{ args: { tokenId: 1n, consent: true } }]) // [1n]
 */
export function latestConsentByToken(
  logs: readonly { args: { tokenId: bigint; consent: boolean } }[],
): bigint[] {
  const latest = new Map<bigint, { consent: boolean; order: number }>();
  logs.forEach((log, order) => latest.set(log.args.tokenId, { consent: log.args.consent, order }));
  return [...latest.entries()]
    .filter(([, value]) => value.consent)
    .sort((a, b) => b[1].order - a[1].order)
    .map(([tokenId]) => tokenId);
}
