export const EXPIRY_PRESETS = [
  { id: "1h", label: "1 hour", seconds: 3_600 },
  { id: "1d", label: "1 day", seconds: 86_400 },
  { id: "1w", label: "1 week", seconds: 7 * 86_400 },
  { id: "30d", label: "30 days", seconds: 30 * 86_400 },
  { id: "1y", label: "1 year", seconds: 365 * 86_400 },
] as const;

export type ExpiryChoice =
  { preset: (typeof EXPIRY_PRESETS)[number]["id"] } | { preset: "custom"; localDateTime: string };

/**
 * The `expiresAt` (unix seconds) of a grant from a preset or a local date and time, or a reason
 * it cannot be used. The contract refuses a past expiry; saying so here avoids a dry run.
 *
 * @example
 * expiresAtOf({ preset: "1d" }, Date.now()) // { ok: true, expiresAt: … }
 */
export function expiresAtOf(
  choice: ExpiryChoice,
  nowMs: number,
): { ok: true; expiresAt: bigint } | { ok: false; reason: string } {
  const now = Math.floor(nowMs / 1000);
  if (choice.preset !== "custom") {
    const preset = EXPIRY_PRESETS.find((p) => p.id === choice.preset);
    if (!preset) return { ok: false, reason: "Pick how long the access lasts." };
    return { ok: true, expiresAt: BigInt(now + preset.seconds) };
  }
  if (!choice.localDateTime)
    return { ok: false, reason: "Pick the date and time the access ends." };
  const ms = new Date(choice.localDateTime).getTime();
  if (Number.isNaN(ms)) return { ok: false, reason: "That date is not valid." };
  const seconds = Math.floor(ms / 1000);
  if (seconds <= now + 60)
    return { ok: false, reason: "The access must end at least a minute from now." };
  if (seconds >= 2 ** 40) return { ok: false, reason: "That date is too far in the future." };
  return { ok: true, expiresAt: BigInt(seconds) };
}
