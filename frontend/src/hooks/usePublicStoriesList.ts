import { useReadContracts } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { parseTokenUri } from "../lib/format/tokenUri.ts";
import { latestConsentByToken } from "../lib/records/latestConsentByToken.ts";
import { useEventHistory } from "./useEventHistory.ts";

const MAX_CANDIDATES = 200;

export type PublicStory = {
  tokenId: bigint;
  title: string;
  /** base32 CIDv1 of the public story on IPFS, when there is one. */
  storyCid: string | undefined;
  tokenUri: string;
};

/**
 * The Emotional Echoes gallery: tokens whose owners consent now. Candidates come from the
 * `PublicProfileUpdated` history; their profiles and art are read in one multicall, and the
 * contract has the last word (it hides everything once consent is withdrawn).
 */
export function usePublicStoriesList({ limit = 24 }: { limit?: number } = {}) {
  const history = useEventHistory({ eventName: "PublicProfileUpdated" });
  // Burned tokens and withdrawn consent only show in the multicall, so read more candidates than
  // the page shows (one eth_call whatever their number) and cut afterwards.
  const candidates = history.data
    ? latestConsentByToken(history.data.items).slice(0, MAX_CANDIDATES)
    : [];
  const reads = useReadContracts({
    allowFailure: true,
    contracts: candidates.flatMap((tokenId) => [
      { ...bioDentalContract, functionName: "publicProfileOf", args: [tokenId] } as const,
      { ...bioDentalContract, functionName: "tokenURI", args: [tokenId] } as const,
    ]),
    query: { enabled: candidates.length > 0 },
  });

  const stories: PublicStory[] = [];
  if (reads.data) {
    candidates.forEach((tokenId, i) => {
      const profile = reads.data[2 * i];
      const uri = reads.data[2 * i + 1];
      if (profile?.status !== "success" || uri?.status !== "success") return; // burned since
      const [title, , consent] = profile.result as readonly [string, `0x${string}`, boolean];
      if (!consent) return;
      const tokenUri = uri.result as string;
      stories.push({ tokenId, title, storyCid: parseTokenUri(tokenUri)?.storyCid, tokenUri });
    });
  }

  return {
    stories: stories.slice(0, limit),
    isPending: history.isPending || (candidates.length > 0 && reads.isPending),
    isEnabled: history.fetchStatus !== "idle" || history.data !== undefined,
    error: history.error ?? reads.error,
    refetch: () => history.refetch(),
  };
}
