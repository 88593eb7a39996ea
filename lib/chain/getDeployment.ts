import type { Address } from "viem";
import { bioDentalNftDeployments } from "#lib/generated/bioDentalNft.ts";
import { DeploymentNotFoundError } from "./errors.ts";

export type BioDentalDeployment = {
  chainId: number;
  address: Address;
  /** First block to read events from: history starts at the deployment, never at genesis. */
  deploymentBlock: bigint;
};

export type DeploymentTable = Readonly<
  Record<number, { readonly address: Address; readonly deploymentBlock: number }>
>;

export type GetDeploymentParameters = {
  chainId: number;
  /** Default: the generated `bioDentalNftDeployments`. Tests and custom stacks pass their own. */
  deployments?: DeploymentTable | undefined;
};

/**
 * Looks up the BioDentalNFT deployment of a chain in the generated bindings.
 *
 * @throws {DeploymentNotFoundError} the chain has no known deployment.
 * @example
 * const { address, deploymentBlock } = getDeployment({ chainId: 31337 })
 */
export function getDeployment({
  chainId,
  deployments = bioDentalNftDeployments,
}: GetDeploymentParameters): BioDentalDeployment {
  const entry = deployments[chainId];
  if (!entry)
    throw new DeploymentNotFoundError({
      chainId,
      knownChainIds: Object.keys(deployments).map(Number),
    });
  return { chainId, address: entry.address, deploymentBlock: BigInt(entry.deploymentBlock) };
}
