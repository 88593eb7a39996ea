import { type Address, isAddress } from "viem";
import { bioDentalNftDeployments } from "#lib/generated/bioDentalNft.ts";
import { targetChain } from "./chains.ts";

export type Deployment = { chainId: number; address: Address; deploymentBlock: bigint };

/**
 * The contract of the configured chain, from the generated bindings (never hand-copied).
 * VITE_CONTRACT_ADDRESS and VITE_DEPLOYMENT_BLOCK override it for a stack that knows its own
 * deployment (a test stack beside the developer's, whose deployments differ while the generated
 * file is shared). Undefined when nothing is deployed there yet.
 */
export const deployment: Deployment | undefined = (() => {
  const override = import.meta.env.VITE_CONTRACT_ADDRESS;
  if (override && isAddress(override)) {
    return {
      chainId: targetChain.id,
      address: override,
      deploymentBlock: BigInt(import.meta.env.VITE_DEPLOYMENT_BLOCK || 0),
    };
  }
  const entry = (
    bioDentalNftDeployments as Record<
      number,
      { address: Address; deploymentBlock: bigint | number | string } | undefined
    >
  )[targetChain.id];
  if (!entry) return undefined;
  return {
    chainId: targetChain.id,
    address: entry.address,
    deploymentBlock: BigInt(entry.deploymentBlock),
  };
})();
