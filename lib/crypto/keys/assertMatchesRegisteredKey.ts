import { type Hex, bytesToHex } from "viem";
import { EncryptionKeyMismatchError, NoRegisteredKeyError } from "#lib/crypto/errors.ts";

export type AssertMatchesRegisteredKeyParameters = {
  /** The public key just derived (or opened from a backup). */
  derivedPublicKey: Uint8Array;
  /** `encryptionKeyOf(account)` as returned by the contract, or its bytes. */
  registeredPublicKey: Hex | Uint8Array;
  account?: string | undefined;
};

/**
 * Fails clearly when a re-derived key is not the registered one: decrypting would fail anyway,
 * and encrypting for the wrong key would lock the member out of their own record.
 *
 * @throws {NoRegisteredKeyError} nothing registered yet (bytes32(0)).
 * @throws {EncryptionKeyMismatchError} a different key is registered.
 * @example
 * assertMatchesRegisteredKey({ derivedPublicKey: publicKey, registeredPublicKey: await contract.read.encryptionKeyOf([account]) })
 */
export function assertMatchesRegisteredKey({
  derivedPublicKey,
  registeredPublicKey,
  account,
}: AssertMatchesRegisteredKeyParameters): void {
  const registered =
    typeof registeredPublicKey === "string"
      ? registeredPublicKey.toLowerCase()
      : bytesToHex(registeredPublicKey);
  if (/^0x0*$/.test(registered)) throw new NoRegisteredKeyError({ account });
  const derived = bytesToHex(derivedPublicKey);
  if (derived !== registered) throw new EncryptionKeyMismatchError({ derived, registered });
}
