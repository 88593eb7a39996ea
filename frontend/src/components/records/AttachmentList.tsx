import { useState } from "react";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { useAttachmentDownload } from "../../hooks/useAttachmentDownload.ts";
import { formatBytes } from "../../lib/format/time.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { ProgressBar } from "../ui/ProgressBar.tsx";

/** The record's attachments, each downloadable on its own (decrypted as it streams). */
export function AttachmentList({
  tokenId,
  reader,
  keyPair,
  record,
}: {
  tokenId: bigint;
  reader: Address;
  keyPair: EncryptionKeyPair;
  record: OralWellnessRecord;
}) {
  const download = useAttachmentDownload();
  const [active, setActive] = useState<{ name: string; fraction: number } | undefined>();
  if (record.attachments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Attachments</h2>
      <ul className="list">
        {record.attachments.map((attachment) => (
          <li key={attachment.name} className="list-item" data-testid="attachment-item">
            <span>
              {attachment.name} <span className="muted">({formatBytes(attachment.size)})</span>
            </span>
            <button
              type="button"
              className="button secondary small"
              disabled={download.isPending}
              data-testid={`download-${attachment.name}`}
              aria-label={`Download ${attachment.name}`}
              onClick={() => {
                setActive({ name: attachment.name, fraction: 0 });
                download.mutate({
                  tokenId,
                  reader,
                  keyPair,
                  record,
                  name: attachment.name,
                  onProgress: (fraction) => setActive({ name: attachment.name, fraction }),
                });
              }}
            >
              Download
            </button>
          </li>
        ))}
      </ul>
      {download.isPending && active ? (
        <ProgressBar
          label={`Decrypting ${active.name}`}
          value={active.fraction}
          testId="download-progress"
        />
      ) : null}
      {download.isSuccess ? (
        <p className="hint" role="status">
          {download.data} decrypted and saved.
        </p>
      ) : null}
      {download.error && download.error.name !== "AbortError" ? (
        <ErrorNotice error={download.error} />
      ) : null}
    </section>
  );
}
