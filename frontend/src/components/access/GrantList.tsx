import { useState } from "react";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { RecordProgress } from "#lib/records/progress.ts";
import { SCOPE_PRESENT, SCOPE_READ, hasScope } from "#lib/records/scopes.ts";
import { useAccessRevoke } from "../../hooks/useAccessRevoke.ts";
import { useProgressLog } from "../../hooks/useProgressLog.ts";
import { useTokenGrantsList } from "../../hooks/useTokenGrantsList.ts";
import { formatTimestamp } from "../../lib/format/time.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import type { GrantView } from "../../lib/records/grantState.ts";
import { REVOKE_PLAN, planSteps } from "../../lib/records/progressPlan.ts";
import { Countdown } from "../ui/Countdown.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { PageSpinner } from "../ui/PageSpinner.tsx";
import { StepList } from "../ui/StepList.tsx";

const scopeText = (scopes: number) =>
  [hasScope(scopes, SCOPE_READ) ? "Read" : "", hasScope(scopes, SCOPE_PRESENT) ? "Present" : ""]
    .filter(Boolean)
    .join(" + ");

/** Active and past grants with a live countdown; revoking re-encrypts, with its progress. */
export function GrantList({ tokenId, keyPair }: { tokenId: bigint; keyPair: EncryptionKeyPair }) {
  const list = useTokenGrantsList([tokenId]);
  const revoke = useAccessRevoke();
  const progress = useProgressLog<RecordProgress>();
  const [revoking, setRevoking] = useState<Address | undefined>();

  if (list.error) return <ErrorNotice error={list.error} />;
  if (list.isPending) return <PageSpinner label="Reading grants…" />;
  const active = list.grants.filter((g) => g.status === "active");
  const past = list.grants.filter((g) => g.status !== "active");

  const onRevoke = (grant: GrantView) => {
    setRevoking(grant.grantee);
    progress.reset();
    revoke.mutate({ tokenId, grantee: grant.grantee, keyPair, onProgress: progress.push });
  };

  return (
    <section className="card" aria-labelledby="grants-title" data-testid="grant-list">
      <h2 id="grants-title">Who can access it</h2>
      {active.length === 0 ? <p className="muted">Nobody but you.</p> : null}
      <ul className="list" aria-label="Active grants">
        {active.map((grant) => (
          <li
            key={grant.grantee}
            className="list-item"
            data-testid="grant-active"
            data-grantee={grant.grantee}
          >
            <div>
              <strong className="mono">{shortAddress(grant.grantee)}</strong>{" "}
              <span className="pill ok">{scopeText(grant.scopes)}</span>
              <p className="hint">
                Ends in <Countdown expiresAt={grant.expiresAt} /> (
                {formatTimestamp(grant.expiresAt)})
              </p>
            </div>
            <button
              type="button"
              className="button secondary small"
              disabled={revoke.isPending}
              onClick={() => onRevoke(grant)}
              data-testid="revoke-button"
              aria-label={`Revoke ${grant.grantee}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {revoke.isPending || revoke.isError || revoke.isSuccess ? (
        <div aria-live="polite" style={{ marginTop: "1rem" }} data-testid="revoke-progress">
          <p className="label">Revoking {revoking ? shortAddress(revoking) : ""}</p>
          <StepList
            steps={planSteps(REVOKE_PLAN, progress.events, revoke.status)}
            label="Revoke progress"
          />
          {revoke.data ? (
            <p className="notice notice-ok" role="status" data-testid="revoke-done">
              {revoke.data.reencrypted
                ? `Revoked. The record is now version ${revoke.data.reencrypted.version}, encrypted under a new key for you${revoke.data.reencrypted.recipients.length ? ` and ${revoke.data.reencrypted.recipients.length} other reader(s)` : ""}. What they already read, they keep.`
                : "Revoked. They could not read the record, so no re-encryption was needed."}
            </p>
          ) : null}
          {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
        </div>
      ) : null}
      {past.length > 0 ? (
        <details style={{ marginTop: "1rem" }}>
          <summary>Past grants ({past.length})</summary>
          <ul className="list" aria-label="Past grants">
            {past.map((grant) => (
              <li
                key={grant.grantee}
                className="list-item"
                data-testid={`grant-${grant.status}`}
                data-grantee={grant.grantee}
              >
                <span className="mono">{shortAddress(grant.grantee)}</span>
                <span className={`pill ${grant.status === "expired" ? "warn" : "danger"}`}>
                  {grant.status === "expired"
                    ? `Expired ${formatTimestamp(grant.expiresAt)}`
                    : grant.status === "revoked"
                      ? "Revoked"
                      : "Erased"}
                </span>
                {grant.status === "expired" && hasScope(grant.scopes, SCOPE_READ) ? (
                  <button
                    type="button"
                    className="button-link"
                    disabled={revoke.isPending}
                    onClick={() => onRevoke(grant)}
                    title="An expired reader still holds the current key: revoking re-encrypts."
                  >
                    Revoke and re-encrypt
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
