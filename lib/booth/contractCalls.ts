import {
  type Address,
  type BlockTag,
  type Client,
  type Hex,
  concatHex,
  decodeAbiParameters,
  encodeAbiParameters,
  getAbiItem,
  toFunctionSelector,
} from "viem";
import { call } from "viem/actions";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import type { Presentation } from "./types.ts";

// Resolved once: viem's readContract looks the function up in the ABI and hashes its signature
// for the selector on every call, a quarter of a millisecond a verdict on a busy booth.
const verifyItem = getAbiItem({ abi: bioDentalNftAbi, name: "verifyPresentation" });
const verifySelector = toFunctionSelector(verifyItem);
const profileItem = getAbiItem({ abi: bioDentalNftAbi, name: "publicProfileOf" });
const profileSelector = toFunctionSelector(profileItem);

async function ethCall(client: Client, to: Address, data: Hex, blockTag: BlockTag): Promise<Hex> {
  const { data: result } = await call(client, { to, data, blockTag });
  if (result === undefined) throw new Error(`no contract answered at ${to}`);
  return result;
}

/**
 * `verifyPresentation(presentation, signature)` as one raw `eth_call`: `[valid, reason]`.
 * Throws what viem throws (transport errors, reverts) or when nothing answers at `contract`.
 */
export async function callVerifyPresentation(
  client: Client,
  {
    contract,
    presentation,
    signature,
    blockTag,
  }: { contract: Address; presentation: Presentation; signature: Hex; blockTag: BlockTag },
): Promise<readonly [boolean, number]> {
  const data = concatHex([
    verifySelector,
    encodeAbiParameters(verifyItem.inputs, [presentation, signature]),
  ]);
  return decodeAbiParameters(verifyItem.outputs, await ethCall(client, contract, data, blockTag));
}

/** `publicProfileOf(tokenId)` as one raw `eth_call`: `[title, storyCid, consent]`. Reverts for a missing token. */
export async function callPublicProfileOf(
  client: Client,
  { contract, tokenId, blockTag }: { contract: Address; tokenId: bigint; blockTag: BlockTag },
): Promise<readonly [string, Hex, boolean]> {
  const data = concatHex([profileSelector, encodeAbiParameters(profileItem.inputs, [tokenId])]);
  return decodeAbiParameters(profileItem.outputs, await ethCall(client, contract, data, blockTag));
}
