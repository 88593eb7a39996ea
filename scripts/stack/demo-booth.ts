import { type Address, createPublicClient, createWalletClient, http } from "viem";
import { createLocalChain } from "#lib/chain/localChain.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";

export type EnsureDemoBoothParameters = {
  rpcUrl: string;
  contract: Address;
  /** An unlocked node account holding the organizer role (Hardhat account #0 deploys and organizes). */
  organizer: Address;
  booth: Address;
  name: string;
};

export type EnsureDemoBoothReturnType = { status: "registered" | "already active" };

/**
 * Registers the demo booth unless it is already active, so a second `npm start` changes nothing.
 * The write is simulated first, so a missing organizer role reads as the contract's error.
 *
 * @example
 * await ensureDemoBooth({ rpcUrl, contract, organizer: accounts[0], booth: accounts[9], name: DEMO_BOOTH_NAME })
 */
export async function ensureDemoBooth({
  rpcUrl,
  contract,
  organizer,
  booth,
  name,
}: EnsureDemoBoothParameters): Promise<EnsureDemoBoothReturnType> {
  const chain = createLocalChain({ rpcUrl });
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl) });
  const [, active] = await publicClient.readContract({
    address: contract,
    abi: bioDentalNftAbi,
    functionName: "boothOf",
    args: [booth],
  });
  if (active) return { status: "already active" };
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: organizer });
  const { request } = await publicClient.simulateContract({
    address: contract,
    abi: bioDentalNftAbi,
    functionName: "registerBooth",
    args: [booth, name],
    account: organizer,
  });
  const hash = await wallet.writeContract(request);
  await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  return { status: "registered" };
}
