/** The prefix of every presentation QR text: protocol `bdp` (Bio-Dental presentation), version 1. */
export const PRESENTATION_QR_PREFIX = "bdp1.";

/** How far ahead a presentation's `notAfter` may lie (the contract's `MAX_PRESENTATION_WINDOW`). */
export const MAX_PRESENTATION_WINDOW_SECONDS = 120;

/**
 * How long the app makes a presentation live. Short, so a photo of a member's screen is useless
 * half a minute later; long enough for a queue at a kiosk.
 */
export const DEFAULT_PRESENTATION_TTL_SECONDS = 30;

/**
 * The longest text a verifier looks at. A QR code holds at most 2,953 bytes, and a presentation
 * with a 65-byte signature is 517 characters; the slack admits long ERC-1271 signatures and a
 * URL wrapper while refusing to spend work on junk.
 */
export const MAX_PRESENTATION_TEXT_LENGTH = 4096;

/** The longest signature accepted: room for a multi-owner contract wallet's concatenated signatures. */
export const MAX_SIGNATURE_BYTES = 2048;

/**
 * Extra seconds a seen challenge is kept after the presentation can last have been valid, to
 * absorb the difference between the booth's clock and the chain's.
 */
export const REPLAY_MARGIN_SECONDS = 60;

/** The PRESENT scope bit: may present a token at booths on its owner's behalf. */
export const PRESENT_SCOPE = 2;
