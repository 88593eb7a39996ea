import { type Address, getAddress, pad, toHex } from "viem";

/**
 * A token id's two halves: `uint160(owner) << 96 | mintIndex` (see IBioDentalNFT). The owner
 * half is the minter, fixed forever since tokens never transfer.
 *
 * @example
 * tokenIdParts(tokenId) // { minter: "0x7099…", mintIndex: 0n }
 */
export function tokenIdParts(tokenId: bigint): { minter: Address; mintIndex: bigint } {
  const minter = getAddress(pad(toHex(tokenId >> 96n), { size: 20 }));
  return { minter, mintIndex: tokenId & ((1n << 96n) - 1n) };
}

/**
 * The id of `minter`'s mint number `mintIndex` (what `nextTokenIdOf` returns before it).
 *
 * @example
 * tokenIdOf("0x7099…", 0n)
 */
export function tokenIdOf(minter: Address, mintIndex: bigint): bigint {
  return (BigInt(minter) << 96n) | mintIndex;
}

/** "#<index> of 0xabcd…1234": how a person can tell tokens apart. */
export function describeTokenId(tokenId: bigint): string {
  const { minter, mintIndex } = tokenIdParts(tokenId);
  return `#${mintIndex} of ${minter.slice(0, 6)}…${minter.slice(-4)}`;
}
