import type { Hex } from "viem";

/**
 * A booth's memory of the challenges it has accepted, so the same QR code is refused the second
 * time. Only challenges of otherwise valid presentations are recorded (junk cannot fill it), and
 * each is kept until `keepUntil`, after which the presentation is expired on-chain anyway.
 */
export interface ReplayStore {
  /**
   * Atomically records `challenge` as seen until `keepUntil` (unix seconds, this device's clock)
   * and returns `true`; returns `false` if it was already recorded and not yet forgotten. Two
   * concurrent claims of one challenge never both return `true`.
   */
  claim(challenge: Hex, keepUntil: number): Promise<boolean>;
  /** Forgets every challenge whose `keepUntil` has passed. */
  prune(): Promise<void>;
  /** Releases files, handles or timers. */
  close(): Promise<void>;
}

/** Lower-case hex without `0x`: one spelling per challenge, so no claim slips past by case. */
export function normalizeChallenge(challenge: Hex): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(challenge))
    throw new TypeError(`not a bytes32 challenge: ${challenge}`);
  return challenge.slice(2).toLowerCase();
}

/** The device clock in unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
