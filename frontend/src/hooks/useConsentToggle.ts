import { useMutation } from "@tanstack/react-query";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { writeBioDental } from "#lib/records/writeBioDental.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/** Shows or hides the public profile (`setConsent`), simulated first like every write. */
export function useConsentToggle() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({
      tokenId,
      consent,
      onProgress,
    }: {
      tokenId: bigint;
      consent: boolean;
      onProgress?: OnRecordProgress;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const result = await writeBioDental(client, {
        functionName: "setConsent",
        args: [tokenId, consent],
        onProgress,
      });
      await refresh();
      return result;
    },
  });
}
