import type { Address, Hex } from "viem";

/** The contract's `Presentation` struct: what the holder signs. */
export type Presentation = {
  tokenId: bigint;
  holder: Address;
  booth: Address;
  /** 32 random bytes: makes each presentation unique so a booth can refuse a second scan. */
  challenge: Hex;
  /** Unix seconds (chain time) after which the presentation is expired. */
  notAfter: bigint;
};

/** Everything a QR code carries: the presentation, where it is valid, and the holder's signature. */
export type SignedPresentation = {
  chainId: bigint;
  verifyingContract: Address;
  presentation: Presentation;
  /** 65-byte ECDSA signature of an EOA holder, or whatever an ERC-1271 holder accepts. */
  signature: Hex;
};
