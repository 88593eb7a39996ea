import type { Hex } from "viem";
import { type ReplayStore, normalizeChallenge, nowSeconds } from "./replayStore.ts";

export type CreateMemoryReplayStoreParameters = {
  /** The clock, unix seconds; tests pass their own. */
  now?: (() => number) | undefined;
};

/**
 * A replay store in memory: fast and atomic (claims run synchronously), forgotten on restart.
 * For tests, benchmarks and a verifier that is never restarted within two minutes.
 *
 * @example
 * const replayStore = createMemoryReplayStore()
 * await replayStore.claim(challenge, nowSeconds() + 180) // true, then false
 */
export function createMemoryReplayStore({
  now = nowSeconds,
}: CreateMemoryReplayStoreParameters = {}): ReplayStore {
  const seen = new Map<string, number>();
  let claimsSincePrune = 0;
  const prune = (): void => {
    const t = now();
    for (const [key, keepUntil] of seen) if (keepUntil < t) seen.delete(key);
    claimsSincePrune = 0;
  };
  return {
    async claim(challenge: Hex, keepUntil: number): Promise<boolean> {
      const key = normalizeChallenge(challenge);
      // Amortised pruning keeps memory bounded by what two minutes of scanning can add.
      if (++claimsSincePrune >= 1024) prune();
      const existing = seen.get(key);
      if (existing !== undefined && existing >= now()) return false;
      seen.set(key, keepUntil);
      return true;
    },
    async prune() {
      prune();
    },
    async close() {
      seen.clear();
    },
  };
}
