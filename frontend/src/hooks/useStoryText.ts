import { useQuery } from "@tanstack/react-query";
import { appConfig } from "../lib/appConfig.ts";
import { decodePublicStory } from "#lib/records/publicStory.ts";
import { queryKeys } from "../lib/queryKeys.ts";
import { useStackHealth } from "./useStackHealth.ts";

/** A public story's text from the IPFS gateway (public by the owner's choice; never a record). Immutable per CID. */
export function useStoryText(cid: string | undefined) {
  const health = useStackHealth();
  return useQuery({
    queryKey: queryKeys.story(cid ?? ""),
    enabled: Boolean(cid) && health.data?.ipfs.ok === true,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const response = await fetch(`${appConfig.ipfsGatewayUrl}/ipfs/${cid}`);
      if (!response.ok) throw new Error(`The gateway answered ${response.status} for this story`);
      return decodePublicStory(new Uint8Array(await response.arrayBuffer()));
    },
  });
}
