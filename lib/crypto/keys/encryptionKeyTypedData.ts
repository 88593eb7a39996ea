import type { Address } from "viem";

/** Shown to the member by the wallet; fixed forever, or every derived key would change. */
export const ENCRYPTION_KEY_PURPOSE =
  "Derive my Bio-Dental record encryption key. Signing this costs nothing and sends nothing.";

/**
 * No chainId in the domain on purpose: the same wallet derives the same key on every chain, so
 * records stay readable wherever the contract is deployed.
 */
export const ENCRYPTION_KEY_DOMAIN = { name: "BioDentalNFT", version: "1" } as const;

export const ENCRYPTION_KEY_TYPES = {
  EncryptionKey: [
    { name: "purpose", type: "string" },
    { name: "account", type: "address" },
  ],
} as const;

export type EncryptionKeyTypedData = {
  domain: typeof ENCRYPTION_KEY_DOMAIN;
  types: typeof ENCRYPTION_KEY_TYPES;
  primaryType: "EncryptionKey";
  message: { purpose: string; account: Address };
};

/**
 * The fixed EIP-712 message whose signature seeds a member's X25519 key, ready for viem's
 * `signTypedData` (or wagmi's `useSignTypedData`).
 *
 * @example
 * const signature = await walletClient.signTypedData({ account, ...encryptionKeyTypedData(account.address) })
 * const { publicKey } = deriveEncryptionKey({ signature })
 */
export function encryptionKeyTypedData(account: Address): EncryptionKeyTypedData {
  return {
    domain: ENCRYPTION_KEY_DOMAIN,
    types: ENCRYPTION_KEY_TYPES,
    primaryType: "EncryptionKey",
    message: { purpose: ENCRYPTION_KEY_PURPOSE, account },
  };
}
