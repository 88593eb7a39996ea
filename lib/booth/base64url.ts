const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const DECODE_TABLE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/**
 * RFC 4648 §5 base64url without padding.
 *
 * @example
 * encodeBase64Url(new Uint8Array([0xfb, 0xff])) // "-_8"
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict base64url decoding: only the URL-safe alphabet, no padding, no whitespace, and the
 * unused low bits of the last character must be zero, so every byte string has exactly one
 * accepted text (no two QR codes decode to the same presentation). Returns `undefined` for any
 * text that breaks a rule, with the rule in `error`.
 *
 * @example
 * decodeBase64Url("-_8") // { bytes: Uint8Array [0xfb, 0xff] }
 * decodeBase64Url("-_9") // { error: "non-canonical base64url (unused bits set)" }
 */
export function decodeBase64Url(
  text: string,
): { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string } {
  const values = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? DECODE_TABLE[code]! : -1;
    if (value < 0) {
      return {
        error:
          code === 0x3d
            ? "base64url padding is not allowed"
            : `invalid base64url character at ${i}`,
      };
    }
    values[i] = value;
  }
  if (text.length % 4 === 1) return { error: "base64url length is impossible" };
  const fullGroups = Math.floor(text.length / 4);
  const rest = text.length % 4;
  const bytes = new Uint8Array(fullGroups * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (; i < fullGroups * 4; i += 4) {
    const n = (values[i]! << 18) | (values[i + 1]! << 12) | (values[i + 2]! << 6) | values[i + 3]!;
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 0xff;
    bytes[o++] = n & 0xff;
  }
  if (rest === 2) {
    if ((values[i + 1]! & 0x0f) !== 0)
      return { error: "non-canonical base64url (unused bits set)" };
    bytes[o++] = (values[i]! << 2) | (values[i + 1]! >> 4);
  } else if (rest === 3) {
    if ((values[i + 2]! & 0x03) !== 0)
      return { error: "non-canonical base64url (unused bits set)" };
    const n = (values[i]! << 10) | (values[i + 1]! << 4) | (values[i + 2]! >> 2);
    bytes[o++] = n >> 8;
    bytes[o++] = n & 0xff;
  }
  return { bytes };
}
