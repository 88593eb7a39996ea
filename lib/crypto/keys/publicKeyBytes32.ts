import { type Hex, bytesToHex, hexToBytes, isHex } from "viem";
import { InvalidPublicKeyError, NoRegisteredKeyError } from "#lib/crypto/errors.ts";

const ZERO_BYTES32 = `0x${"0".repeat(64)}` as const;

/**
 * The `bytes32` argument of `setEncryptionKey(bytes32)` for an X25519 public key.
 *
 * @example
 * await contract.write.setEncryptionKey([publicKeyToBytes32(publicKey)])
 */
export function publicKeyToBytes32(publicKey: Uint8Array): Hex {
  if (publicKey.length !== 32) throw new InvalidPublicKeyError("expected 32 bytes");
  if (publicKey.every((byte) => byte === 0))
    throw new InvalidPublicKeyError("the all-zero key means 'not registered'");
  return bytesToHex(publicKey);
}

/**
 * The X25519 public key behind `encryptionKeyOf(account)`.
 *
 * @throws {NoRegisteredKeyError} the account registered nothing (bytes32(0)).
 * @example
 * const granteeKey = bytes32ToPublicKey(await contract.read.encryptionKeyOf([grantee]), grantee)
 */
export function bytes32ToPublicKey(value: Hex, account?: string): Uint8Array {
  if (!isHex(value, { strict: true }) || value.length !== 66)
    throw new InvalidPublicKeyError(`${value} is not a bytes32`);
  if (value.toLowerCase() === ZERO_BYTES32) throw new NoRegisteredKeyError({ account });
  return hexToBytes(value);
}
