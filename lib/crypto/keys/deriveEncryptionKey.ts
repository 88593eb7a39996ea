import { x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { type Hex, hexToBytes, isHex } from "viem";
import { BaseError } from "#lib/errors/base.ts";

export const ENCRYPTION_KEY_HKDF_SALT = new TextEncoder().encode(
  "BioDentalNFT/encryption-key/salt/v1",
);
export const ENCRYPTION_KEY_HKDF_INFO = new TextEncoder().encode(
  "BioDentalNFT/encryption-key/x25519/v1",
);

export type EncryptionKeyPair = {
  /** 32-byte X25519 private key. Keep in memory; never store or send it. */
  privateKey: Uint8Array;
  /** 32-byte X25519 public key, registered with `setEncryptionKey(bytes32)`. */
  publicKey: Uint8Array;
};

export type DeriveEncryptionKeyParameters = {
  /** The wallet's signature over `encryptionKeyTypedData(account)`. */
  signature: Hex | Uint8Array;
};

export class InvalidSignatureError extends BaseError {
  override name = "InvalidSignatureError";
  constructor(reason: string) {
    super(`Cannot derive an encryption key from this signature: ${reason}.`);
  }
}

/**
 * Derives the member's X25519 key pair from their EIP-712 signature:
 * privateKey = HKDF-SHA256(ikm = signature, salt, info, 32 bytes).
 *
 * ECDSA signatures are normalised first (r || low-s, recovery byte dropped; EIP-2098 compact
 * form expanded) so that wallets encoding the same RFC 6979 signature differently (v as 0/1 or
 * 27/28, 64 or 65 bytes) still yield the same key. Other signature shapes (ERC-1271 contract
 * wallets) are used as is.
 *
 * @example
 * const { privateKey, publicKey } = deriveEncryptionKey({ signature })
 */
export function deriveEncryptionKey({
  signature,
}: DeriveEncryptionKeyParameters): EncryptionKeyPair {
  let bytes: Uint8Array;
  if (typeof signature === "string") {
    if (!isHex(signature, { strict: true })) throw new InvalidSignatureError("not a hex string");
    bytes = hexToBytes(signature);
  } else {
    bytes = signature;
  }
  if (bytes.length < 64) throw new InvalidSignatureError(`only ${bytes.length} bytes`);
  const privateKey = hkdf(
    sha256,
    normalizeSignature(bytes),
    ENCRYPTION_KEY_HKDF_SALT,
    ENCRYPTION_KEY_HKDF_INFO,
    32,
  );
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/** secp256k1 group order n (SEC 2). */
const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_ORDER = CURVE_ORDER >> 1n;

function normalizeSignature(bytes: Uint8Array): Uint8Array {
  if (bytes.length !== 64 && bytes.length !== 65) return bytes;
  const r = bytes.subarray(0, 32);
  let s = toBigInt(bytes.subarray(32, 64));
  if (bytes.length === 64) s &= (1n << 255n) - 1n; // EIP-2098: the top bit of `vs` is the y parity
  if (s > HALF_ORDER) s = CURVE_ORDER - s;
  const out = new Uint8Array(64);
  out.set(r, 0);
  out.set(fromBigInt(s), 32);
  return out;
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBigInt(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}
