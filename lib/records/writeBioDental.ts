import type { ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from "viem";
import { simulateContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { TransactionRevertedError } from "./errors.ts";
import type { OnRecordProgress } from "./progress.ts";
import { type RecordsClient, accountOf } from "./recordsClient.ts";

type Abi = typeof bioDentalNftAbi;
type WriteName = ContractFunctionName<Abi, "nonpayable">;

export type WriteBioDentalParameters<name extends WriteName> = {
  functionName: name;
  args: ContractFunctionArgs<Abi, "nonpayable", name>;
  onProgress?: OnRecordProgress;
  /** Called with the simulated return value before anything is sent; throw to abort. */
  beforeSend?: ((result: unknown) => void) | undefined;
};

export type WriteBioDentalReturnType = { hash: Hash; receipt: TransactionReceipt; result: unknown };

/**
 * Simulates, sends and confirms one BioDentalNFT write. The simulation comes first so a revert
 * surfaces as the contract's custom error (decoded by viem from the generated ABI) before any
 * wallet prompt or gas is spent.
 *
 * @example
 * const { result: tokenId } = await writeBioDental(client, { functionName: "mint", args: [cidHex] })
 */
export async function writeBioDental<const name extends WriteName>(
  client: RecordsClient,
  { functionName, args, onProgress, beforeSend }: WriteBioDentalParameters<name>,
): Promise<WriteBioDentalReturnType> {
  const account = accountOf(client);
  onProgress?.({ stage: "transaction", functionName, phase: "simulate" });
  const simulation = await simulateContract(client.publicClient, {
    address: client.contract,
    abi: bioDentalNftAbi,
    functionName,
    args,
    account,
  } as never);
  beforeSend?.((simulation as { result: unknown }).result);
  onProgress?.({ stage: "transaction", functionName, phase: "sign" });
  const walletClient = client.walletClient!;
  const hash = await writeContract(walletClient, {
    ...(simulation as { request: object }).request,
    account,
    chain: walletClient.chain ?? null,
  } as never);
  onProgress?.({ stage: "transaction", functionName, phase: "confirm", hash });
  const receipt = await waitForTransactionReceipt(client.publicClient, {
    hash,
    pollingInterval: 250,
  });
  if (receipt.status !== "success") throw new TransactionRevertedError({ functionName, hash });
  return { hash, receipt, result: (simulation as { result: unknown }).result };
}
