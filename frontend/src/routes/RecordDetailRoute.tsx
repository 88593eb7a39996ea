import { type Hex, isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { KeyGate } from "../components/keys/KeyGate.tsx";
import { AttachmentList } from "../components/records/AttachmentList.tsx";
import { BurnDone, BurnPanel } from "../components/records/BurnPanel.tsx";
import { RecordContent } from "../components/records/RecordContent.tsx";
import { RecordPage } from "../components/records/RecordPage.tsx";
import { RecordTimeline } from "../components/records/RecordTimeline.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { IpfsDownNotice } from "../components/ui/IpfsDownNotice.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import type { RouteProps } from "./routeTable.ts";
import type { RecordPointer } from "../hooks/useRecordPointerRead.ts";
import { useEventHistory } from "../hooks/useEventHistory.ts";
import { useIpfsReachable } from "../hooks/useIpfsReachable.ts";
import { useRecordBurn } from "../hooks/useRecordBurn.ts";
import { useRecordRead } from "../hooks/useRecordRead.ts";
import { useRecordTimelineRead } from "../hooks/useRecordTimelineRead.ts";
import { useRecordVersionsList } from "../hooks/useRecordVersionsList.ts";

export default function RecordDetailRoute({ params }: RouteProps) {
  const connection = useConnection();
  const burn = useRecordBurn();
  if (burn.data && burn.variables)
    return <BurnDone tokenId={burn.variables.tokenId} unpinned={burn.data.unpinned.length} />;
  return (
    <RecordPage tokenIdParam={params.tokenId}>
      {(tokenId, pointer) => (
        <>
          <KeyGate purpose="to decrypt this record">
            {(keyPair) => <DecryptedRecord tokenId={tokenId} pointer={pointer} keyPair={keyPair} />}
          </KeyGate>
          {/* Erasure needs no key: it must work even for a member who lost theirs. */}
          {connection.address && isAddressEqual(connection.address, pointer.owner) ? (
            <BurnPanel tokenId={tokenId} burn={burn} />
          ) : null}
        </>
      )}
    </RecordPage>
  );
}

function DecryptedRecord({
  tokenId,
  pointer,
  keyPair,
}: {
  tokenId: bigint;
  pointer: RecordPointer;
  keyPair: EncryptionKeyPair;
}) {
  const connection = useConnection();
  const reader = connection.address;
  const isOwner = Boolean(reader && isAddressEqual(reader, pointer.owner));

  const read = useRecordRead({ tokenId, version: pointer.version, reader, keyPair });
  const ipfsUp = useIpfsReachable();
  const versions = useRecordVersionsList(tokenId);
  const myGrants = useEventHistory({
    eventName: "AccessGranted",
    args: { tokenId, grantee: reader },
    enabled: !isOwner && Boolean(reader),
  });
  // The owner needs no grant wraps; a grantee's timeline waits for them (see
  // useRecordTimelineRead), or goes without if its logs cannot be read.
  const grantWraps: Hex[] | undefined =
    isOwner || myGrants.error ? [] : myGrants.data?.items.map((log) => log.args.wrappedKey);
  const timeline = useRecordTimelineRead({
    tokenId,
    versions: versions.versions,
    reader,
    keyPair,
    grantWraps,
  });

  if (!ipfsUp && !read.data) return <IpfsDownNotice action="decrypt this record" />;
  if (read.error) return <ErrorNotice error={read.error} testId="record-read-error" />;
  if (read.isPending || !read.data || !reader)
    return <PageSpinner label="Fetching and decrypting…" />;
  return (
    <>
      <div className="notice notice-ok" role="status" data-testid="record-decrypted">
        <p>Decrypted in this browser from version {read.data.version.toString()}.</p>
      </div>
      <RecordContent record={read.data.record} />
      <AttachmentList
        tokenId={tokenId}
        reader={reader}
        keyPair={keyPair}
        record={read.data.record}
      />
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted">
          {versions.versions.length} version{versions.versions.length === 1 ? "" : "s"} on-chain.
        </p>
        <RecordTimeline entries={timeline} />
      </section>
    </>
  );
}
