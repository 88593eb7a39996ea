import { x25519 } from "@noble/curves/ed25519.js";
import { bytesToHex, hexToBytes, isHex } from "viem";
import { InvalidKeyBackupError, WrongPassphraseError } from "#lib/crypto/errors.ts";
import { type KeyBackup, KEY_BACKUP_FORMAT, backupAad, passphraseKey } from "./createKeyBackup.ts";
import type { EncryptionKeyPair } from "./deriveEncryptionKey.ts";

export type OpenKeyBackupParameters = {
  /** The bytes `createKeyBackup` produced (e.g. fetched back from IPFS). */
  backup: Uint8Array;
  passphrase: string;
  onProgress?: ((fraction: number) => void) | undefined;
};

/** Upper bounds so a hostile backup cannot make the browser allocate gigabytes. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/**
 * Reads the public key of a backup without the passphrase (to compare with `encryptionKeyOf`).
 *
 * @example
 * if (readKeyBackupPublicKey(backup) !== registered) warn()
 */
export function readKeyBackupPublicKey(backup: Uint8Array): `0x${string}` {
  return parseBackup(backup).publicKey;
}

/**
 * Decrypts a key backup with its passphrase.
 *
 * @throws {WrongPassphraseError} the passphrase does not open it.
 * @throws {InvalidKeyBackupError} not a backup, unsupported parameters, or altered.
 * @example
 * const { privateKey, publicKey } = await openKeyBackup({ backup, passphrase })
 */
export async function openKeyBackup({
  backup,
  passphrase,
  onProgress,
}: OpenKeyBackupParameters): Promise<EncryptionKeyPair> {
  const parsed = parseBackup(backup);
  const key = await passphraseKey(passphrase, hexToBytes(parsed.kdf.salt), parsed.kdf, onProgress);
  let opened: ArrayBuffer;
  try {
    opened = await globalThis.crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: hexToBytes(parsed.cipher.iv).slice(),
        additionalData: backupAad(parsed.publicKey, parsed.kdf),
      },
      key,
      hexToBytes(parsed.ciphertext).slice(),
    );
  } catch (cause) {
    throw new WrongPassphraseError({ cause });
  }
  const privateKey = new Uint8Array(opened);
  const publicKey = x25519.getPublicKey(privateKey);
  if (bytesToHex(publicKey) !== parsed.publicKey.toLowerCase()) {
    throw new InvalidKeyBackupError("the decrypted key does not match the public key it lists");
  }
  return { privateKey, publicKey };
}

function parseBackup(bytes: Uint8Array): KeyBackup {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new InvalidKeyBackupError("not UTF-8 JSON", { cause });
  }
  const backup = value as Partial<KeyBackup> | null;
  const hex = (v: unknown, bytesLength: number): boolean =>
    typeof v === "string" && isHex(v, { strict: true }) && v.length === 2 + 2 * bytesLength;
  if (!backup || typeof backup !== "object" || backup.format !== KEY_BACKUP_FORMAT) {
    throw new InvalidKeyBackupError(`format is not ${KEY_BACKUP_FORMAT}`);
  }
  const { kdf, cipher } = backup;
  if (!hex(backup.publicKey, 32))
    throw new InvalidKeyBackupError("publicKey must be 32 bytes of hex");
  if (!kdf || kdf.name !== "scrypt" || !hex(kdf.salt, 16))
    throw new InvalidKeyBackupError("kdf must be scrypt with a 16-byte salt");
  const { N, r, p } = kdf;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (
    !powerOfTwo ||
    N > MAX_N ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > MAX_R ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > MAX_P
  ) {
    throw new InvalidKeyBackupError(`unsupported scrypt parameters N=${N} r=${r} p=${p}`);
  }
  if (!cipher || cipher.name !== "AES-256-GCM" || !hex(cipher.iv, 12))
    throw new InvalidKeyBackupError("cipher must be AES-256-GCM with a 12-byte iv");
  if (!hex(backup.ciphertext, 48))
    throw new InvalidKeyBackupError("ciphertext must be 48 bytes of hex");
  return backup as KeyBackup;
}
