import { useState } from "react";
import { useConnection } from "wagmi";
import { KeySetupCard } from "../components/keys/KeySetupCard.tsx";
import { PassphraseBackupForm } from "../components/keys/PassphraseBackupForm.tsx";
import { RestoreBackupForm } from "../components/keys/RestoreBackupForm.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import { ConnectPrompt } from "../components/wallet/ConnectPrompt.tsx";
import { useEncryptionKeyUnlock } from "../hooks/useEncryptionKeyUnlock.ts";
import { useRegisteredKeyRead } from "../hooks/useRegisteredKeyRead.ts";
import { useSessionKey } from "../hooks/useSessionKey.ts";

export default function OnboardingRoute() {
  const connection = useConnection();
  const registered = useRegisteredKeyRead(connection.address);
  const keyPair = useSessionKey(connection.address);
  const unlock = useEncryptionKeyUnlock();
  const [mode, setMode] = useState<"sign" | "passphrase">("sign");
  const [showRestore, setShowRestore] = useState(false);

  return (
    <section className="page narrow">
      <header>
        <p className="eyebrow muted">Step 1 of 2</p>
        <h1>Your encryption key</h1>
        <p className="muted">
          Every record is sealed with a key that never leaves your device. The chain only learns its
          public half.
        </p>
      </header>

      {mode === "passphrase" &&
      connection.status === "connected" &&
      (keyPair || registered.status === "ready") ? (
        // First, and mounted until "Continue": once the key unlocks, the member must still see
        // and keep the backup's address and file.
        <>
          <PassphraseBackupForm onDone={() => setMode("sign")} />
          {keyPair ? null : (
            <button type="button" className="button-link" onClick={() => setMode("sign")}>
              Back to the one-signature key
            </button>
          )}
        </>
      ) : connection.status !== "connected" ? (
        <ConnectPrompt reason="Connect the wallet that will own your records." />
      ) : keyPair ? (
        <div className="card" data-testid="key-ready">
          <div className="notice notice-ok" role="status">
            <p className="notice-title">Your key is ready</p>
            <p>
              It is registered on-chain and unlocked in this tab. You can create records and receive
              shared ones.
            </p>
          </div>
          <div className="actions">
            <Link href="/mint" className="button" data-testid="goto-mint">
              Create my first record
            </Link>
            <Link href="/records" className="button secondary">
              My records
            </Link>
          </div>
        </div>
      ) : registered.status === "unavailable" ? (
        <p className="muted" data-testid="key-unavailable">
          Your key can be set up as soon as the blockchain node is reachable.
        </p>
      ) : registered.status === "pending" ? (
        <PageSpinner label="Checking your encryption key…" />
      ) : registered.status === "error" ? (
        <ErrorNotice error={registered.error} />
      ) : registered.registered ? (
        <>
          <div className="card" data-testid="key-registered">
            <h2>Welcome back</h2>
            <p>Your key is registered. Sign once to unlock it in this tab.</p>
            <div className="actions">
              <button
                type="button"
                className="button"
                data-testid="unlock-key"
                disabled={unlock.isPending}
                onClick={() => unlock.mutate()}
              >
                {unlock.isPending ? "Waiting for your wallet…" : "Sign to unlock"}
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => setShowRestore(true)}
                data-testid="show-restore"
              >
                I use a passphrase backup
              </button>
            </div>
            {unlock.error ? <ErrorNotice error={unlock.error} /> : null}
          </div>
          {showRestore || unlock.error?.name === "EncryptionKeyMismatchError" ? (
            <RestoreBackupForm onDone={() => setShowRestore(false)} />
          ) : null}
        </>
      ) : (
        <KeySetupCard onNeedsPassphrase={() => setMode("passphrase")} onDone={() => undefined} />
      )}
    </section>
  );
}
