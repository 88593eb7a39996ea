/**
 * Verdict codes: stable strings that booths, logs and other vendors' tools may rely on. Append,
 * never rename.
 */
export const VERDICT_CODES = [
  "valid",
  "expired",
  "not-yet-valid",
  "wrong-chain",
  "wrong-contract",
  "wrong-booth",
  "booth-not-registered",
  "booth-inactive",
  "token-not-found",
  "not-owner-or-delegate",
  "delegate-expired-or-revoked",
  "bad-signature",
  "replay",
  "malformed",
  "chain-unreachable",
  "store-unavailable",
] as const;

export type VerdictCode = (typeof VERDICT_CODES)[number];

/** How a booth must act: admit, refuse, or neither (it could not check: never a green screen). */
export type VerdictOutcome = "valid" | "invalid" | "cannot-verify";

/** What staff and members read. Each says what happened and, where one exists, what to do. */
export const VERDICT_MESSAGES: Record<VerdictCode, string> = {
  valid: "Valid: this member may present this token here.",
  expired:
    "Expired: this code is no longer valid. Ask for a fresh code (it renews on the member's screen).",
  "not-yet-valid":
    "Not valid yet: this code claims a lifetime longer than two minutes. Check the phone's clock and show a fresh code.",
  "wrong-chain": "Wrong network: this code was made for another blockchain than this booth's.",
  "wrong-contract": "Wrong token contract: this code is for another collection than this booth's.",
  "wrong-booth":
    "Wrong booth: this code was made for a different booth. Pick this booth on the phone and show a new code.",
  "booth-not-registered":
    "This booth is not registered with the festival, so no code can be accepted here.",
  "booth-inactive":
    "This booth has been deactivated by the organizer, so no code can be accepted here.",
  "token-not-found": "Token not found: it never existed or its owner erased (burned) it.",
  "not-owner-or-delegate": "The presenter neither owns this token nor holds a grant to present it.",
  "delegate-expired-or-revoked":
    "The presenter's grant to present this token has expired or was revoked by the owner.",
  "bad-signature": "Bad signature: this code was not signed by the presenter's wallet.",
  replay: "Already used: this exact code was scanned at this booth before. Ask for a fresh code.",
  malformed: "Not a Bio-Dental presentation code: it is unreadable, damaged or from another app.",
  "chain-unreachable":
    "Cannot verify: the blockchain cannot be reached right now. Do not admit on this basis; try again.",
  "store-unavailable":
    "Cannot verify: this booth cannot check for reused codes right now. Do not admit on this basis; try again.",
};

/**
 * The outcome of a verdict code.
 *
 * @example
 * verdictOutcome("replay") // "invalid"
 * verdictOutcome("chain-unreachable") // "cannot-verify"
 */
export function verdictOutcome(code: VerdictCode): VerdictOutcome {
  if (code === "valid") return "valid";
  if (code === "chain-unreachable" || code === "store-unavailable") return "cannot-verify";
  return "invalid";
}

/** The contract's `PresentationReason` numbering (IBioDentalNFT), mapped to verdict codes. */
const ON_CHAIN_REASONS: readonly VerdictCode[] = [
  "valid", // 0 Valid
  "expired", // 1 Expired
  "not-yet-valid", // 2 TooFarAhead
  "booth-not-registered", // 3 BoothNotRegistered
  "booth-inactive", // 4 BoothInactive
  "token-not-found", // 5 NonexistentToken
  "not-owner-or-delegate", // 6 HolderNotAuthorized
  "delegate-expired-or-revoked", // 7 DelegateExpired
  "bad-signature", // 8 BadSignature
];

/** `PresentationReason.HolderNotAuthorized`: never a delegate, or a revoked one (revoke deletes the grant). */
export const HOLDER_NOT_AUTHORIZED_REASON = 6;

/**
 * The verdict code of a `verifyPresentation` reason, or `undefined` for a reason this library
 * does not know (a newer contract appended one): the caller must not admit on it.
 *
 * @example
 * verdictOfOnChainReason(7) // "delegate-expired-or-revoked"
 */
export function verdictOfOnChainReason(reason: number): VerdictCode | undefined {
  return ON_CHAIN_REASONS[reason];
}
