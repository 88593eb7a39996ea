import { isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import { hasScope, SCOPE_PRESENT, SCOPE_READ } from "#lib/records/scopes.ts";
import { useMyGrantRead } from "../../hooks/useMyGrantRead.ts";
import type { RecordPointer } from "../../hooks/useRecordPointerRead.ts";
import { formatTimestamp } from "../../lib/format/time.ts";
import { shortAddress, tokenLabel } from "../../lib/format/tokenId.ts";
import { usePath } from "../../lib/router.ts";
import { Countdown } from "../ui/Countdown.tsx";
import { Link } from "../ui/Link.tsx";
import { TokenArt } from "./TokenArt.tsx";

/** Art, version and the viewer's relation to the record; the owner's tabs. */
export function RecordHeader({ tokenId, pointer }: { tokenId: bigint; pointer: RecordPointer }) {
  const connection = useConnection();
  const path = usePath();
  const isOwner = Boolean(connection.address && isAddressEqual(connection.address, pointer.owner));
  const grant = useMyGrantRead(tokenId, connection.address, !isOwner);
  const label = tokenLabel(tokenId);
  const base = `/records/${tokenId}`;
  const tabs = [
    { href: base, label: "Record" },
    { href: `${base}/update`, label: "New version" },
    { href: `${base}/access`, label: "Access" },
    { href: `${base}/story`, label: "Public story" },
  ];
  const expired = grant.expiresAt !== undefined && grant.expiresAt * 1000n <= BigInt(Date.now());

  return (
    <header className="page" style={{ gap: "0.75rem" }}>
      <div className="record-header">
        <TokenArt tokenUri={pointer.tokenUri} label={label} size="small" />
        <div>
          <h1 data-testid="record-title">{label}</h1>
          <div className="token-meta">
            <span className="pill" data-testid="record-header-version">
              Version {pointer.version.toString()}
            </span>
            <span className="hint">Updated {formatTimestamp(pointer.updatedAt)}</span>
          </div>
          <p className="hint" data-testid="record-role">
            {isOwner ? (
              "You own this record."
            ) : grant.scopes ? (
              <>
                Shared with you by {shortAddress(pointer.owner)} (
                {[
                  hasScope(grant.scopes, SCOPE_READ) ? "read" : "",
                  hasScope(grant.scopes, SCOPE_PRESENT) ? "present" : "",
                ]
                  .filter(Boolean)
                  .join(" and ")}
                ), {expired ? "expired" : "expires in "}
                {!expired && grant.expiresAt !== undefined ? (
                  <Countdown expiresAt={grant.expiresAt} />
                ) : null}
                .
              </>
            ) : (
              `Owned by ${shortAddress(pointer.owner)}.`
            )}
          </p>
        </div>
      </div>
      {isOwner ? (
        <nav className="subnav" aria-label="Record sections">
          {tabs.map((tab) => (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={path === tab.href ? "page" : undefined}
              data-testid={`tab-${tab.label.toLowerCase().replace(/\s+/g, "-")}`}
            >
              {tab.label}
            </Link>
          ))}
          <Link href={`/present?token=${tokenId}`}>Present at a booth</Link>
        </nav>
      ) : null}
    </header>
  );
}
