import { sha256 } from "@noble/hashes/sha2.js";
import { assertPublicKey } from "./wrapDataKey.ts";

export const KEY_ID_LENGTH = 8;

/**
 * The 8-byte recipient id written next to each wrap in an envelope header: the first 8 bytes of
 * SHA-256(X25519 public key). Lets a reader find its wrap without trial decryption, and reveals
 * nothing beyond the (already public, on-chain) public key.
 *
 * @example
 * const id = keyIdOf(publicKey) // Uint8Array(8)
 */
export function keyIdOf(publicKey: Uint8Array): Uint8Array {
  assertPublicKey(publicKey);
  return sha256(publicKey).subarray(0, KEY_ID_LENGTH);
}
