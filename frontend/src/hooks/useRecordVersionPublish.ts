import { useMutation } from "@tanstack/react-query";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { AttachmentSource } from "#lib/record/encodeRecordPayload.ts";
import type { OralWellnessRecord, OralWellnessRecordInput } from "#lib/record/schema.ts";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { publishRecordVersion } from "#lib/records/publishRecordVersion.ts";
import { readRecordAttachment } from "#lib/records/readRecordAttachment.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { lazyStream } from "../lib/records/lazyStream.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

export type RecordVersionPublishVariables = {
  tokenId: bigint;
  owner: Address;
  keyPair: EncryptionKeyPair;
  input: OralWellnessRecordInput;
  /** The current version, whose attachments named in `keep` carry over. */
  current: OralWellnessRecord;
  keep: readonly string[];
  files: File[];
  onProgress?: OnRecordProgress;
};

/**
 * Writes the next version: new content, kept attachments streamed out of the current version
 * (only their segments are fetched) and new files, encrypted for the owner and every active
 * reader under a fresh key.
 */
export function useRecordVersionPublish() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({
      tokenId,
      owner,
      keyPair,
      input,
      current,
      keep,
      files,
      onProgress,
    }: RecordVersionPublishVariables) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const kept: AttachmentSource[] = current.attachments
        .filter((attachment) => keep.includes(attachment.name))
        .map((attachment) => ({
          name: attachment.name,
          mediaType: attachment.mediaType,
          size: attachment.size,
          data: lazyStream(
            async () =>
              (
                await readRecordAttachment(client, {
                  tokenId,
                  reader: owner,
                  privateKey: keyPair.privateKey,
                  record: current,
                  selector: attachment.name,
                })
              ).stream,
          ),
        }));
      const added: AttachmentSource[] = files.map((file) => ({
        name: file.name,
        mediaType: file.type || "application/octet-stream",
        data: file,
      }));
      const result = await publishRecordVersion(client, {
        tokenId,
        ownerKeyPair: keyPair,
        content: { record: input, attachments: [...kept, ...added] },
        onProgress,
      });
      await refresh();
      return result;
    },
  });
}
