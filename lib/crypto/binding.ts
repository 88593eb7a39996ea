import { sha256 } from "@noble/hashes/sha2.js";
import { type Address, encodeAbiParameters, hexToBytes, isAddress } from "viem";
import { BaseError } from "#lib/errors/base.ts";

/**
 * What a record ciphertext belongs to. Token ids are predictable before minting
 * (`(owner << 96) | mintIndex`) and versions count from 1, so the binding is known before the
 * first byte is encrypted, and a ciphertext or key wrap cannot be replayed on another token,
 * version, contract or chain.
 */
export type RecordBinding = {
  chainId: bigint;
  contract: Address;
  tokenId: bigint;
  version: bigint;
  /** The record schema id, e.g. "biodental.record/1". */
  schema: string;
};

/** Domain label first so the encoding cannot be mistaken for any other ABI-encoded message. */
export const BINDING_LABEL = "BioDentalNFT/record-binding/v1";

export class InvalidBindingError extends BaseError {
  override name = "InvalidBindingError";
  constructor(reason: string) {
    super(`Invalid record binding: ${reason}.`);
  }
}

const UINT256_MAX = (1n << 256n) - 1n;

function assertUint256(name: string, value: bigint): void {
  if (typeof value !== "bigint" || value < 0n || value > UINT256_MAX) {
    throw new InvalidBindingError(`${name} must be a uint256 bigint`);
  }
}

/**
 * The canonical byte encoding of a binding: `abi.encode(label, chainId, contract, tokenId, version, schema)`.
 * Used verbatim as HPKE `aad` for key wraps and as AES-GCM associated data for segments.
 *
 * @example
 * const aad = encodeBinding({ chainId: 31337n, contract, tokenId, version: 1n, schema: "biodental.record/1" })
 */
export function encodeBinding(binding: RecordBinding): Uint8Array {
  assertUint256("chainId", binding.chainId);
  assertUint256("tokenId", binding.tokenId);
  assertUint256("version", binding.version);
  if (binding.version < 1n) throw new InvalidBindingError("version starts at 1");
  if (!isAddress(binding.contract, { strict: false }))
    throw new InvalidBindingError(`${binding.contract} is not an address`);
  if (typeof binding.schema !== "string" || binding.schema.length === 0)
    throw new InvalidBindingError("schema is empty");
  const hex = encodeAbiParameters(
    [
      { type: "string" },
      { type: "uint256" },
      { type: "address" },
      { type: "uint256" },
      { type: "uint256" },
      { type: "string" },
    ],
    [
      BINDING_LABEL,
      binding.chainId,
      binding.contract,
      binding.tokenId,
      binding.version,
      binding.schema,
    ],
  );
  return hexToBytes(hex);
}

/**
 * SHA-256 of {@link encodeBinding}; stored in the envelope header so a reader can tell
 * "this ciphertext belongs to another token/version" apart from tampering before decrypting.
 *
 * @example
 * const hash = hashBinding(binding) // Uint8Array(32)
 */
export function hashBinding(binding: RecordBinding): Uint8Array {
  return sha256(encodeBinding(binding));
}

/** Human description for error messages. */
export function describeBinding(binding: RecordBinding): string {
  return `token ${binding.tokenId} version ${binding.version} of ${binding.contract} on chain ${binding.chainId} (${binding.schema})`;
}
