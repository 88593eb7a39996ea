import { BaseError } from "#lib/errors/base.ts";

/**
 * Errors of the envelope (segmented AES-256-GCM + HPKE key wraps) and of member encryption keys.
 * Each one names what went wrong in terms a caller can act on: which segment, which token and
 * version, which key. Callers branch on `error.name`.
 */

export type SegmentAuthenticationErrorParameters = {
  segmentIndex: number;
  details?: string;
  cause?: unknown;
};

/** A segment failed AES-GCM authentication: it was modified, moved, or belongs to another payload. */
export class SegmentAuthenticationError extends BaseError {
  override name = "SegmentAuthenticationError";
  readonly segmentIndex: number;
  constructor({ segmentIndex, details, cause }: SegmentAuthenticationErrorParameters) {
    super(
      `Segment ${segmentIndex} failed authentication: the ciphertext was modified, reordered or does not belong here.`,
      {
        details,
        cause,
      },
    );
    this.segmentIndex = segmentIndex;
  }
}

export type TruncatedPayloadErrorParameters = { segmentIndex: number; details?: string };

/** The payload ended before its final segment. `segmentIndex` is the first segment that is missing or cut. */
export class TruncatedPayloadError extends BaseError {
  override name = "TruncatedPayloadError";
  readonly segmentIndex: number;
  constructor({ segmentIndex, details }: TruncatedPayloadErrorParameters) {
    super(
      `The encrypted payload is truncated at segment ${segmentIndex}: its final segment is missing.`,
      { details },
    );
    this.segmentIndex = segmentIndex;
  }
}

export type TrailingDataErrorParameters = { segmentIndex: number; details?: string };

/** Bytes follow the final segment. `segmentIndex` is the index those bytes would have had. */
export class TrailingDataError extends BaseError {
  override name = "TrailingDataError";
  readonly segmentIndex: number;
  constructor({ segmentIndex, details }: TrailingDataErrorParameters) {
    super(`The encrypted payload has data after its final segment (at segment ${segmentIndex}).`, {
      details,
    });
    this.segmentIndex = segmentIndex;
  }
}

export type BindingMismatchErrorParameters = { expected: string; details?: string };

/** The envelope was made for another chain, contract, token, version or schema. */
export class BindingMismatchError extends BaseError {
  override name = "BindingMismatchError";
  constructor({ expected, details }: BindingMismatchErrorParameters) {
    super(`This ciphertext does not belong to ${expected}.`, {
      details:
        details ??
        "The envelope header is bound to another chain, contract, token id, version or schema.",
    });
  }
}

/** The envelope header (sizes, nonce prefix, recipients) was altered after it was written. */
export class HeaderAuthenticationError extends BaseError {
  override name = "HeaderAuthenticationError";
  constructor(parameters: { cause?: unknown } = {}) {
    super("The envelope header failed authentication: it was modified after encryption.", {
      details:
        "Its sizes, nonce prefix or recipient list do not match what the data key authenticated.",
      cause: parameters.cause,
    });
  }
}

/** The bytes are not an envelope this library can read (bad magic, unknown format version, malformed fields). */
export class InvalidEnvelopeHeaderError extends BaseError {
  override name = "InvalidEnvelopeHeaderError";
  constructor(reason: string) {
    super(`Not a valid Bio-Dental envelope: ${reason}.`);
  }
}

/** A wrapped key could not be opened for a reason other than the key: wrong size or malformed input. */
export class KeyUnwrapError extends BaseError {
  override name = "KeyUnwrapError";
  constructor(reason: string, parameters: { details?: string; cause?: unknown } = {}) {
    super(`Could not unwrap the record data key: ${reason}.`, parameters);
  }
}

/**
 * HPKE refused to open the wrap with this private key. Almost always the key is not the one the
 * wrap was made for (another member's key, or a key derived differently from the registered one);
 * the same failure also results from a wrap made for another token or version, or altered bytes.
 */
export class WrongRecipientKeyError extends KeyUnwrapError {
  override name = "WrongRecipientKeyError";
  constructor(parameters: { cause?: unknown } = {}) {
    super("this private key is not the one it was wrapped for", {
      details:
        "The wrap was made for another X25519 public key, or for another token/version, or it was altered.",
      cause: parameters.cause,
    });
  }
}

/** The header lists no wrap for this key and no wrap from a grant event was supplied. */
export class NotARecipientError extends BaseError {
  override name = "NotARecipientError";
  readonly keyId: string;
  constructor({ keyId }: { keyId: string }) {
    super("This key is not a recipient of the record version.", {
      details: `No recipient with key id ${keyId} is in the envelope header, and no wrapped key from a grant was given.`,
    });
    this.keyId = keyId;
  }
}

/** A public key is not a 32-byte X25519 key (or is the all-zero key). */
export class InvalidPublicKeyError extends BaseError {
  override name = "InvalidPublicKeyError";
  constructor(reason: string, parameters: { cause?: unknown } = {}) {
    super(`Invalid X25519 public key: ${reason}.`, parameters);
  }
}

/** The key derived from the wallet signature differs from the one registered on-chain. */
export class EncryptionKeyMismatchError extends BaseError {
  override name = "EncryptionKeyMismatchError";
  readonly derived: string;
  readonly registered: string;
  constructor({ derived, registered }: { derived: string; registered: string }) {
    super(
      "The encryption key derived from this wallet does not match the key registered on-chain.",
      {
        details:
          "The wallet may sign non-deterministically, another wallet or account may be connected, or the registered key is a passphrase-protected backup key.",
        metaMessages: [`Derived:    ${derived}`, `Registered: ${registered}`],
      },
    );
    this.derived = derived;
    this.registered = registered;
  }
}

/** The account has not registered an encryption key (the contract returned bytes32(0)). */
export class NoRegisteredKeyError extends BaseError {
  override name = "NoRegisteredKeyError";
  constructor({ account }: { account?: string } = {}) {
    super(`${account ?? "This account"} has not registered an encryption key.`, {
      details:
        "Call setEncryptionKey(bytes32) first; nothing can be wrapped for an unregistered account.",
    });
  }
}

/** The passphrase does not open the key backup. */
export class WrongPassphraseError extends BaseError {
  override name = "WrongPassphraseError";
  constructor(parameters: { cause?: unknown } = {}) {
    super("Wrong passphrase: the key backup could not be decrypted.", { cause: parameters.cause });
  }
}

/** The key backup bytes are not a backup this library wrote, or were altered. */
export class InvalidKeyBackupError extends BaseError {
  override name = "InvalidKeyBackupError";
  constructor(reason: string, parameters: { cause?: unknown } = {}) {
    super(`Invalid key backup: ${reason}.`, { cause: parameters.cause });
  }
}

/** A data key is not 32 bytes. */
export class InvalidDataKeyError extends BaseError {
  override name = "InvalidDataKeyError";
  constructor(length: number) {
    super(`A record data key is 32 bytes, got ${length}.`);
  }
}
