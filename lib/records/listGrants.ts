import type { Address, Hex } from "viem";
import { getBlock, readContract } from "viem/actions";
import { getEventHistory } from "#lib/chain/getEventHistory.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { SCOPE_READ, hasScope } from "./scopes.ts";

export type GrantStatus = {
  grantee: Address;
  /** Current scopes as stored (0 after a revoke or burn). */
  scopes: number;
  expiresAt: bigint;
  /** Holds some scope and has not expired, by the chain's clock. */
  active: boolean;
  /** Active and includes READ. */
  canRead: boolean;
  /** The wrap delivered by the latest `AccessGranted` to this grantee ("0x" for PRESENT-only). */
  wrappedKey: Hex;
};

export type ListGrantsReturnType = { grants: GrantStatus[]; now: bigint };

/**
 * Every account ever granted access to `tokenId`, with its current grant: the grantee set comes
 * from `AccessGranted` history (read from the deployment block, paged), the state from
 * `grantOf` (batched), and "now" from the latest block so expiry follows the chain's clock.
 *
 * @example
 * const { grants } = await listGrants(client, { tokenId })
 * const readers = grants.filter((grant) => grant.canRead)
 */
export async function listGrants(
  client: RecordsClient,
  { tokenId }: { tokenId: bigint },
): Promise<ListGrantsReturnType> {
  const [{ logs }, block] = await Promise.all([
    getEventHistory({
      client: client.publicClient,
      address: client.contract,
      abi: bioDentalNftAbi,
      eventName: "AccessGranted",
      args: { tokenId },
      fromBlock: client.fromBlock,
    }),
    getBlock(client.publicClient, { blockTag: "latest" }),
  ]);
  const latestWrap = new Map<Address, Hex>();
  for (const log of logs) latestWrap.set(log.args.grantee, log.args.wrappedKey);
  const grantees = [...latestWrap.keys()];
  const states = await Promise.all(
    grantees.map((grantee) =>
      readContract(client.publicClient, {
        address: client.contract,
        abi: bioDentalNftAbi,
        functionName: "grantOf",
        args: [tokenId, grantee],
      }),
    ),
  );
  const now = block.timestamp;
  const grants = grantees.map((grantee, i): GrantStatus => {
    const [scopes, expiresAt] = states[i]!;
    const active = scopes !== 0 && expiresAt > now;
    return {
      grantee,
      scopes,
      expiresAt,
      active,
      canRead: active && hasScope(scopes, SCOPE_READ),
      wrappedKey: latestWrap.get(grantee)!,
    };
  });
  return { grants, now };
}
