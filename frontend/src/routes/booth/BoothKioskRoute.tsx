import { useCallback, useEffect, useRef, useState } from "react";
import { useConnection } from "wagmi";
import type { Verdict } from "#lib/booth/verdict.ts";
import { BoothSelect } from "../../components/booth/BoothSelect.tsx";
import { CheckInLogPanel } from "../../components/booth/CheckInLogPanel.tsx";
import { ScanPanel } from "../../components/booth/ScanPanel.tsx";
import { VerdictScreen } from "../../components/booth/VerdictScreen.tsx";
import { ErrorNotice } from "../../components/ui/ErrorNotice.tsx";
import { useBoothDirectory } from "../../hooks/useBoothDirectory.ts";
import { useBoothIdentity } from "../../hooks/useBoothIdentity.ts";
import { useBoothVerifier } from "../../hooks/useBoothVerifier.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import "../../components/booth/booth.css";

const SOURCE_WORDS = {
  link: "from this page's link",
  wallet: "the connected wallet",
  remembered: "remembered on this device",
} as const;

/**
 * The booth kiosk: staff open it on a tablet (or a phone camera opens `/verify#bdp1.…` from a
 * member's code), scan, and get a full-screen verdict. The booth is `?booth=`, the connected
 * wallet, or the one this device was set to. Verification runs in the browser against the chain
 * (one `eth_call`); seen codes and the check-in log stay in this browser's IndexedDB.
 */
export default function BoothKioskRoute() {
  const connection = useConnection();
  const identity = useBoothIdentity();
  const directory = useBoothDirectory();
  const verifier = useBoothVerifier(identity.booth);
  const [verdict, setVerdict] = useState<Verdict>();
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const busyRef = useRef(false);
  const verify = verifier.verify;

  const handleScan = useCallback(
    async (text: string) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        setVerdict(await verify(text));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [verify],
  );

  // Opened from a member's code by a phone camera: verify the fragment once, then drop it so a
  // reload does not scan it again (which would read as a replay).
  useEffect(() => {
    if (!verifier.ready || !identity.booth) return;
    const takeFragment = () => {
      const fragment = window.location.hash.slice(1);
      if (!fragment.startsWith("bdp1.")) return;
      window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
      void handleScan(fragment);
    };
    takeFragment();
    window.addEventListener("hashchange", takeFragment);
    return () => window.removeEventListener("hashchange", takeFragment);
  }, [verifier.ready, identity.booth, handleScan]);

  const dismiss = useCallback(() => setVerdict(undefined), []);
  const boothLabel = identity.booth ? identity.booth.slice(2, 8).toLowerCase() : "booth";

  return (
    <section className="page" data-testid="kiosk-page">
      <header className="card booth-identity" data-testid="booth-identity">
        {identity.booth ? (
          <>
            <strong data-testid="booth-name">
              {identity.registered ? identity.name : "Unregistered booth"}
            </strong>
            <span className="mono" title={identity.booth}>
              {shortAddress(identity.booth)}
            </span>
            <span className="hint">({identity.source ? SOURCE_WORDS[identity.source] : ""})</span>
            <button
              type="button"
              className="button-link"
              onClick={() => setChanging((value) => !value)}
            >
              Change booth
            </button>
          </>
        ) : (
          <strong>Which booth is this?</strong>
        )}
      </header>

      {identity.booth && !identity.isPending && !identity.registered ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This address is not a registered booth.</p>
          <p>
            Every code will be refused here. Ask the organizer to register it, or choose your booth
            below.
          </p>
        </div>
      ) : identity.booth && identity.registered && !identity.active ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This booth was deactivated by the organizer.</p>
          <p>Every code will be refused here.</p>
        </div>
      ) : null}

      {!identity.booth || changing ? (
        <div className="card">
          <BoothSelect
            booths={directory.booths}
            value={identity.booth}
            onChange={(address) => {
              identity.choose(address);
              setChanging(false);
            }}
            label="This device is the booth"
          />
          <p className="hint">
            {connection.status === "connected"
              ? "Or open this page with ?booth=0x… in its address."
              : "Or connect the booth's wallet, or open this page with ?booth=0x…."}
          </p>
        </div>
      ) : null}

      {identity.booth ? (
        <>
          {verifier.storeError ? <ErrorNotice error={verifier.storeError} /> : null}
          {busy ? (
            <p className="notice" role="status">
              Checking the code…
            </p>
          ) : null}
          <ScanPanel
            onScan={(text) => void handleScan(text)}
            accepting={!verdict && !busy && verifier.ready}
          />
          <CheckInLogPanel
            recent={verifier.recent}
            exportCsv={verifier.exportCsv}
            clear={verifier.clearLog}
            boothLabel={boothLabel}
          />
        </>
      ) : null}

      {/* Green clears itself for the next member; red and amber wait for staff, who talk to the member. */}
      {verdict ? (
        <VerdictScreen
          verdict={verdict}
          onDismiss={dismiss}
          autoDismissMs={verdict.valid ? 6000 : 0}
        />
      ) : null}
    </section>
  );
}
