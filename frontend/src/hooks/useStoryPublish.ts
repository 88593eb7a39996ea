import { useMutation } from "@tanstack/react-query";
import type { OnRecordProgress } from "#lib/records/progress.ts";
import { publishStory } from "#lib/records/publishStory.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/** Pins a public story in clear and points the token's public profile at it, with consent on. */
export function useStoryPublish() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({
      tokenId,
      title,
      text,
      onProgress,
    }: {
      tokenId: bigint;
      title: string;
      text: string;
      onProgress?: OnRecordProgress;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const result = await publishStory(client, {
        tokenId,
        title,
        story: { title, text },
        consent: true,
        onProgress,
      });
      await refresh();
      return result;
    },
  });
}
