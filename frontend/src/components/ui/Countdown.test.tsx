// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Countdown } from "./Countdown.tsx";

describe("Countdown", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-05-01T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("ticks down every second and turns into 'expired'", () => {
    const expiresAt = BigInt(Date.parse("2026-05-01T12:00:03Z") / 1000);
    render(<Countdown expiresAt={expiresAt} />);
    expect(screen.getByText("3 s")).toBeTruthy();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText("2 s")).toBeTruthy();
    act(() => vi.advanceTimersByTime(2000));
    const time = screen.getByText("expired");
    expect(time.className).toContain("expired");
    expect(time.getAttribute("datetime")).toBe("2026-05-01T12:00:03.000Z");
  });
});
