import { useMutation } from "@tanstack/react-query";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { mintRecord } from "#lib/records/mintRecord.ts";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import type { OralWellnessRecordInput } from "#lib/record/schema.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

export type RecordMintVariables = {
  input: OralWellnessRecordInput;
  files: File[];
  keyPair: EncryptionKeyPair;
  onProgress?: OnRecordProgress;
};

/** Encrypt → pin → mint, through the shared flow; attachments stream from the File objects. */
export function useRecordMint() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({ input, files, keyPair, onProgress }: RecordMintVariables) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const result = await mintRecord(client, {
        record: input,
        attachments: files.map((file) => ({
          name: file.name,
          mediaType: file.type || "application/octet-stream",
          data: file,
        })),
        ownerPublicKey: keyPair.publicKey,
        onProgress,
      });
      await refresh();
      return result;
    },
  });
}
