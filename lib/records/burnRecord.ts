import type { Hash } from "viem";
import { getEventHistory } from "#lib/chain/getEventHistory.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { cidFromBytes } from "#lib/ipfs/cid.ts";
import type { OnRecordProgress } from "./progress.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type BurnRecordReturnType = { hash: Hash; unpinned: string[] };

/**
 * Erasure: burns the token (the contract clears the pointer and every grant), then unpins every
 * version it ever pointed to (from `RecordUpdated` history) that this node still pins, so it keeps
 * no ciphertext; `unpinned` lists those. Versions replaced earlier were unpinned then, unless that
 * failed. Copies pinned elsewhere, and what readers already decrypted, are beyond its reach.
 *
 * @example
 * const { unpinned } = await burnRecord(client, { tokenId })
 */
export async function burnRecord(
  client: RecordsClient,
  { tokenId, onProgress }: { tokenId: bigint; onProgress?: OnRecordProgress },
): Promise<BurnRecordReturnType> {
  const { logs } = await getEventHistory({
    client: client.publicClient,
    address: client.contract,
    abi: bioDentalNftAbi,
    eventName: "RecordUpdated",
    args: { tokenId },
    fromBlock: client.fromBlock,
  });
  const { hash } = await writeBioDental(client, {
    functionName: "burn",
    args: [tokenId],
    onProgress,
  });
  const versions = [...new Set(logs.map((log) => cidFromBytes(log.args.cid)))];
  const cids = await client.ipfs.pinnedAmong(versions);
  for (const cid of cids) {
    onProgress?.({ stage: "unpin", cid });
    await client.ipfs.unpin(cid);
  }
  return { hash, unpinned: cids };
}
