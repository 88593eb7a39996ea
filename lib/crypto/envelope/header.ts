/**
 * Envelope file layout: what is pinned to IPFS for one record version. All integers big-endian.
 *
 *   offset    size    field
 *   0         4       magic "BDE1" (0x42 0x44 0x45 0x31)
 *   4         1       format version = 1
 *   5         1       reserved = 0
 *   6         4       header length H = 79 + 88·N (everything before the first segment, tag included)
 *   10        4       segment size S: plaintext bytes per segment (256 B .. 16 MiB)
 *   14        8       plaintext length L; 0xFFFF_FFFF_FFFF_FFFF when unknown at encryption time
 *   22        7       nonce prefix (random per envelope)
 *   29        32      binding hash = SHA-256(encodeBinding({chainId, contract, tokenId, version, schema}))
 *   61        2       recipient count N (1 .. 1024; the owner is always one)
 *   63        88·N    recipients, each: key id (8) = SHA-256(X25519 public key)[0..8]
 *                                        || wrapped data key (80) = HPKE enc (32) || sealed key (48)
 *   63+88·N   16      header tag = AES-256-GCM(dataKey, nonce = prefix || FFFFFFFF || 02,
 *                                   plaintext = empty, aad = encodeBinding(binding) || bytes [0, 63+88·N))
 *   H         ...     segments: ceil(L / S) of them (one empty segment when L = 0), each
 *                     AES-256-GCM(dataKey, nonce = prefix || index || last flag, aad = encodeBinding(binding)),
 *                     S + 16 bytes except the last, which is (L - (count-1)·S) + 16 bytes.
 *
 * The binding hash lets a reader say "this ciphertext belongs to another token/version" before
 * decrypting anything; the header tag makes every other header field (sizes, nonce prefix,
 * recipient list) tamper-evident under the data key; each wrap's HPKE aad is the binding
 * encoding, so a wrap cannot be replayed on another token or version either.
 */
import { InvalidEnvelopeHeaderError } from "#lib/crypto/errors.ts";
import { KEY_ID_LENGTH } from "#lib/crypto/hpke/keyId.ts";
import { WRAPPED_KEY_LENGTH } from "#lib/crypto/hpke/suite.ts";
import {
  MAX_SEGMENT_SIZE,
  MIN_SEGMENT_SIZE,
  NONCE_PREFIX_LENGTH,
  TAG_LENGTH,
  headerNonce,
} from "#lib/crypto/stream/segments.ts";

export const ENVELOPE_MAGIC = new Uint8Array([0x42, 0x44, 0x45, 0x31]); // "BDE1"
export const ENVELOPE_FORMAT_VERSION = 1;
export const HEADER_FIXED_LENGTH = 63;
export const RECIPIENT_ENTRY_LENGTH = KEY_ID_LENGTH + WRAPPED_KEY_LENGTH;
export const MAX_RECIPIENTS = 1024;
const UNKNOWN_LENGTH = 0xffff_ffff_ffff_ffffn;
/** Enough to read the header length field. */
export const HEADER_PREFIX_LENGTH = 10;

export type EnvelopeRecipient = { keyId: Uint8Array; wrappedKey: Uint8Array };

export type EnvelopeHeader = {
  formatVersion: number;
  /** Total header bytes; segments start at this offset. */
  headerLength: number;
  segmentSize: number;
  /** `undefined` when the writer did not know the length in advance. */
  plaintextLength: number | undefined;
  noncePrefix: Uint8Array;
  bindingHash: Uint8Array;
  recipients: EnvelopeRecipient[];
  tag: Uint8Array;
  /** The header bytes the tag authenticates (everything before the tag). */
  authenticatedBytes: Uint8Array;
};

export type EncodeEnvelopeHeaderBodyParameters = Pick<
  EnvelopeHeader,
  "segmentSize" | "plaintextLength" | "noncePrefix" | "bindingHash" | "recipients"
>;

/** Header length for `recipientCount` recipients. */
export function envelopeHeaderLength(recipientCount: number): number {
  return HEADER_FIXED_LENGTH + RECIPIENT_ENTRY_LENGTH * recipientCount + TAG_LENGTH;
}

/**
 * Encodes every header field except the tag (which is computed over these bytes).
 *
 * @example
 * const body = encodeEnvelopeHeaderBody({ segmentSize, plaintextLength, noncePrefix, bindingHash, recipients })
 */
export function encodeEnvelopeHeaderBody(fields: EncodeEnvelopeHeaderBodyParameters): Uint8Array {
  const count = fields.recipients.length;
  if (count < 1 || count > MAX_RECIPIENTS)
    throw new InvalidEnvelopeHeaderError(`recipient count ${count} is not in 1..${MAX_RECIPIENTS}`);
  if (fields.segmentSize < MIN_SEGMENT_SIZE || fields.segmentSize > MAX_SEGMENT_SIZE) {
    throw new InvalidEnvelopeHeaderError(`segment size ${fields.segmentSize} is out of range`);
  }
  if (fields.noncePrefix.length !== NONCE_PREFIX_LENGTH)
    throw new InvalidEnvelopeHeaderError("nonce prefix must be 7 bytes");
  if (fields.bindingHash.length !== 32)
    throw new InvalidEnvelopeHeaderError("binding hash must be 32 bytes");
  const body = new Uint8Array(HEADER_FIXED_LENGTH + RECIPIENT_ENTRY_LENGTH * count);
  const view = new DataView(body.buffer);
  body.set(ENVELOPE_MAGIC, 0);
  body[4] = ENVELOPE_FORMAT_VERSION;
  body[5] = 0;
  view.setUint32(6, envelopeHeaderLength(count), false);
  view.setUint32(10, fields.segmentSize, false);
  view.setBigUint64(
    14,
    fields.plaintextLength === undefined ? UNKNOWN_LENGTH : BigInt(fields.plaintextLength),
    false,
  );
  body.set(fields.noncePrefix, 22);
  body.set(fields.bindingHash, 29);
  view.setUint16(61, count, false);
  fields.recipients.forEach((recipient, i) => {
    if (
      recipient.keyId.length !== KEY_ID_LENGTH ||
      recipient.wrappedKey.length !== WRAPPED_KEY_LENGTH
    ) {
      throw new InvalidEnvelopeHeaderError(
        `recipient ${i} must be an 8-byte key id and an 80-byte wrapped key`,
      );
    }
    const at = HEADER_FIXED_LENGTH + i * RECIPIENT_ENTRY_LENGTH;
    body.set(recipient.keyId, at);
    body.set(recipient.wrappedKey, at + KEY_ID_LENGTH);
  });
  return body;
}

/**
 * Reads the header length from the first {@link HEADER_PREFIX_LENGTH} bytes, checking magic and version.
 */
export function decodeEnvelopeHeaderLength(prefix: Uint8Array): number {
  if (prefix.length < HEADER_PREFIX_LENGTH)
    throw new InvalidEnvelopeHeaderError("the data is shorter than a header");
  for (let i = 0; i < ENVELOPE_MAGIC.length; i++) {
    if (prefix[i] !== ENVELOPE_MAGIC[i])
      throw new InvalidEnvelopeHeaderError('missing the "BDE1" magic');
  }
  if (prefix[4] !== ENVELOPE_FORMAT_VERSION)
    throw new InvalidEnvelopeHeaderError(`unsupported format version ${prefix[4]}`);
  const length = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(
    6,
    false,
  );
  if (length < envelopeHeaderLength(1) || length > envelopeHeaderLength(MAX_RECIPIENTS)) {
    throw new InvalidEnvelopeHeaderError(`header length ${length} is out of range`);
  }
  return length;
}

/**
 * Parses a complete header (exactly `headerLength` bytes). Checks structure only: the binding
 * and the tag are checked by `openEnvelope`, which has the expected binding and the data key.
 *
 * @example
 * const header = decodeEnvelopeHeader(bytes.subarray(0, decodeEnvelopeHeaderLength(bytes)))
 */
export function decodeEnvelopeHeader(bytes: Uint8Array): EnvelopeHeader {
  const headerLength = decodeEnvelopeHeaderLength(bytes);
  if (bytes.length < headerLength) throw new InvalidEnvelopeHeaderError("the header is cut short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerLength);
  if (bytes[5] !== 0) throw new InvalidEnvelopeHeaderError("reserved byte is not zero");
  const segmentSize = view.getUint32(10, false);
  if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
    throw new InvalidEnvelopeHeaderError(`segment size ${segmentSize} is out of range`);
  }
  const rawLength = view.getBigUint64(14, false);
  if (rawLength !== UNKNOWN_LENGTH && rawLength > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidEnvelopeHeaderError("plaintext length is out of range");
  }
  const count = view.getUint16(61, false);
  if (count < 1 || envelopeHeaderLength(count) !== headerLength) {
    throw new InvalidEnvelopeHeaderError(
      `recipient count ${count} does not match header length ${headerLength}`,
    );
  }
  const copy = bytes.slice(0, headerLength);
  const recipients: EnvelopeRecipient[] = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER_FIXED_LENGTH + i * RECIPIENT_ENTRY_LENGTH;
    recipients.push({
      keyId: copy.subarray(at, at + KEY_ID_LENGTH),
      wrappedKey: copy.subarray(at + KEY_ID_LENGTH, at + RECIPIENT_ENTRY_LENGTH),
    });
  }
  const tagOffset = headerLength - TAG_LENGTH;
  return {
    formatVersion: copy[4]!,
    headerLength,
    segmentSize,
    plaintextLength: rawLength === UNKNOWN_LENGTH ? undefined : Number(rawLength),
    noncePrefix: copy.subarray(22, 22 + NONCE_PREFIX_LENGTH),
    bindingHash: copy.subarray(29, 61),
    recipients,
    tag: copy.subarray(tagOffset, headerLength),
    authenticatedBytes: copy.subarray(0, tagOffset),
  };
}

/**
 * The header tag: an AES-GCM tag over the header bytes (GMAC, empty plaintext) with a nonce no
 * segment can use.
 */
export async function computeHeaderTag(
  key: CryptoKey,
  noncePrefix: Uint8Array,
  bindingEncoding: Uint8Array,
  body: Uint8Array,
): Promise<Uint8Array> {
  const additionalData = new Uint8Array(bindingEncoding.length + body.length);
  additionalData.set(bindingEncoding, 0);
  additionalData.set(body, bindingEncoding.length);
  const tag = await globalThis.crypto.subtle.encrypt(
    { name: "AES-GCM", iv: headerNonce(noncePrefix), additionalData, tagLength: 128 },
    key,
    new Uint8Array(0),
  );
  return new Uint8Array(tag);
}

/** Checks the header tag; resolves false when any header byte (or the binding) differs. */
export async function verifyHeaderTag(
  key: CryptoKey,
  header: EnvelopeHeader,
  bindingEncoding: Uint8Array,
): Promise<boolean> {
  const additionalData = new Uint8Array(bindingEncoding.length + header.authenticatedBytes.length);
  additionalData.set(bindingEncoding, 0);
  additionalData.set(header.authenticatedBytes, bindingEncoding.length);
  try {
    await globalThis.crypto.subtle.decrypt(
      { name: "AES-GCM", iv: headerNonce(header.noncePrefix), additionalData, tagLength: 128 },
      key,
      header.tag.slice(),
    );
    return true;
  } catch {
    return false;
  }
}
