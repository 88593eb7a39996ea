import { useMutation } from "@tanstack/react-query";
import { burnRecord } from "#lib/records/burnRecord.ts";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/** Erasure: burn the token (pointer and grants cleared on-chain) and unpin every version. */
export function useRecordBurn() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({
      tokenId,
      onProgress,
    }: {
      tokenId: bigint;
      onProgress?: OnRecordProgress;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const result = await burnRecord(client, { tokenId, onProgress });
      await refresh();
      return result;
    },
  });
}
