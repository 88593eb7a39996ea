import { x25519 } from "@noble/curves/ed25519.js";
import { bytesToHex } from "viem";
import { NotARecipientError } from "#lib/crypto/errors.ts";
import { keyIdOf } from "#lib/crypto/hpke/keyId.ts";
import type { EnvelopeHeader, EnvelopeRecipient } from "./header.ts";

export type FindRecipientParameters = {
  header: EnvelopeHeader;
  /** The reader's X25519 private key (its public key is derived to compute the key id). */
  privateKey: Uint8Array;
};

export type FindRecipientReturnType = EnvelopeRecipient & { index: number };

/**
 * Finds the reader's wrap in an envelope header by key id.
 *
 * @throws {NotARecipientError} the header has no wrap for this key (a grantee added after the
 *   version was pinned must use the `wrappedKey` from its `AccessGranted` event instead).
 * @example
 * const { wrappedKey } = findRecipient({ header, privateKey })
 */
export function findRecipient({
  header,
  privateKey,
}: FindRecipientParameters): FindRecipientReturnType {
  const keyId = keyIdOf(x25519.getPublicKey(privateKey));
  const index = header.recipients.findIndex((recipient) =>
    recipient.keyId.every((byte, i) => byte === keyId[i]),
  );
  if (index < 0) throw new NotARecipientError({ keyId: bytesToHex(keyId) });
  return { ...header.recipients[index]!, index };
}
