import { type Address, hexToBytes } from "viem";
import { getEventHistory } from "#lib/chain/getEventHistory.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import type { RecordsClient } from "./recordsClient.ts";

/**
 * The record-key wrap delivered to `grantee` in its latest `AccessGranted` event for `tokenId`,
 * or undefined. It opens the version that was current at the grant; later versions carry the
 * grantee's wrap in their envelope header instead.
 *
 * @example
 * const wrappedKey = await findGrantWrappedKey(client, { tokenId, grantee })
 */
export async function findGrantWrappedKey(
  client: RecordsClient,
  { tokenId, grantee }: { tokenId: bigint; grantee: Address },
): Promise<Uint8Array | undefined> {
  const { logs } = await getEventHistory({
    client: client.publicClient,
    address: client.contract,
    abi: bioDentalNftAbi,
    eventName: "AccessGranted",
    args: { tokenId, grantee },
    fromBlock: client.fromBlock,
  });
  const wrap = logs.at(-1)?.args.wrappedKey;
  return wrap && wrap !== "0x" ? hexToBytes(wrap) : undefined;
}
