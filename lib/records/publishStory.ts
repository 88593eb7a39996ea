import type { Hash } from "viem";
import { cidToHex } from "#lib/ipfs/cid.ts";
import type { OnRecordProgress } from "./progress.ts";
import { type PublicStory, encodePublicStory } from "./publicStory.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type PublishStoryParameters = {
  tokenId: bigint;
  /** Printable ASCII, at most 64 bytes (the contract puts it verbatim into JSON and SVG). */
  title: string;
  story: PublicStory;
  /** Show it now (default true); the owner can withdraw consent later with `setConsent`. */
  consent?: boolean | undefined;
  onProgress?: OnRecordProgress;
};

export type PublishStoryReturnType = { hash: Hash; storyCid: string };

/**
 * Pins a public story in clear (it is public by the owner's choice and never part of the
 * encrypted record) and sets the token's public profile to it with the owner's consent.
 *
 * @example
 * await publishStory(client, { tokenId, title: "Echo of a smile", story: { title: "Echo of a smile", text } })
 */
export async function publishStory(
  client: RecordsClient,
  { tokenId, title, story, consent = true, onProgress }: PublishStoryParameters,
): Promise<PublishStoryReturnType> {
  const { cid } = await client.ipfs.addBytes(encodePublicStory(story), { pin: true });
  const { hash } = await writeBioDental(client, {
    functionName: "setPublicProfile",
    args: [tokenId, title, cidToHex(cid), consent],
    onProgress,
  });
  return { hash, storyCid: cid };
}
