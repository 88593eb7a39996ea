import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { deployment } from "./deployment.ts";
import { targetChain } from "./chains.ts";

/** `{ address, abi, chainId }` for wagmi hooks; the address is undefined when nothing is deployed. */
export const bioDentalContract = {
  address: deployment?.address,
  abi: bioDentalNftAbi,
  chainId: targetChain.id,
} as const;

export const READ_SCOPE = 1;
export const PRESENT_SCOPE = 2;
