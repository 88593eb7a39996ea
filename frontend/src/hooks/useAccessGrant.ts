import { useMutation } from "@tanstack/react-query";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { grantRecordAccess } from "#lib/records/grantRecordAccess.ts";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/** Grant READ and/or PRESENT: for READ the record key is re-wrapped for the grantee's registered key. */
export function useAccessGrant() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async (variables: {
      tokenId: bigint;
      grantee: Address;
      scopes: number;
      expiresAt: bigint;
      keyPair: EncryptionKeyPair;
      onProgress?: OnRecordProgress;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const result = await grantRecordAccess(client, {
        ...variables,
        ownerPrivateKey: variables.keyPair.privateKey,
      });
      await refresh();
      return result;
    },
  });
}
