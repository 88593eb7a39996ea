import type { Address } from "viem";
import type { Verdict } from "../verdict.ts";
import type { VerdictCode, VerdictOutcome } from "../verdicts.ts";

/** One scan at a booth, as the booth keeps it: on the device only, never on-chain. */
export type CheckIn = {
  /** Unix milliseconds (the booth's clock). */
  at: number;
  outcome: VerdictOutcome;
  reason: VerdictCode;
  /** Decimal, or empty when the code did not decode. */
  tokenId: string;
  holder: Address | "";
  /** The public title the owner consented to show, if any. */
  title: string;
};

/**
 * The log entry of a verdict.
 *
 * @example
 * await log.add(checkInOf(verdict))
 */
export function checkInOf(verdict: Verdict, at: number = Date.now()): CheckIn {
  return {
    at,
    outcome: verdict.outcome,
    reason: verdict.reason,
    tokenId: verdict.tokenId === null ? "" : verdict.tokenId.toString(),
    holder: verdict.holder ?? "",
    title: verdict.publicProfile?.title ?? "",
  };
}
