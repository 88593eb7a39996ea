import { x25519 } from "@noble/curves/ed25519.js";
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { bytesToHex } from "viem";
import { InvalidKeyBackupError } from "#lib/crypto/errors.ts";

/**
 * A key backup is UTF-8 JSON, safe to pin publicly:
 *
 *   { "format": "biodental.key-backup/1",
 *     "publicKey": "0x…32 bytes",                      // in clear: check it against encryptionKeyOf()
 *     "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "0x…16 bytes" },
 *     "cipher": { "name": "AES-256-GCM", "iv": "0x…12 bytes" },
 *     "ciphertext": "0x…48 bytes" }                   // the private key + GCM tag
 *
 * key = scrypt(passphrase NFKC, salt, N, r, p, 32); ciphertext = AES-256-GCM(key, iv, privateKey,
 * aad = backupAad(format, publicKey, kdf)), so none of the clear fields can be swapped unnoticed.
 */
export const KEY_BACKUP_FORMAT = "biodental.key-backup/1";
/** scrypt N = 2^17, r = 8, p = 1: 128 MiB and about a second here; the OWASP-recommended floor. */
export const DEFAULT_SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

export type ScryptParams = { N: number; r: number; p: number };

export type KeyBackup = {
  format: typeof KEY_BACKUP_FORMAT;
  publicKey: `0x${string}`;
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: `0x${string}` };
  cipher: { name: "AES-256-GCM"; iv: `0x${string}` };
  ciphertext: `0x${string}`;
};

export type CreateKeyBackupParameters = {
  privateKey: Uint8Array;
  passphrase: string;
  /** Only for tests that need speed; defaults to {@link DEFAULT_SCRYPT_PARAMS}. */
  scrypt?: ScryptParams | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
};

/**
 * Encrypts a (random, fallback) X25519 private key under a passphrase. The bytes are what
 * callers pin to IPFS so the key survives a new browser or device.
 *
 * @example
 * const { privateKey, publicKey } = generateEncryptionKey()
 * const backup = await createKeyBackup({ privateKey, passphrase })
 * const { cid } = await ipfs.add(backup)
 */
export async function createKeyBackup({
  privateKey,
  passphrase,
  scrypt = DEFAULT_SCRYPT_PARAMS,
  onProgress,
}: CreateKeyBackupParameters): Promise<Uint8Array> {
  if (privateKey.length !== 32) throw new InvalidKeyBackupError("the private key must be 32 bytes");
  if (passphrase.length === 0) throw new InvalidKeyBackupError("the passphrase is empty");
  const publicKey = bytesToHex(x25519.getPublicKey(privateKey));
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const kdf = {
    name: "scrypt",
    N: scrypt.N,
    r: scrypt.r,
    p: scrypt.p,
    salt: bytesToHex(salt),
  } as const;
  const key = await passphraseKey(passphrase, salt, scrypt, onProgress);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: backupAad(publicKey, kdf) },
    key,
    privateKey.slice(),
  );
  const backup: KeyBackup = {
    format: KEY_BACKUP_FORMAT,
    publicKey,
    kdf,
    cipher: { name: "AES-256-GCM", iv: bytesToHex(iv) },
    ciphertext: bytesToHex(new Uint8Array(ciphertext)),
  };
  return new TextEncoder().encode(JSON.stringify(backup, null, 2));
}

/** @internal shared with openKeyBackup */
export function backupAad(publicKey: string, kdf: KeyBackup["kdf"]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify([
      KEY_BACKUP_FORMAT,
      publicKey.toLowerCase(),
      kdf.name,
      kdf.N,
      kdf.r,
      kdf.p,
      kdf.salt.toLowerCase(),
    ]),
  );
}

/** @internal shared with openKeyBackup */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: ScryptParams,
  onProgress?: (fraction: number) => void,
): Promise<CryptoKey> {
  // NFKC so the same passphrase typed on another keyboard or OS derives the same key.
  const secret = new TextEncoder().encode(passphrase.normalize("NFKC"));
  const raw = await scryptAsync(secret, salt, { ...params, dkLen: 32, onProgress });
  return globalThis.crypto.subtle.importKey(
    "raw",
    raw.slice(),
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}
