import { x25519 } from "@noble/curves/ed25519.js";
import type { EncryptionKeyPair } from "./deriveEncryptionKey.ts";

/**
 * A random X25519 key pair: the fallback for wallets that sign non-deterministically (where a
 * signature-derived key would change every time). Protect it with `createKeyBackup`.
 *
 * @example
 * const { privateKey, publicKey } = generateEncryptionKey()
 */
export function generateEncryptionKey(): EncryptionKeyPair {
  const privateKey = x25519.utils.randomSecretKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/** The public key of an X25519 private key. */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(privateKey);
}
