import {
  type RecordBinding,
  describeBinding,
  encodeBinding,
  hashBinding,
} from "#lib/crypto/binding.ts";
import { importDataKey } from "#lib/crypto/dataKey.ts";
import { BindingMismatchError, HeaderAuthenticationError } from "#lib/crypto/errors.ts";
import { unwrapDataKey } from "#lib/crypto/hpke/unwrapDataKey.ts";
import { findRecipient } from "./findRecipient.ts";
import { type EnvelopeHeader, verifyHeaderTag } from "./header.ts";

export type OpenEnvelopeParameters = {
  header: EnvelopeHeader;
  /** The token/version the reader expects (from the contract), never taken from the envelope. */
  binding: RecordBinding;
} & (
  | {
      /** The reader's X25519 private key. */
      privateKey: Uint8Array;
      /** A wrap from the `AccessGranted` event, for grants made after this version was pinned. */
      wrappedKey?: Uint8Array | undefined;
      dataKey?: undefined;
    }
  | { dataKey: Uint8Array; privateKey?: undefined; wrappedKey?: undefined }
);

export type OpenEnvelopeReturnType = {
  dataKey: Uint8Array;
  /** The data key imported for AES-GCM, ready for the decryption stream. */
  key: CryptoKey;
  aad: Uint8Array;
};

/**
 * Checks that an envelope belongs to the expected token/version, unwraps the reader's data key
 * and authenticates the header, before any segment is touched.
 *
 * @throws {BindingMismatchError} the envelope is bound to another token, version, contract, chain or schema.
 * @throws {NotARecipientError} no wrap for this key in the header and none given.
 * @throws {WrongRecipientKeyError} the wrap does not open with this key.
 * @throws {HeaderAuthenticationError} a header field was altered.
 * @example
 * const { key, aad } = await openEnvelope({ header, binding, privateKey })
 */
export async function openEnvelope(
  parameters: OpenEnvelopeParameters,
): Promise<OpenEnvelopeReturnType> {
  const { header, binding } = parameters;
  const expectedHash = hashBinding(binding);
  if (!expectedHash.every((byte, i) => byte === header.bindingHash[i])) {
    throw new BindingMismatchError({ expected: describeBinding(binding) });
  }
  let dataKey: Uint8Array;
  if (parameters.dataKey) {
    dataKey = parameters.dataKey;
  } else {
    const wrappedKey =
      parameters.wrappedKey ??
      findRecipient({ header, privateKey: parameters.privateKey }).wrappedKey;
    dataKey = await unwrapDataKey({
      wrappedKey,
      recipientPrivateKey: parameters.privateKey,
      binding,
    });
  }
  const key = await importDataKey(dataKey);
  const aad = encodeBinding(binding);
  if (!(await verifyHeaderTag(key, header, aad))) throw new HeaderAuthenticationError();
  return { dataKey, key, aad };
}
