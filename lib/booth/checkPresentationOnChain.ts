import type { Address, BlockTag, Client } from "viem";
import { callVerifyPresentation } from "./contractCalls.ts";
import { ChainUnreachableError } from "./errors.ts";
import type { SignedPresentation } from "./types.ts";

export type CheckPresentationOnChainParameters = {
  contract: Address;
  signed: SignedPresentation;
  /**
   * The block whose time and state judge the presentation. `pending` by default: a local chain
   * mines only on transactions, so its latest block can be hours old, while the pending block
   * carries the current time (as it does on a live network, a few seconds ahead of `latest`).
   */
  blockTag?: BlockTag | undefined;
};

/**
 * The contract's own verdict, one `eth_call` of `verifyPresentation`: a `PresentationReason`
 * (0 = valid). Throws `ChainUnreachableError` when the chain cannot answer.
 *
 * @example
 * const reason = await checkPresentationOnChain(client, { contract, signed }) // 0
 */
export async function checkPresentationOnChain(
  client: Client,
  { contract, signed, blockTag = "pending" }: CheckPresentationOnChainParameters,
): Promise<number> {
  try {
    const [, reason] = await callVerifyPresentation(client, {
      contract,
      presentation: signed.presentation,
      signature: signed.signature,
      blockTag,
    });
    return reason;
  } catch (cause) {
    throw new ChainUnreachableError({ cause });
  }
}
