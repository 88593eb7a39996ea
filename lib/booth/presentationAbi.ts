/**
 * The ABI tuple a QR code carries, in order:
 * `(uint256 chainId, address verifyingContract, uint256 tokenId, address holder, address booth,
 *   bytes32 challenge, uint64 notAfter, bytes signature)`.
 */
export const PRESENTATION_PAYLOAD_PARAMETERS = [
  { name: "chainId", type: "uint256" },
  { name: "verifyingContract", type: "address" },
  { name: "tokenId", type: "uint256" },
  { name: "holder", type: "address" },
  { name: "booth", type: "address" },
  { name: "challenge", type: "bytes32" },
  { name: "notAfter", type: "uint64" },
  { name: "signature", type: "bytes" },
] as const;
