import type { Address } from "viem";
import { bioDentalNftDeployments } from "#lib/generated/bioDentalNft.ts";
import { targetChain } from "./chains.ts";

export type Deployment = { chainId: number; address: Address; deploymentBlock: bigint };

/**
 * The contract of the configured chain, from the generated bindings (never hand-copied).
 * Undefined when nothing is deployed there yet.
 */
export const deployment: Deployment | undefined = (() => {
  const entry = (bioDentalNftDeployments as Record<number, { address: Address; deploymentBlock: bigint | number | string } | undefined>)[targetChain.id];
  if (!entry) return undefined;
  return { chainId: targetChain.id, address: entry.address, deploymentBlock: BigInt(entry.deploymentBlock) };
})();
