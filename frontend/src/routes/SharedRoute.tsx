import { useConnection } from "wagmi";
import { SCOPE_PRESENT, SCOPE_READ, hasScope } from "#lib/records/scopes.ts";
import { TokenArt } from "../components/records/TokenArt.tsx";
import { Countdown } from "../components/ui/Countdown.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import { ConnectPrompt } from "../components/wallet/ConnectPrompt.tsx";
import { useDeploymentStatus } from "../hooks/useDeploymentStatus.ts";
import { type SharedRecord, useGrantsToMeList } from "../hooks/useGrantsToMeList.ts";
import { formatTimestamp } from "../lib/format/time.ts";
import { shortAddress, tokenLabel } from "../lib/format/tokenId.ts";

export default function SharedRoute() {
  const connection = useConnection();
  const status = useDeploymentStatus();
  const list = useGrantsToMeList(connection.address);
  const current = list.shared.filter((g) => g.status === "active");
  const past = list.shared.filter((g) => g.status !== "active");

  return (
    <section className="page">
      <header>
        <h1>Shared with me</h1>
        <p className="muted">
          Records whose owners gave you access. They open with your own key, only until the date
          their owner chose.
        </p>
      </header>
      {connection.status !== "connected" ? (
        <ConnectPrompt reason="Records are shared with a wallet address: connect yours." />
      ) : status.state !== "ready" && status.state !== "checking" ? (
        <p className="muted">Shared records appear as soon as the blockchain node is reachable.</p>
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.isPending ? (
        <PageSpinner label="Looking for shared records…" />
      ) : list.shared.length === 0 ? (
        <p className="card empty" data-testid="shared-empty">
          Nothing shared with you yet. Give your address to someone who wants to share a record:{" "}
          <span className="mono break">{connection.address}</span>
        </p>
      ) : (
        <>
          <ul className="list" aria-label="Shared with you now" data-testid="shared-list">
            {current.map((grant) => (
              <SharedItem key={grant.tokenId.toString()} grant={grant} />
            ))}
          </ul>
          {past.length > 0 ? (
            <>
              <h2>No longer shared</h2>
              <ul className="list" aria-label="No longer shared">
                {past.map((grant) => (
                  <SharedItem key={grant.tokenId.toString()} grant={grant} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function SharedItem({ grant }: { grant: SharedRecord }) {
  const label = tokenLabel(grant.tokenId);
  const canRead = grant.status === "active" && hasScope(grant.scopes, SCOPE_READ);
  return (
    <li
      className="list-item"
      data-testid="shared-item"
      data-token-id={grant.tokenId.toString()}
      data-status={grant.status}
    >
      <div className="record-header">
        <TokenArt tokenUri={grant.tokenUri} label={label} size="small" />
        <div>
          <strong>{label}</strong> <span className="muted">from {shortAddress(grant.owner)}</span>
          <div className="token-meta">
            {hasScope(grant.scopes, SCOPE_READ) ? <span className="pill">Read</span> : null}
            {hasScope(grant.scopes, SCOPE_PRESENT) ? <span className="pill">Present</span> : null}
          </div>
          <p className="hint">
            {grant.status === "active" ? (
              <>
                Expires in <Countdown expiresAt={grant.expiresAt} />
              </>
            ) : grant.status === "expired" ? (
              `Expired ${formatTimestamp(grant.expiresAt)}`
            ) : (
              "Revoked by the owner"
            )}
          </p>
        </div>
      </div>
      {canRead ? (
        <Link href={`/records/${grant.tokenId}`} className="button small" data-testid="open-shared">
          Open
        </Link>
      ) : null}
    </li>
  );
}
