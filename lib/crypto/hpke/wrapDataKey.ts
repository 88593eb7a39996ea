import { type RecordBinding, encodeBinding } from "#lib/crypto/binding.ts";
import { InvalidDataKeyError, InvalidPublicKeyError } from "#lib/crypto/errors.ts";
import {
  DATA_KEY_LENGTH,
  RECORD_KEY_INFO,
  WRAPPED_KEY_LENGTH,
  X25519_KEY_LENGTH,
  hpkeSuite,
} from "./suite.ts";

export type WrapDataKeyParameters = {
  /** The record version's 32-byte data key. */
  dataKey: Uint8Array;
  /** The recipient's 32-byte X25519 public key (as registered with `setEncryptionKey`). */
  recipientPublicKey: Uint8Array;
  /** The token/version the key is for; becomes the HPKE `aad`. */
  binding: RecordBinding;
};

/** `enc (32) || ciphertext (48)`: exactly the `wrappedKey` bytes of `grantAccess` and `AccessGranted`. */
export type WrapDataKeyReturnType = Uint8Array;

/**
 * Wraps a record data key for one recipient with HPKE base mode (single-shot seal).
 *
 * @example
 * const wrappedKey = await wrapDataKey({ dataKey, recipientPublicKey: granteeKey, binding })
 * await contract.write.grantAccess([tokenId, grantee, scopes, expiresAt, bytesToHex(wrappedKey)])
 */
export async function wrapDataKey({
  dataKey,
  recipientPublicKey,
  binding,
}: WrapDataKeyParameters): Promise<WrapDataKeyReturnType> {
  if (dataKey.length !== DATA_KEY_LENGTH) throw new InvalidDataKeyError(dataKey.length);
  assertPublicKey(recipientPublicKey);
  const aad = encodeBinding(binding);
  let sealed: Awaited<ReturnType<typeof hpkeSuite.seal>>;
  try {
    const publicKey = await hpkeSuite.kem.importKey("raw", toArrayBuffer(recipientPublicKey), true);
    sealed = await hpkeSuite.seal(
      { recipientPublicKey: publicKey, info: RECORD_KEY_INFO },
      dataKey,
      aad,
    );
  } catch (cause) {
    // X25519 rejects low-order points (shared secret all zero): such a key can never be a member's.
    throw new InvalidPublicKeyError(
      "HPKE could not encapsulate to it (low-order or malformed point)",
      { cause },
    );
  }
  const { ct: ciphertext, enc } = sealed;
  const wrapped = new Uint8Array(WRAPPED_KEY_LENGTH);
  wrapped.set(new Uint8Array(enc), 0);
  wrapped.set(new Uint8Array(ciphertext), X25519_KEY_LENGTH);
  return wrapped;
}

export function assertPublicKey(publicKey: Uint8Array): void {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== X25519_KEY_LENGTH) {
    throw new InvalidPublicKeyError(`expected ${X25519_KEY_LENGTH} bytes`);
  }
  if (publicKey.every((byte) => byte === 0))
    throw new InvalidPublicKeyError("the all-zero key is not registered key material");
}

/** @hpke/core wants ArrayBuffers; copy so a view into a larger buffer never leaks extra bytes. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
