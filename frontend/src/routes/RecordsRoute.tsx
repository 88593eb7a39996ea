import { useConnection } from "wagmi";
import { RecordCard } from "../components/records/RecordCard.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import { ConnectPrompt } from "../components/wallet/ConnectPrompt.tsx";
import { useDeploymentStatus } from "../hooks/useDeploymentStatus.ts";
import { useOwnedRecordsList } from "../hooks/useOwnedRecordsList.ts";

export default function RecordsRoute() {
  const connection = useConnection();
  const status = useDeploymentStatus();
  const owned = useOwnedRecordsList(connection.address);

  return (
    <section className="page">
      <header className="row" style={{ alignItems: "center" }}>
        <div>
          <h1>My records</h1>
          <p className="muted">
            Each record is a token only you hold. The art is drawn on-chain and reveals nothing
            about what is inside.
          </p>
        </div>
        {connection.status === "connected" ? (
          <Link href="/mint" className="button" style={{ flex: "none" }} data-testid="new-record">
            New record
          </Link>
        ) : null}
      </header>
      {connection.status !== "connected" ? (
        <ConnectPrompt reason="Your records are the tokens your wallet holds." />
      ) : status.state !== "ready" && status.state !== "checking" ? (
        <p className="muted">Your records appear as soon as the blockchain node is reachable.</p>
      ) : owned.error ? (
        <ErrorNotice error={owned.error} />
      ) : owned.isPending ? (
        <PageSpinner label="Reading your records…" />
      ) : owned.records.length === 0 ? (
        <div className="card empty" data-testid="records-empty">
          <p>No records yet.</p>
          <Link href="/mint" className="button">
            Create your first record
          </Link>
        </div>
      ) : (
        <div className="grid three" data-testid="records-gallery">
          {owned.records.map((record) => (
            <RecordCard key={record.tokenId.toString()} record={record} />
          ))}
        </div>
      )}
    </section>
  );
}
