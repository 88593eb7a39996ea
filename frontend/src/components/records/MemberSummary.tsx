import { useConnection } from "wagmi";
import { useDeploymentStatus } from "../../hooks/useDeploymentStatus.ts";
import { useOwnedRecordsList } from "../../hooks/useOwnedRecordsList.ts";
import { useRegisteredKeyRead } from "../../hooks/useRegisteredKeyRead.ts";
import { useSessionKey } from "../../hooks/useSessionKey.ts";
import { Link } from "../ui/Link.tsx";

/** The connected member at a glance: key, records, next step. */
export function MemberSummary() {
  const connection = useConnection();
  const status = useDeploymentStatus();
  const key = useRegisteredKeyRead(connection.address);
  const sessionKey = useSessionKey(connection.address);
  const owned = useOwnedRecordsList(connection.address);
  if (status.state !== "ready") return null;

  return (
    <section className="card" aria-labelledby="summary-title" data-testid="member-summary">
      <h2 id="summary-title">Your space</h2>
      <dl className="kv">
        <dt>Encryption key</dt>
        <dd data-testid="summary-key">
          {key.status !== "ready" ? (
            "…"
          ) : key.registered ? (
            sessionKey ? (
              <span className="pill ok">Unlocked</span>
            ) : (
              <span className="pill">Registered, locked</span>
            )
          ) : (
            <span className="pill warn">Not set up</span>
          )}
        </dd>
        <dt>Records</dt>
        <dd data-testid="summary-records">{owned.isPending ? "…" : owned.records.length}</dd>
      </dl>
      <div className="actions">
        {key.registered ? (
          <Link href="/mint" className="button">
            New record
          </Link>
        ) : (
          <Link href="/onboarding" className="button" data-testid="cta-onboarding">
            Set up your encryption key
          </Link>
        )}
        <Link href="/shared" className="button secondary">
          Shared with me
        </Link>
      </div>
    </section>
  );
}
