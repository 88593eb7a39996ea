import { type Address, type Hex, bytesToHex, getAddress } from "viem";
import { decodeBase64Url } from "./base64url.ts";
import {
  MAX_PRESENTATION_TEXT_LENGTH,
  MAX_SIGNATURE_BYTES,
  PRESENTATION_QR_PREFIX,
} from "./constants.ts";
import { MalformedPresentationError } from "./errors.ts";
import type { SignedPresentation } from "./types.ts";

const WORD = 32;
/** Eight head words (seven static fields and the signature's offset) and the signature's length word. */
const HEAD_BYTES = 8 * WORD;
const SIGNATURE_OFFSET = BigInt(HEAD_BYTES);

/**
 * Extracts the `bdp1.` payload from a scanned text: either the bare form or a verify-page URL
 * whose fragment is the bare form (`https://…/verify#bdp1.…`). Surrounding whitespace (scanners
 * append newlines) is ignored; nothing else is.
 *
 * @example
 * extractPresentationText("https://festival.example/verify#bdp1.AAAA") // "bdp1.AAAA"
 */
export function extractPresentationText(input: string): string {
  if (typeof input !== "string") throw new MalformedPresentationError("input is not text");
  if (input.length > MAX_PRESENTATION_TEXT_LENGTH) {
    throw new MalformedPresentationError(
      `input is longer than ${MAX_PRESENTATION_TEXT_LENGTH} characters`,
    );
  }
  const text = input.trim();
  if (text.startsWith(PRESENTATION_QR_PREFIX)) return text;
  const hash = text.indexOf("#");
  if (hash < 0)
    throw new MalformedPresentationError(`input does not start with "${PRESENTATION_QR_PREFIX}"`);
  const url = text.slice(0, hash);
  const fragment = text.slice(hash + 1);
  if (!/^https?:\/\/[^\s#]+$/i.test(url))
    throw new MalformedPresentationError(
      "input is neither a presentation nor an http(s) link to one",
    );
  if (!fragment.startsWith(PRESENTATION_QR_PREFIX)) {
    throw new MalformedPresentationError(
      `the link's fragment does not start with "${PRESENTATION_QR_PREFIX}"`,
    );
  }
  return fragment;
}

function word(bytes: Uint8Array, index: number): Uint8Array {
  return bytes.subarray(index * WORD, (index + 1) * WORD);
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(bytesToHex(bytes));
}

/** The high `zeroBytes` of the word must be zero: anything else is a non-canonical encoding. */
function assertHighZero(bytes: Uint8Array, zeroBytes: number, field: string): void {
  for (let i = 0; i < zeroBytes; i++) {
    if (bytes[i] !== 0)
      throw new MalformedPresentationError(
        `${field} has non-zero high bytes (non-canonical encoding)`,
      );
  }
}

function addressAt(bytes: Uint8Array, index: number, field: string): Address {
  const w = word(bytes, index);
  assertHighZero(w, 12, field);
  return getAddress(bytesToHex(w.subarray(12)));
}

/**
 * Decodes a scanned presentation strictly: the exact canonical ABI encoding of the protocol's
 * tuple and nothing else (no padding, no dirty high bits in addresses or `uint64`, the one
 * possible offset, zeroed signature padding, no trailing bytes). Every other input throws
 * `MalformedPresentationError` with the broken rule; nothing else is ever thrown.
 *
 * @example
 * const { chainId, verifyingContract, presentation, signature } = decodePresentationQr(scannedText)
 */
export function decodePresentationQr(input: string): SignedPresentation {
  const text = extractPresentationText(input);
  const decoded = decodeBase64Url(text.slice(PRESENTATION_QR_PREFIX.length));
  if (decoded.error !== undefined) throw new MalformedPresentationError(decoded.error);
  const bytes = decoded.bytes;
  if (bytes.length < HEAD_BYTES + WORD)
    throw new MalformedPresentationError(`payload is ${bytes.length} bytes, too short`);
  if (bytes.length % WORD !== 0)
    throw new MalformedPresentationError(`payload is ${bytes.length} bytes, not whole ABI words`);

  const chainId = toBigInt(word(bytes, 0));
  const verifyingContract = addressAt(bytes, 1, "verifyingContract");
  const tokenId = toBigInt(word(bytes, 2));
  const holder = addressAt(bytes, 3, "holder");
  const booth = addressAt(bytes, 4, "booth");
  const challenge = bytesToHex(word(bytes, 5)) as Hex;
  const notAfterWord = word(bytes, 6);
  assertHighZero(notAfterWord, 24, "notAfter");
  const notAfter = toBigInt(notAfterWord);
  if (toBigInt(word(bytes, 7)) !== SIGNATURE_OFFSET) {
    throw new MalformedPresentationError("signature offset is not the canonical 0x100");
  }
  const signatureLength = toBigInt(word(bytes, 8));
  if (signatureLength > BigInt(MAX_SIGNATURE_BYTES)) {
    throw new MalformedPresentationError(`signature is longer than ${MAX_SIGNATURE_BYTES} bytes`);
  }
  const length = Number(signatureLength);
  const padded = Math.ceil(length / WORD) * WORD;
  const expected = HEAD_BYTES + WORD + padded;
  if (bytes.length !== expected) {
    throw new MalformedPresentationError(
      bytes.length < expected
        ? "payload ends inside the signature"
        : `payload has ${bytes.length - expected} trailing bytes`,
    );
  }
  const signatureStart = HEAD_BYTES + WORD;
  for (let i = signatureStart + length; i < expected; i++) {
    if (bytes[i] !== 0)
      throw new MalformedPresentationError(
        "signature padding is not zero (non-canonical encoding)",
      );
  }
  return {
    chainId,
    verifyingContract,
    presentation: { tokenId, holder, booth, challenge, notAfter },
    signature: bytesToHex(bytes.subarray(signatureStart, signatureStart + length)),
  };
}
