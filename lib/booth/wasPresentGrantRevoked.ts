import { type Address, type Client, encodeEventTopics, type Hex } from "viem";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";

export type WasPresentGrantRevokedParameters = {
  contract: Address;
  tokenId: bigint;
  holder: Address;
  /** The contract's deployment block: no log of it can be older. */
  fromBlock: bigint;
};

/**
 * Whether the holder's last grant event on the token is `AccessRevoked`: tells "revoked" apart
 * from "never a delegate", which the contract reports alike (revoke deletes the grant). One
 * `eth_getLogs` with both indexed topics, only on that failure path. `undefined` if the logs
 * cannot be read (the verdict stays a refusal either way).
 *
 * @example
 * await wasPresentGrantRevoked(client, { contract, tokenId, holder, fromBlock: 0n }) // true
 */
export async function wasPresentGrantRevoked(
  client: Client,
  { contract, tokenId, holder, fromBlock }: WasPresentGrantRevokedParameters,
): Promise<boolean | undefined> {
  const [revokedTopic, tokenTopic, holderTopic] = encodeEventTopics({
    abi: bioDentalNftAbi,
    eventName: "AccessRevoked",
    args: { tokenId, grantee: holder },
  });
  const [grantedTopic] = encodeEventTopics({ abi: bioDentalNftAbi, eventName: "AccessGranted" });
  try {
    const logs = (await client.request({
      method: "eth_getLogs",
      params: [
        {
          address: contract,
          fromBlock: `0x${fromBlock.toString(16)}`,
          toBlock: "latest",
          topics: [[grantedTopic!, revokedTopic!], tokenTopic!, holderTopic!],
        },
      ],
    })) as readonly { topics: readonly Hex[] }[];
    const last = logs.at(-1);
    return last !== undefined && last.topics[0] === revokedTopic;
  } catch {
    return undefined;
  }
}
