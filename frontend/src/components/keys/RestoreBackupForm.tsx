import { type FormEvent, useId, useState } from "react";
import { useConnection } from "wagmi";
import { useKeyBackupRestore } from "../../hooks/useKeyBackupRestore.ts";
import { keyBackupLocation } from "../../lib/keys/keyBackupLocation.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { ProgressBar } from "../ui/ProgressBar.tsx";

/** Unlocks a passphrase-protected key from its IPFS backup or the downloaded file. */
export function RestoreBackupForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const connection = useConnection();
  const restore = useKeyBackupRestore();
  const [cid, setCid] = useState(() =>
    connection.address ? (keyBackupLocation.get(connection.address) ?? "") : "",
  );
  const [file, setFile] = useState<File | undefined>();
  const [passphrase, setPassphrase] = useState("");
  const [fraction, setFraction] = useState<number | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || (!file && !cid.trim())) return;
    setFraction(0);
    restore.mutate(
      { source: file ? { file } : { cid }, passphrase, onProgress: setFraction },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="card"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="restore-form"
    >
      <h2 id={`${id}-title`}>Restore from your passphrase backup</h2>
      <label className="field">
        <span>Backup address on IPFS (CID)</span>
        <input
          type="text"
          value={cid}
          onChange={(event) => setCid(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          data-testid="restore-cid"
        />
      </label>
      <label className="field">
        <span>…or the downloaded backup file</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => setFile(event.target.files?.[0])}
          data-testid="restore-file"
        />
      </label>
      <label className="field">
        <span>Passphrase</span>
        <input
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          data-testid="restore-passphrase"
        />
      </label>
      <button
        type="submit"
        className="button"
        disabled={restore.isPending || !passphrase || (!file && !cid.trim())}
        data-testid="restore-submit"
      >
        {restore.isPending ? "Opening…" : "Unlock my key"}
      </button>
      {restore.isPending && fraction !== undefined ? (
        <ProgressBar label="Checking the passphrase" value={fraction} />
      ) : null}
      {restore.error ? <ErrorNotice error={restore.error} /> : null}
    </form>
  );
}
