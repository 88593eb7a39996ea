import { describe, expect, it } from "vitest";
import { formatBytes, formatCountdown } from "./time.ts";

describe("formatCountdown", () => {
  const now = 1_700_000_000_000;
  it("shows days and hours for long grants", () => {
    expect(formatCountdown(1_700_000_000n + 2n * 86_400n + 4n * 3_600n + 59n, now)).toBe("2 d 4 h");
  });
  it("shows hours and minutes", () => {
    expect(formatCountdown(1_700_000_000 + 3 * 3_600 + 12 * 60, now)).toBe("3 h 12 min");
  });
  it("pads seconds under an hour", () => {
    expect(formatCountdown(1_700_000_000n + 245n, now)).toBe("4 min 05 s");
  });
  it("shows seconds at the end", () => {
    expect(formatCountdown(1_700_000_000n + 9n, now)).toBe("9 s");
  });
  it("says expired at and after the deadline", () => {
    expect(formatCountdown(1_700_000_000n, now)).toBe("expired");
    expect(formatCountdown(1_699_999_000n, now)).toBe("expired");
  });
});

describe("formatBytes", () => {
  it("uses binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1024 * 1024)).toBe("1.0 MiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
  });
});
