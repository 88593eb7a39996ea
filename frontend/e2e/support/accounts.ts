import { type Address, createPublicClient, createWalletClient, getAddress, http } from "viem";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";

/** LOCAL_DEMO_ACCOUNTS gives roles to 0–4 and 9; the journeys take members from the rest. */
const CANDIDATE_INDEXES = [5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

export type NodeAccount = { index: number; address: Address };

/**
 * Node accounts that have never been members on this contract (no encryption key, no token):
 * on a fresh chain always the same ones, and on a stack kept between runs (E2E_ATTACH) new ones
 * each run, so every run goes through first-time onboarding.
 *
 * @example
 * const [owner, reader] = await freshMemberAccounts({ rpcUrl, contract, count: 2 })
 */
export async function freshMemberAccounts({
  rpcUrl,
  contract,
  count,
  skip = [],
}: {
  rpcUrl: string;
  contract: Address;
  count: number;
  skip?: readonly number[];
}): Promise<NodeAccount[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  // The node's unlocked accounts: a wallet method, asked of the node through a wallet client.
  const accounts = (await createWalletClient({ transport: http(rpcUrl) }).getAddresses()).map(
    (account) => getAddress(account),
  );
  const found: NodeAccount[] = [];
  for (const index of CANDIDATE_INDEXES) {
    const address = accounts[index];
    if (!address || skip.includes(index)) continue;
    const [key, balance] = await Promise.all([
      client.readContract({
        address: contract,
        abi: bioDentalNftAbi,
        functionName: "encryptionKeyOf",
        args: [address],
      }),
      client.readContract({
        address: contract,
        abi: bioDentalNftAbi,
        functionName: "balanceOf",
        args: [address],
      }),
    ]);
    if (/^0x0*$/.test(key) && balance === 0n) found.push({ index, address });
    if (found.length === count) return found;
  }
  throw new Error(`only ${found.length} of the node's accounts are still fresh; restart the stack`);
}
