import { type RecordBinding, encodeBinding } from "#lib/crypto/binding.ts";
import { KeyUnwrapError, WrongRecipientKeyError } from "#lib/crypto/errors.ts";
import {
  DATA_KEY_LENGTH,
  RECORD_KEY_INFO,
  WRAPPED_KEY_LENGTH,
  X25519_KEY_LENGTH,
  hpkeSuite,
} from "./suite.ts";
import { toArrayBuffer } from "./wrapDataKey.ts";

export type UnwrapDataKeyParameters = {
  /** 80 bytes from the envelope header or from an `AccessGranted` event. */
  wrappedKey: Uint8Array;
  /** The reader's 32-byte X25519 private key. */
  recipientPrivateKey: Uint8Array;
  /** The token/version being read; must equal the binding the wrap was made for. */
  binding: RecordBinding;
};

export type UnwrapDataKeyReturnType = Uint8Array;

/**
 * Opens a wrapped record data key (HPKE base mode, single-shot open).
 *
 * @throws {KeyUnwrapError} the wrap is not 80 bytes or the private key is not 32 bytes.
 * @throws {WrongRecipientKeyError} HPKE refused: another recipient's wrap, another binding, or altered bytes.
 * @example
 * const dataKey = await unwrapDataKey({ wrappedKey, recipientPrivateKey, binding })
 */
export async function unwrapDataKey({
  wrappedKey,
  recipientPrivateKey,
  binding,
}: UnwrapDataKeyParameters): Promise<UnwrapDataKeyReturnType> {
  if (wrappedKey.length !== WRAPPED_KEY_LENGTH) {
    throw new KeyUnwrapError(
      `a wrapped key is ${WRAPPED_KEY_LENGTH} bytes, got ${wrappedKey.length}`,
    );
  }
  if (recipientPrivateKey.length !== X25519_KEY_LENGTH) {
    throw new KeyUnwrapError(
      `an X25519 private key is ${X25519_KEY_LENGTH} bytes, got ${recipientPrivateKey.length}`,
    );
  }
  const aad = encodeBinding(binding);
  const recipientKey = await hpkeSuite.kem.importKey(
    "raw",
    toArrayBuffer(recipientPrivateKey),
    false,
  );
  let opened: ArrayBuffer;
  try {
    opened = await hpkeSuite.open(
      {
        recipientKey,
        enc: toArrayBuffer(wrappedKey.subarray(0, X25519_KEY_LENGTH)),
        info: RECORD_KEY_INFO,
      },
      toArrayBuffer(wrappedKey.subarray(X25519_KEY_LENGTH)),
      aad,
    );
  } catch (cause) {
    throw new WrongRecipientKeyError({ cause });
  }
  if (opened.byteLength !== DATA_KEY_LENGTH)
    throw new KeyUnwrapError("the wrapped payload is not a 32-byte data key");
  return new Uint8Array(opened);
}
