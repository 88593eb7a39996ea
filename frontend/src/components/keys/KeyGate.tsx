import type { ReactNode } from "react";
import { useConnection } from "wagmi";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { useEncryptionKeyUnlock } from "../../hooks/useEncryptionKeyUnlock.ts";
import { useRegisteredKeyRead } from "../../hooks/useRegisteredKeyRead.ts";
import { useSessionKey } from "../../hooks/useSessionKey.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { Link } from "../ui/Link.tsx";
import { PageSpinner } from "../ui/PageSpinner.tsx";
import { ConnectPrompt } from "../wallet/ConnectPrompt.tsx";

export type KeyGateProps = {
  /** Why the page needs the key, in a few words ("to encrypt your new record"). */
  purpose: string;
  children: (keyPair: EncryptionKeyPair) => ReactNode;
};

/**
 * Renders its children only with the member's unlocked key: otherwise asks to connect, to set
 * up a key, or to unlock it with one signature, right where the member is.
 */
export function KeyGate({ purpose, children }: KeyGateProps) {
  const connection = useConnection();
  const registered = useRegisteredKeyRead(connection.address);
  const keyPair = useSessionKey(connection.address);
  const unlock = useEncryptionKeyUnlock();

  if (connection.status !== "connected")
    return <ConnectPrompt reason={`Your wallet holds the key ${purpose}.`} />;
  if (keyPair) return <>{children(keyPair)}</>;
  if (registered.status === "unavailable")
    return (
      <p className="muted" data-testid="key-unavailable">
        Your key can be checked as soon as the blockchain node is reachable.
      </p>
    );
  if (registered.status === "pending") return <PageSpinner label="Checking your encryption key…" />;
  if (registered.status === "error") return <ErrorNotice error={registered.error} />;
  if (!registered.registered) {
    return (
      <div className="card" data-testid="key-missing">
        <h2>Set up your encryption key first</h2>
        <p>You need your own encryption key {purpose}. It takes one signature.</p>
        <Link href="/onboarding" className="button" data-testid="goto-onboarding">
          Set up my key
        </Link>
      </div>
    );
  }
  return (
    <div className="card" data-testid="key-locked">
      <h2>Unlock your records</h2>
      <p>
        Sign once to bring back your encryption key {purpose}. It stays in this tab only and is
        forgotten when you close it.
      </p>
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
        <Link href="/onboarding" className="button secondary">
          Use my passphrase backup
        </Link>
      </div>
      {unlock.error ? <ErrorNotice error={unlock.error} /> : null}
    </div>
  );
}
