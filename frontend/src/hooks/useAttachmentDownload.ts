import { useMutation } from "@tanstack/react-query";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { readRecordAttachment } from "#lib/records/readRecordAttachment.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { saveStream } from "../lib/saveStream.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/**
 * Downloads one attachment: only its segments are fetched and decrypted, and the plaintext
 * streams to disk where the browser allows it (else it becomes one Blob).
 */
export function useAttachmentDownload() {
  const client = useRecordsClient();
  return useMutation({
    mutationFn: async (variables: {
      tokenId: bigint;
      reader: Address;
      keyPair: EncryptionKeyPair;
      record: OralWellnessRecord;
      name: string;
      onProgress?: (fraction: number) => void;
    }) => {
      if (!client) throw new PreconditionError("The chain is not reachable.");
      const attachment = await readRecordAttachment(client, {
        tokenId: variables.tokenId,
        reader: variables.reader,
        privateKey: variables.keyPair.privateKey,
        record: variables.record,
        selector: variables.name,
        onProgress: (done) =>
          variables.onProgress?.(attachmentFraction(done, variables.record, variables.name)),
      });
      await saveStream(attachment.stream, {
        name: attachment.name,
        mediaType: attachment.mediaType,
        size: attachment.size,
      });
      return attachment.name;
    },
  });
}

function attachmentFraction(done: number, record: OralWellnessRecord, name: string): number {
  const size = record.attachments.find((a) => a.name === name)?.size ?? 0;
  return size === 0 ? 1 : done / size;
}
