import { tokenIdParts } from "#lib/records/tokenId.ts";

/**
 * Token ids are `uint160(owner) << 96 | mintIndex`: a 77-digit number nobody can read. Shown as
 * "Record #3" (1-based for people); the minter is shown beside it where it matters.
 */
export function tokenLabel(tokenId: bigint): string {
  return `Record #${tokenIdParts(tokenId).mintIndex + 1n}`;
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
