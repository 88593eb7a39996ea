import type { Address } from "viem";
import {
  type VerdictCode,
  type VerdictOutcome,
  VERDICT_MESSAGES,
  verdictOutcome,
} from "./verdicts.ts";

/** The public fields the token's owner consented to show; absent when consent is off. */
export type PublicProfile = {
  title: string;
  /** The public story's CID as text (base32 CIDv1 or base58 CIDv0), or null when there is none. */
  storyCid: string | null;
};

/** What a booth learns from one scan. */
export type Verdict = {
  valid: boolean;
  reason: VerdictCode;
  outcome: VerdictOutcome;
  /** Human words for staff and members. */
  message: string;
  /** Technical detail for logs (which decoding rule broke, the RPC error), never shown as the verdict. */
  detail?: string | undefined;
  /** Known once the text decoded, whatever the verdict. */
  tokenId: bigint | null;
  holder: Address | null;
  notAfter: bigint | null;
  /** Only on a valid verdict, and only what the owner consented to (null: nothing public). */
  publicProfile?: PublicProfile | null | undefined;
};

export type MakeVerdictParameters = {
  reason: VerdictCode;
  detail?: string | undefined;
  tokenId?: bigint | null | undefined;
  holder?: Address | null | undefined;
  notAfter?: bigint | null | undefined;
  publicProfile?: PublicProfile | null | undefined;
};

/**
 * A verdict with its message and outcome filled in from its code.
 *
 * @example
 * makeVerdict({ reason: "malformed", detail: "bad base64url" })
 */
export function makeVerdict({
  reason,
  detail,
  tokenId = null,
  holder = null,
  notAfter = null,
  publicProfile,
}: MakeVerdictParameters): Verdict {
  const outcome = verdictOutcome(reason);
  return {
    valid: outcome === "valid",
    reason,
    outcome,
    message: VERDICT_MESSAGES[reason],
    ...(detail === undefined ? {} : { detail }),
    tokenId,
    holder,
    notAfter,
    ...(publicProfile === undefined ? {} : { publicProfile }),
  };
}

/** A verdict as plain JSON values: token id and notAfter as decimal strings (they exceed 2^53). */
export type VerdictJson = {
  valid: boolean;
  reason: VerdictCode;
  tokenId: string | null;
  message: string;
  outcome: VerdictOutcome;
  holder: Address | null;
  notAfter: string | null;
  publicProfile?: PublicProfile | null;
  detail?: string;
};

/**
 * The verdict as JSON-safe values, key order fixed (`valid`, `reason`, `tokenId`, `message` first)
 * for people reading CLI output.
 *
 * @example
 * JSON.stringify(verdictToJson(verdict)) // {"valid":true,"reason":"valid","tokenId":"…",…}
 */
export function verdictToJson(verdict: Verdict): VerdictJson {
  return {
    valid: verdict.valid,
    reason: verdict.reason,
    tokenId: verdict.tokenId === null ? null : verdict.tokenId.toString(),
    message: verdict.message,
    outcome: verdict.outcome,
    holder: verdict.holder,
    notAfter: verdict.notAfter === null ? null : verdict.notAfter.toString(),
    ...(verdict.publicProfile === undefined ? {} : { publicProfile: verdict.publicProfile }),
    ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
  };
}
