import { type Address, type BlockTag, type Client, bytesToHex, hexToBytes, type Hex } from "viem";
import { CID } from "multiformats/cid";
import { callPublicProfileOf } from "./contractCalls.ts";
import type { PublicProfile } from "./verdict.ts";

/** A binary CID as its usual text form; hex if it does not parse (the contract validated it, so rarely). */
export function cidBytesToText(cid: Hex): string | null {
  if (cid === "0x") return null;
  try {
    return CID.decode(hexToBytes(cid)).toString();
  } catch {
    return bytesToHex(hexToBytes(cid));
  }
}

/**
 * The fields the owner consented to show (`publicProfileOf`), or `null` while consent is off.
 * Throws what viem throws (a revert for a missing token, a transport error).
 *
 * @example
 * await readPublicProfile(client, { contract, tokenId }) // { title: "Brave smile", storyCid: "bafy…" }
 */
export async function readPublicProfile(
  client: Client,
  {
    contract,
    tokenId,
    blockTag = "pending",
  }: { contract: Address; tokenId: bigint; blockTag?: BlockTag | undefined },
): Promise<PublicProfile | null> {
  const [title, storyCid, consent] = await callPublicProfileOf(client, {
    contract,
    tokenId,
    blockTag,
  });
  if (!consent) return null;
  return { title, storyCid: cidBytesToText(storyCid) };
}
