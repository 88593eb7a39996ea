import { useState } from "react";
import { type PlannedStep, planSteps, transactionPlan } from "../../lib/records/progressPlan.ts";
import { ENCRYPTION_KEY_PURPOSE } from "#lib/crypto/keys/encryptionKeyTypedData.ts";
import { useEncryptionKeySetup, type KeySetupStage } from "../../hooks/useEncryptionKeySetup.ts";
import { StepList } from "../ui/StepList.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";

const PLAN: readonly PlannedStep<KeySetupStage>[] = [
  { id: "sign", label: "Sign the key message in your wallet", match: (p) => p.stage === "sign" },
  ...transactionPlan("setEncryptionKey", "Register the public key on-chain"),
];

/** First-time key creation: one signature, one registration, each step visible. */
export function KeySetupCard({
  onNeedsPassphrase,
  onDone,
}: {
  onNeedsPassphrase: () => void;
  onDone: () => void;
}) {
  const setup = useEncryptionKeySetup();
  const [events, setEvents] = useState<KeySetupStage[]>([]);
  const nonDeterministic = setup.error?.name === "NonDeterministicWalletError";

  const steps = planSteps(PLAN, events, setup.status);

  return (
    <section className="card" aria-labelledby="setup-title" data-testid="key-setup">
      <h2 id="setup-title">Create your encryption key</h2>
      <p>
        Your records are encrypted in this browser with a key only you hold. Your wallet creates it
        from <strong>one signature</strong>: it is free, and nothing is sent. Its public half goes
        on-chain so that you, and the people you choose, can be given access.
      </p>
      <p className="hint">
        The wallet will show: “{ENCRYPTION_KEY_PURPOSE}”. Signing the same message again later gives
        back the same key, on any device.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="create-key"
          disabled={setup.isPending}
          onClick={() => {
            setEvents([]);
            setup.mutate(
              { onProgress: (event) => setEvents((list) => [...list, event]) },
              { onSuccess: onDone },
            );
          }}
        >
          {setup.isPending ? "Working…" : "Sign to create my key"}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={onNeedsPassphrase}
          data-testid="use-passphrase"
        >
          Use a passphrase instead
        </button>
      </div>
      {setup.isPending || setup.isSuccess || setup.isError ? (
        <StepList steps={steps} label="Key setup progress" />
      ) : null}
      {setup.error ? <ErrorNotice error={setup.error} /> : null}
      {nonDeterministic ? (
        <button type="button" className="button" onClick={onNeedsPassphrase}>
          Set up a passphrase-protected key
        </button>
      ) : null}
    </section>
  );
}
