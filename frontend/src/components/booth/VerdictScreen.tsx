import { useEffect, useRef } from "react";
import type { Verdict } from "#lib/booth/verdict.ts";
import { shortAddress, tokenLabel } from "../../lib/format/tokenId.ts";
import "./booth.css";

const TITLES = { valid: "Valid", invalid: "Refused", "cannot-verify": "Cannot verify" } as const;
const ICONS = { valid: "✓", invalid: "✕", "cannot-verify": "!" } as const;

export type VerdictScreenProps = {
  verdict: Verdict;
  onDismiss: () => void;
  /** Dismisses itself after this long (the next member is waiting); 0 keeps it up. */
  autoDismissMs?: number;
};

/**
 * The full-screen answer staff read from across a table: green, red, or amber for "cannot
 * verify" (never green), with the reason in words and what the owner made public. Tap, Enter or
 * Escape for the next scan.
 */
export function VerdictScreen({ verdict, onDismiss, autoDismissMs = 6000 }: VerdictScreenProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
    if (!autoDismissMs) return;
    const timer = setTimeout(onDismiss, autoDismissMs);
    return () => clearTimeout(timer);
  }, [autoDismissMs, onDismiss]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onDismiss();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onDismiss]);

  return (
    <div
      className={`verdict-screen ${verdict.outcome}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="verdict-title"
      aria-describedby="verdict-message"
      data-testid="verdict"
      data-reason={verdict.reason}
      data-outcome={verdict.outcome}
      onClick={onDismiss}
    >
      <div className="verdict-icon" aria-hidden="true">
        {ICONS[verdict.outcome]}
      </div>
      <h2 className="verdict-title" id="verdict-title">
        {TITLES[verdict.outcome]}
      </h2>
      <p className="verdict-message" id="verdict-message">
        {verdict.message}
      </p>
      {verdict.tokenId !== null ? (
        <p className="verdict-facts">
          {tokenLabel(verdict.tokenId)}
          {verdict.holder ? ` · presented by ${shortAddress(verdict.holder)}` : ""}
          {verdict.publicProfile ? ` · “${verdict.publicProfile.title}”` : ""}
        </p>
      ) : null}
      <p className="verdict-facts">Code: {verdict.reason}</p>
      <button ref={button} type="button" className="button" onClick={onDismiss}>
        Next
      </button>
    </div>
  );
}
