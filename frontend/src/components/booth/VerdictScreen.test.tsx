// @vitest-environment jsdom
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeVerdict } from "#lib/booth/verdict.ts";
import { VerdictScreen } from "./VerdictScreen.tsx";

const holder = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("VerdictScreen", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows a valid verdict in green with the consented title, and clears itself", () => {
    const onDismiss = vi.fn();
    const verdict = makeVerdict({
      reason: "valid",
      tokenId: (BigInt(holder) << 96n) | 2n,
      holder,
      publicProfile: { title: "Brave smile", storyCid: null },
    });
    render(<VerdictScreen verdict={verdict} onDismiss={onDismiss} autoDismissMs={6000} />);
    const screenElement = screen.getByTestId("verdict");
    expect(screenElement.className).toContain("valid");
    expect(screen.getByRole("heading", { name: "Valid" })).toBeTruthy();
    expect(screen.getByText(/Record #3 · presented by 0x7099…79C8 · “Brave smile”/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(5999));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it("shows a refusal in red with its reason and waits for staff", () => {
    const onDismiss = vi.fn();
    render(
      <VerdictScreen
        verdict={makeVerdict({ reason: "replay", tokenId: 5n, holder })}
        onDismiss={onDismiss}
        autoDismissMs={0}
      />,
    );
    expect(screen.getByTestId("verdict").getAttribute("data-outcome")).toBe("invalid");
    expect(screen.getByRole("heading", { name: "Refused" })).toBeTruthy();
    expect(screen.getByText(/scanned at this booth before/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(60_000));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: "Escape" });
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it("never shows 'cannot verify' as green", () => {
    render(
      <VerdictScreen
        verdict={makeVerdict({ reason: "chain-unreachable" })}
        onDismiss={() => {}}
        autoDismissMs={0}
      />,
    );
    const element = screen.getByTestId("verdict");
    expect(element.className).toContain("cannot-verify");
    expect(element.className).not.toMatch(/\bvalid\b/);
    expect(screen.getByRole("heading", { name: "Cannot verify" })).toBeTruthy();
  });
});
