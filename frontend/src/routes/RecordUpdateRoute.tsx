import { useMemo, useState } from "react";
import { isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { RecordProgress } from "#lib/records/progress.ts";
import { RecordForm } from "../components/forms/RecordForm.tsx";
import { KeyGate } from "../components/keys/KeyGate.tsx";
import { RecordPage } from "../components/records/RecordPage.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { IpfsDownNotice } from "../components/ui/IpfsDownNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import { StepList } from "../components/ui/StepList.tsx";
import type { RecordPointer } from "../hooks/useRecordPointerRead.ts";
import { useIpfsReachable } from "../hooks/useIpfsReachable.ts";
import { useProgressLog } from "../hooks/useProgressLog.ts";
import { useRecordRead } from "../hooks/useRecordRead.ts";
import { useRecordVersionPublish } from "../hooks/useRecordVersionPublish.ts";
import { formatBytes } from "../lib/format/time.ts";
import { recordToDraft } from "../lib/record/recordDraft.ts";
import { UPDATE_PLAN, planSteps } from "../lib/records/progressPlan.ts";
import type { RouteProps } from "./routeTable.ts";

export default function RecordUpdateRoute({ params }: RouteProps) {
  const connection = useConnection();
  return (
    <RecordPage tokenIdParam={params.tokenId}>
      {(tokenId, pointer) =>
        connection.address && isAddressEqual(connection.address, pointer.owner) ? (
          <KeyGate purpose="to decrypt and re-encrypt this record">
            {(keyPair) => <UpdateForm tokenId={tokenId} pointer={pointer} keyPair={keyPair} />}
          </KeyGate>
        ) : (
          <p className="muted">Only the owner can write a new version.</p>
        )
      }
    </RecordPage>
  );
}

function UpdateForm({
  tokenId,
  pointer,
  keyPair,
}: {
  tokenId: bigint;
  pointer: RecordPointer;
  keyPair: EncryptionKeyPair;
}) {
  const read = useRecordRead({ tokenId, version: pointer.version, reader: pointer.owner, keyPair });
  const publish = useRecordVersionPublish();
  const ipfsUp = useIpfsReachable();
  const progress = useProgressLog<RecordProgress>();
  const initial = useMemo(
    () => (read.data ? recordToDraft(read.data.record) : undefined),
    [read.data],
  );
  const [keep, setKeep] = useState<string[] | undefined>();

  if (read.error) return <ErrorNotice error={read.error} />;
  if (!read.data || !initial) return <PageSpinner label="Decrypting the current version…" />;
  const current = read.data.record;
  const kept = keep ?? current.attachments.map((a) => a.name);

  if (!publish.isIdle) {
    return (
      <div className="card" data-testid="update-progress">
        <h2>
          {publish.isSuccess
            ? `Version ${publish.data.version} is published`
            : publish.isError
              ? "The new version was not published"
              : "Publishing the new version…"}
        </h2>
        <StepList
          steps={planSteps(UPDATE_PLAN, progress.events, publish.status)}
          label="Update progress"
        />
        {publish.data ? (
          <>
            <p className="hint">
              Encrypted under a new key for you
              {publish.data.recipients.length
                ? ` and ${publish.data.recipients.length} reader(s) with access`
                : ""}
              .
              {publish.data.skipped.length
                ? ` ${publish.data.skipped.length} reader(s) without a registered key were left out.`
                : ""}
            </p>
            <Link href={`/records/${tokenId}`} className="button" data-testid="view-updated">
              View the record
            </Link>
          </>
        ) : null}
        {publish.error ? (
          <>
            <ErrorNotice error={publish.error} />
            <button type="button" className="button" onClick={() => publish.reset()}>
              Back to the form
            </button>
          </>
        ) : null}
      </div>
    );
  }

  return (
    <RecordForm
      initial={initial}
      submitLabel={`Encrypt and publish version ${pointer.version + 1n}`}
      busy={publish.isPending}
      blocker={ipfsUp ? undefined : <IpfsDownNotice action="publish a new version" />}
      reservedNames={kept}
      attachmentsNote={
        current.attachments.length > 0 ? (
          <fieldset data-testid="kept-attachments">
            <legend>Attachments of version {pointer.version.toString()}</legend>
            {current.attachments.map((attachment) => (
              <label key={attachment.name} className="choice" style={{ marginRight: "0.5rem" }}>
                <input
                  type="checkbox"
                  checked={kept.includes(attachment.name)}
                  onChange={(event) =>
                    setKeep(
                      event.target.checked
                        ? [...kept, attachment.name]
                        : kept.filter((name) => name !== attachment.name),
                    )
                  }
                />
                Keep {attachment.name} ({formatBytes(attachment.size)})
              </label>
            ))}
          </fieldset>
        ) : null
      }
      onSubmit={({ input, files }) => {
        progress.reset();
        publish.mutate({
          tokenId,
          owner: pointer.owner,
          keyPair,
          input,
          current,
          keep: kept,
          files,
          onProgress: progress.push,
        });
      }}
    />
  );
}
