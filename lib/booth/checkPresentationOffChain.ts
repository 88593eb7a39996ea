import {
  type Address,
  type BlockTag,
  type Client,
  ContractFunctionRevertedError,
  isAddressEqual,
} from "viem";
import { getBlock, getCode, readContract } from "viem/actions";
import { BaseError } from "viem";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { checkPresentationOnChain } from "./checkPresentationOnChain.ts";
import { isHolderEcdsaSignature, presentationDigestOf } from "./checkPresentationSignature.ts";
import { MAX_PRESENTATION_WINDOW_SECONDS, PRESENT_SCOPE } from "./constants.ts";
import { ChainUnreachableError } from "./errors.ts";
import type { SignedPresentation } from "./types.ts";

export type CheckPresentationOffChainParameters = {
  contract: Address;
  signed: SignedPresentation;
  /** See `checkPresentationOnChain`; the same block judges time and state here. */
  blockTag?: BlockTag | undefined;
};

/** `PresentationReason` values, as numbered by the contract (IBioDentalNFT). */
const Reason = {
  Valid: 0,
  Expired: 1,
  TooFarAhead: 2,
  BoothNotRegistered: 3,
  BoothInactive: 4,
  NonexistentToken: 5,
  HolderNotAuthorized: 6,
  DelegateExpired: 7,
  BadSignature: 8,
} as const;

function isRevert(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    error.walk((e) => e instanceof ContractFunctionRevertedError) !== null
  );
}

/**
 * The contract's `verifyPresentation` verdict computed off-chain: the state it reads (block time,
 * booth status, owner, grant, whether the holder has code) in one round of parallel reads (one
 * HTTP request with a batching transport), the checks in the contract's order, and the signature
 * recovered locally with the contract's exact ECDSA rules. A holder with code (an ERC-1271
 * contract wallet, or an EIP-7702 account) is judged by the chain itself: its rules are its own.
 * Returns a `PresentationReason`; throws `ChainUnreachableError` when the chain cannot answer.
 *
 * @example
 * const client = createPublicClient({ transport: http(rpcUrl, { batch: true }) })
 * const reason = await checkPresentationOffChain(client, { contract, signed })
 */
export async function checkPresentationOffChain(
  client: Client,
  { contract, signed, blockTag = "pending" }: CheckPresentationOffChainParameters,
): Promise<number> {
  const { presentation } = signed;
  const common = { address: contract, abi: bioDentalNftAbi, blockTag } as const;
  let reads: [
    bigint,
    readonly [string, boolean],
    Address | null,
    readonly [number, bigint],
    string | undefined,
  ];
  try {
    reads = await Promise.all([
      getBlock(client, { blockTag }).then((block) => block.timestamp),
      readContract(client, { ...common, functionName: "boothOf", args: [presentation.booth] }),
      readContract(client, {
        ...common,
        functionName: "ownerOf",
        args: [presentation.tokenId],
      }).catch((error: unknown) => {
        if (isRevert(error)) return null;
        throw error;
      }),
      readContract(client, {
        ...common,
        functionName: "grantOf",
        args: [presentation.tokenId, presentation.holder],
      }),
      getCode(client, { address: presentation.holder, blockTag }),
    ]);
  } catch (cause) {
    throw new ChainUnreachableError({ cause });
  }
  const [now, [boothName, boothActive], owner, [scopes, expiresAt], holderCode] = reads;

  if (presentation.notAfter < now) return Reason.Expired;
  if (presentation.notAfter > now + BigInt(MAX_PRESENTATION_WINDOW_SECONDS))
    return Reason.TooFarAhead;
  // A booth can only be registered with a non-empty name, so an empty one means never registered.
  if (!boothActive) return boothName === "" ? Reason.BoothNotRegistered : Reason.BoothInactive;
  if (owner === null) return Reason.NonexistentToken;
  if (!isAddressEqual(owner, presentation.holder)) {
    if ((scopes & PRESENT_SCOPE) === 0) return Reason.HolderNotAuthorized;
    if (expiresAt <= now) return Reason.DelegateExpired;
  }
  if (holderCode !== undefined && holderCode !== "0x") {
    return checkPresentationOnChain(client, { contract, signed, blockTag });
  }
  const valid = await isHolderEcdsaSignature({
    holder: presentation.holder,
    digest: presentationDigestOf(signed),
    signature: signed.signature,
  });
  return valid ? Reason.Valid : Reason.BadSignature;
}
