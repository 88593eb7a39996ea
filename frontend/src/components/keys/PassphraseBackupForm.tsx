import { type FormEvent, useId, useMemo, useState } from "react";
import { useKeyBackupCreate, type KeyBackupProgress } from "../../hooks/useKeyBackupCreate.ts";
import { type PlannedStep, planSteps, transactionPlan } from "../../lib/records/progressPlan.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { StepList } from "../ui/StepList.tsx";

const MIN_LENGTH = 12;

const PLAN: readonly PlannedStep<KeyBackupProgress>[] = [
  {
    id: "protect",
    label: "Protect the key with your passphrase",
    match: (p) => p.stage === "protect",
    fraction: (p) => (p.stage === "protect" ? p.fraction : undefined),
  },
  { id: "pin", label: "Store the encrypted backup on IPFS", match: (p) => p.stage === "pin" },
  ...transactionPlan("setEncryptionKey", "Register the public key"),
];

/** The fallback key: random, protected by a passphrase, backed up on IPFS, registered on-chain. */
export function PassphraseBackupForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const create = useKeyBackupCreate();
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [events, setEvents] = useState<KeyBackupProgress[]>([]);
  const [touched, setTouched] = useState(false);
  const tooShort = passphrase.length < MIN_LENGTH;
  const mismatch = confirm !== passphrase;

  const downloadUrl = useMemo(
    () =>
      create.data
        ? URL.createObjectURL(new Blob([create.data.backup.slice()], { type: "application/json" }))
        : undefined,
    [create.data],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    setEvents([]);
    // scrypt reports progress often: keep only the latest "protect" event.
    create.mutate({
      passphrase,
      onProgress: (event) =>
        setEvents((list) =>
          event.stage === "protect" && list.at(-1)?.stage === "protect"
            ? [...list.slice(0, -1), event]
            : [...list, event],
        ),
    });
  };

  const steps = planSteps(PLAN, events, create.status);

  if (create.data) {
    return (
      <section className="card" data-testid="backup-done">
        <h2>Your key is ready</h2>
        <div className="notice notice-ok" role="status">
          <p className="notice-title">Keep these two things safe</p>
          <p>
            Your passphrase, and this backup (a file, or its IPFS address). Without both, a new
            device cannot open your records.
          </p>
        </div>
        <p className="label">Backup address on IPFS (CID)</p>
        <p className="mono break" data-testid="backup-cid">
          {create.data.cid}
        </p>
        <div className="actions">
          <a className="button" href={downloadUrl} download="biodental-key-backup.json">
            Download backup file
          </a>
          <button type="button" className="button secondary" onClick={onDone}>
            Continue
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      className="card"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="passphrase-form"
      noValidate
    >
      <h2 id={`${id}-title`}>Use a passphrase-protected key</h2>
      <p>
        For wallets that cannot create a stable key from a signature (some smart-contract wallets).
        We make a random key, lock it with your passphrase and keep the locked copy on IPFS. Nobody
        can open it without the passphrase, and nobody can recover a forgotten one.
      </p>
      <div className="field">
        <label className="field">
          <span>Passphrase (at least {MIN_LENGTH} characters)</span>
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={touched && tooShort}
            aria-describedby={`${id}-pass-error`}
            data-testid="passphrase"
          />
        </label>
        {touched && tooShort ? (
          <span className="field-error" id={`${id}-pass-error`}>
            Use at least {MIN_LENGTH} characters; a few unrelated words work well.
          </span>
        ) : null}
      </div>
      <div className="field">
        <label className="field">
          <span>Repeat the passphrase</span>
          <input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={touched && mismatch}
            aria-describedby={`${id}-confirm-error`}
            data-testid="passphrase-confirm"
          />
        </label>
        {touched && mismatch ? (
          <span className="field-error" id={`${id}-confirm-error`}>
            The two passphrases differ.
          </span>
        ) : null}
      </div>
      <button
        type="submit"
        className="button"
        disabled={create.isPending}
        data-testid="create-backup"
      >
        {create.isPending ? "Working…" : "Create my protected key"}
      </button>
      {create.isPending || create.isError ? (
        <StepList steps={steps} label="Passphrase key progress" />
      ) : null}
      {create.error ? <ErrorNotice error={create.error} /> : null}
    </form>
  );
}
