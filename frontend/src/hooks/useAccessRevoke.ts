import { useMutation } from "@tanstack/react-query";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { revokeRecordAccess } from "#lib/records/revokeRecordAccess.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/** Revoke, then (for a reader) re-encrypt the record as a new version without them. */
export function useAccessRevoke() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async (variables: {
      tokenId: bigint;
      grantee: Address;
      keyPair: EncryptionKeyPair;
      onProgress?: OnRecordProgress;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      try {
        return await revokeRecordAccess(client, {
          tokenId: variables.tokenId,
          grantee: variables.grantee,
          ownerKeyPair: variables.keyPair,
          onProgress: variables.onProgress,
        });
      } finally {
        // Also after a failure: the revoke may be mined though the re-encryption after it failed,
        // and every grant list and "Shared with" line must drop the reader at once.
        await refresh();
      }
    },
  });
}
