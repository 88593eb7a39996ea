import { useId, useState } from "react";
import type { RecordProgress } from "#lib/records/progress.ts";
import { useProgressLog } from "../../hooks/useProgressLog.ts";
import type { useRecordBurn } from "../../hooks/useRecordBurn.ts";
import { tokenLabel } from "../../lib/format/tokenId.ts";
import { BURN_PLAN, planSteps } from "../../lib/records/progressPlan.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { Link } from "../ui/Link.tsx";
import { StepList } from "../ui/StepList.tsx";

/**
 * Erase a record, after the member typed its label to show they mean it. The mutation lives in
 * the page: once the token is gone the page stops rendering the record, and shows `BurnDone`.
 */
export function BurnPanel({
  tokenId,
  burn,
}: {
  tokenId: bigint;
  burn: ReturnType<typeof useRecordBurn>;
}) {
  const id = useId();
  const progress = useProgressLog<RecordProgress>();
  const [confirmText, setConfirmText] = useState("");
  const label = tokenLabel(tokenId);
  const confirmed = confirmText.trim().toLowerCase() === label.toLowerCase();

  if (burn.isSuccess) {
    return (
      <section className="card" data-testid="burn-done">
        <div className="notice notice-ok" role="status">
          <p className="notice-title">{label} is erased</p>
          <p>
            The token, its pointer and every grant are gone, and {burn.data.unpinned.length} stored
            version(s) were unpinned from this IPFS node.
          </p>
        </div>
        <Link href="/records" className="button">
          Back to my records
        </Link>
      </section>
    );
  }

  return (
    <section className="card danger-zone" aria-labelledby={`${id}-title`} data-testid="burn-panel">
      <h2 id={`${id}-title`}>Erase this record</h2>
      <div className="notice notice-error">
        <p className="notice-title">This cannot be undone</p>
        <p>
          The token is burned, every grant ends, and every version is unpinned from this IPFS node.
          Copies pinned elsewhere, and anything a grantee already decrypted, are beyond anyone's
          reach. The chain keeps the fact that the token existed.
        </p>
      </div>
      <label className="field" style={{ marginTop: "0.75rem" }}>
        <span>
          Type <strong>{label}</strong> to confirm
        </span>
        <input
          type="text"
          value={confirmText}
          onChange={(event) => setConfirmText(event.target.value)}
          autoComplete="off"
          data-testid="burn-confirm-text"
        />
      </label>
      <button
        type="button"
        className="button danger"
        disabled={!confirmed || burn.isPending}
        data-testid="burn-submit"
        onClick={() => {
          progress.reset();
          burn.mutate({ tokenId, onProgress: progress.push });
        }}
      >
        {burn.isPending ? "Erasing…" : "Erase forever"}
      </button>
      {burn.isPending || burn.isError ? (
        <StepList
          steps={planSteps(BURN_PLAN, progress.events, burn.status)}
          label="Erase progress"
        />
      ) : null}
      {burn.error ? <ErrorNotice error={burn.error} /> : null}
    </section>
  );
}

/** What is left after an erasure: a confirmation. */
export function BurnDone({ tokenId, unpinned }: { tokenId: bigint; unpinned: number }) {
  return (
    <section className="page narrow" data-testid="burn-done">
      <div className="notice notice-ok" role="status">
        <p className="notice-title">{tokenLabel(tokenId)} is erased</p>
        <p>
          The token, its pointer and every grant are gone, and {unpinned} stored version(s) were
          unpinned from this IPFS node.
        </p>
      </div>
      <Link href="/records" className="button">
        Back to my records
      </Link>
    </section>
  );
}
