import type { Address } from "viem";
import type { Presentation } from "./types.ts";

/** The contract's EIP-712 domain name and version (`EIP712("BioDentalNFT", "1")`). */
export const PRESENTATION_DOMAIN_NAME = "BioDentalNFT";
export const PRESENTATION_DOMAIN_VERSION = "1";

export const PRESENTATION_TYPES = {
  Presentation: [
    { name: "tokenId", type: "uint256" },
    { name: "holder", type: "address" },
    { name: "booth", type: "address" },
    { name: "challenge", type: "bytes32" },
    { name: "notAfter", type: "uint64" },
  ],
} as const;

export type PresentationTypedDataParameters = {
  chainId: bigint | number;
  verifyingContract: Address;
  presentation: Presentation;
};

export type PresentationTypedData = {
  domain: { name: string; version: string; chainId: bigint; verifyingContract: Address };
  types: typeof PRESENTATION_TYPES;
  primaryType: "Presentation";
  message: Presentation;
};

/**
 * The EIP-712 typed data of a booth presentation, ready for viem's `signTypedData`,
 * `hashTypedData` and `recoverTypedDataAddress` (or wagmi's `useSignTypedData`). It hashes to
 * exactly the contract's `presentationDigest`.
 *
 * @example
 * const signature = await walletClient.signTypedData({
 *   account,
 *   ...presentationTypedData({ chainId: 31337n, verifyingContract, presentation }),
 * })
 */
export function presentationTypedData({
  chainId,
  verifyingContract,
  presentation,
}: PresentationTypedDataParameters): PresentationTypedData {
  return {
    domain: {
      name: PRESENTATION_DOMAIN_NAME,
      version: PRESENTATION_DOMAIN_VERSION,
      chainId: BigInt(chainId),
      verifyingContract,
    },
    types: PRESENTATION_TYPES,
    primaryType: "Presentation",
    message: presentation,
  };
}
