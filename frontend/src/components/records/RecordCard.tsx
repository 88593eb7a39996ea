import { formatTimestamp } from "../../lib/format/time.ts";
import { tokenLabel } from "../../lib/format/tokenId.ts";
import { parseTokenUri } from "../../lib/format/tokenUri.ts";
import type { OwnedRecord } from "../../hooks/useOwnedRecordsList.ts";
import { Link } from "../ui/Link.tsx";
import { TokenArt } from "./TokenArt.tsx";

/** One owned record in the gallery: art, version, who can read it. */
export function RecordCard({ record }: { record: OwnedRecord }) {
  const label = tokenLabel(record.tokenId);
  // The renderer names the token after its public title only while the owner consents.
  const meta = parseTokenUri(record.tokenUri);
  const isPublic = Boolean(meta && meta.name !== "Bio-Dental Record");
  return (
    <Link
      href={`/records/${record.tokenId}`}
      className="card token-card"
      data-testid="record-card"
      data-token-id={record.tokenId.toString()}
      aria-label={`${label}, version ${record.version}`}
    >
      <TokenArt tokenUri={record.tokenUri} label={label} />
      <div>
        <h3>{label}</h3>
        <div className="token-meta">
          <span className="pill" data-testid="record-version">
            v{record.version.toString()}
          </span>
          <span
            className={`pill ${record.activeGrants > 0 ? "ok" : ""}`}
            data-testid="record-grants"
          >
            {record.activeGrants === 0 ? "Not shared" : `Shared with ${record.activeGrants}`}
          </span>
          {isPublic ? (
            <span className="pill ok" data-testid="record-public">
              Public story
            </span>
          ) : null}
        </div>
        <p className="hint">Updated {formatTimestamp(record.updatedAt)}</p>
      </div>
    </Link>
  );
}
