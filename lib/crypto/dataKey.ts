import { InvalidDataKeyError } from "./errors.ts";

/**
 * A fresh random 256-bit data key. One per record version, never reused: revocation and updates
 * re-encrypt under a new one, which is also what makes the STREAM nonce prefix safe.
 *
 * @example
 * const dataKey = generateDataKey()
 */
export function generateDataKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/**
 * Imports the raw data key as a non-extractable WebCrypto AES-GCM key.
 *
 * @example
 * const key = await importDataKey(dataKey)
 */
export async function importDataKey(dataKey: Uint8Array): Promise<CryptoKey> {
  if (dataKey.length !== 32) throw new InvalidDataKeyError(dataKey.length);
  return globalThis.crypto.subtle.importKey(
    "raw",
    dataKey.slice(),
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}
