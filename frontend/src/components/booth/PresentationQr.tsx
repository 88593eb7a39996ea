import { useEffect, useState } from "react";
import type { SignedCode } from "../../hooks/useBoothPresentation.ts";
import { useClockTick } from "../../hooks/useClockTick.ts";
import { DEFAULT_PRESENTATION_TTL_SECONDS } from "#lib/booth/constants.ts";
import "./booth.css";

/** The QR as an SVG data URL, drawn by `qrcode` (loaded only here) at error-correction level M. */
function useQrImage(text: string | undefined): string | undefined {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let cancelled = false;
    void import("qrcode").then(async ({ default: QRCode }) => {
      const svg = await QRCode.toString(text, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 4,
      });
      if (!cancelled) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return text ? image : undefined;
}

export type PresentationQrProps = {
  code: SignedCode | undefined;
  /** Signing a fresh code right now (the old one stays visible, dimmed, until then). */
  renewing: boolean;
};

/** The member's code with a countdown to its expiry; dimmed once it can no longer be accepted. */
export function PresentationQr({ code, renewing }: PresentationQrProps) {
  const now = useClockTick(250);
  const image = useQrImage(code?.text);
  const secondsLeft = code ? Math.max(0, Math.ceil((code.expiresAtMs - now) / 1000)) : 0;
  const expired = Boolean(code) && secondsLeft === 0;
  return (
    <div className={`booth-qr${expired ? " stale" : ""}`}>
      {image && code ? (
        <img
          src={image}
          alt="Presentation QR code: show it to the booth's scanner"
          data-testid="presentation-qr"
          data-qr-text={code.text}
        />
      ) : (
        <div className="booth-qr-placeholder">
          {renewing ? "Waiting for your wallet's signature…" : "Pick a record and a booth below."}
        </div>
      )}
      {code ? (
        <div className="booth-countdown" aria-live="off">
          <div className="booth-countdown-bar" aria-hidden="true">
            <span
              style={{
                width: `${Math.min(100, (secondsLeft / DEFAULT_PRESENTATION_TTL_SECONDS) * 100)}%`,
              }}
            />
          </div>
          <span data-testid="presentation-countdown">
            {expired
              ? renewing
                ? "Expired, signing a fresh code…"
                : "Expired: make a new code."
              : `Valid for ${secondsLeft} s${renewing ? " · renewing…" : ""}`}
          </span>
        </div>
      ) : null}
    </div>
  );
}
