import { type Config, simulateContract, waitForTransactionReceipt, writeContract } from "@wagmi/core";
import { BaseError } from "#lib/errors/base.ts";
import type { Address, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from "viem";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { deployment } from "../deployment.ts";
import { targetChain } from "../chains.ts";

type Abi = typeof bioDentalNftAbi;
type WriteName = ContractFunctionName<Abi, "nonpayable" | "payable">;

export class TransactionRevertedError extends BaseError {
  override name = "TransactionRevertedError";
  constructor(hash: Hash) {
    super("The transaction was mined but reverted.", { details: `transaction ${hash}` });
  }
}

export type WriteContractCheckedParameters<N extends WriteName> = {
  account: Address;
  functionName: N;
  args: ContractFunctionArgs<Abi, "nonpayable" | "payable", N>;
  /** Called as each stage starts, for progress UIs. */
  onStage?: ((stage: "simulating" | "wallet" | "confirming") => void) | undefined;
};

export type WriteContractCheckedReturnType<R> = { hash: Hash; receipt: TransactionReceipt; result: R };

/**
 * Simulates, then sends, then waits: a revert surfaces as the contract's custom error (decoded by
 * viem as ContractFunctionRevertedError) before the wallet ever opens, and the simulated return
 * value (e.g. the minted token id) comes back with the receipt.
 *
 * @example
 * const { result: tokenId } = await writeContractChecked(config, { account, functionName: "mint", args: [cid] })
 */
export async function writeContractChecked<N extends WriteName>(config: Config, parameters: WriteContractCheckedParameters<N>) {
  if (!deployment) throw new BaseError("No Bio-Dental contract is deployed on this network.");
  parameters.onStage?.("simulating");
  // The generic N cannot be narrowed through wagmi's overloads; the parameters type above is the check.
  const simulation = await simulateContract(config, {
    address: deployment.address,
    abi: bioDentalNftAbi,
    chainId: targetChain.id,
    account: parameters.account,
    functionName: parameters.functionName,
    args: parameters.args,
  } as never);
  parameters.onStage?.("wallet");
  const hash = await writeContract(config, simulation.request);
  parameters.onStage?.("confirming");
  const receipt = await waitForTransactionReceipt(config, { hash, chainId: targetChain.id });
  if (receipt.status !== "success") throw new TransactionRevertedError(hash);
  return { hash, receipt, result: simulation.result } as WriteContractCheckedReturnType<unknown>;
}
