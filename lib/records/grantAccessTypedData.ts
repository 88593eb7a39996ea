/**
 * The EIP-712 types of a gasless grant (`grantAccessBySig`), exactly as the contract hashes them:
 * `GrantAccess(uint256 tokenId,address grantee,uint8 scopes,uint64 expiresAt,bytes wrappedKey,uint256 nonce,uint256 deadline)`,
 * under the contract's domain (`PRESENTATION_DOMAIN_NAME`, `PRESENTATION_DOMAIN_VERSION`).
 *
 * @example
 * await walletClient.signTypedData({ domain, types: GRANT_ACCESS_TYPES, primaryType: "GrantAccess", message })
 */
export const GRANT_ACCESS_TYPES = {
  GrantAccess: [
    { name: "tokenId", type: "uint256" },
    { name: "grantee", type: "address" },
    { name: "scopes", type: "uint8" },
    { name: "expiresAt", type: "uint64" },
    { name: "wrappedKey", type: "bytes" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;
