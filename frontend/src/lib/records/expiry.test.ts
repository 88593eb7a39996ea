import { describe, expect, it } from "vitest";
import { expiresAtOf } from "./expiry.ts";

const now = Date.UTC(2026, 4, 1, 12, 0, 0);

describe("expiresAtOf", () => {
  it("adds a preset to now", () => {
    expect(expiresAtOf({ preset: "1d" }, now)).toEqual({
      ok: true,
      expiresAt: BigInt(now / 1000 + 86_400),
    });
  });
  it("accepts a future local date and time", () => {
    const result = expiresAtOf({ preset: "custom", localDateTime: "2026-06-01T09:30" }, now);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.expiresAt).toBe(BigInt(new Date("2026-06-01T09:30").getTime() / 1000));
  });
  it("refuses an empty, invalid or past date", () => {
    expect(expiresAtOf({ preset: "custom", localDateTime: "" }, now).ok).toBe(false);
    expect(expiresAtOf({ preset: "custom", localDateTime: "not a date" }, now).ok).toBe(false);
    const past = expiresAtOf({ preset: "custom", localDateTime: "2020-01-01T00:00" }, now);
    expect(past.ok === false && past.reason).toMatch(/from now/);
  });
});
