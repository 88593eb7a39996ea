import { type Address, getAddress, numberToHex } from "viem";

/**
 * Token ids are `uint160(owner) << 96 | mintIndex`: a 77-digit number nobody can read. Shown as
 * "Record 3" with the minter, which is also what the id means.
 *
 * @example
 * splitTokenId((BigInt(owner) << 96n) | 2n) // { minter: owner, mintIndex: 2n }
 */
export function splitTokenId(tokenId: bigint): { minter: Address; mintIndex: bigint } {
  const minter = getAddress(numberToHex(tokenId >> 96n, { size: 20 }));
  return { minter, mintIndex: tokenId & ((1n << 96n) - 1n) };
}

/** The id of `owner`'s `mintIndex`-th token. */
export function tokenIdOf(owner: Address, mintIndex: bigint): bigint {
  return (BigInt(owner) << 96n) | mintIndex;
}

/** "Record #3" (1-based for people). */
export function tokenLabel(tokenId: bigint): string {
  return `Record #${splitTokenId(tokenId).mintIndex + 1n}`;
}

/** "0xf39F…2266" */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Token ids in URLs: decimal is long but unambiguous and what explorers show. */
export function parseTokenIdParam(value: string | undefined): bigint | undefined {
  if (!value || !/^\d{1,78}$/.test(value)) return undefined;
  return BigInt(value);
}
