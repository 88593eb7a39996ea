import { Aes256Gcm, CipherSuite, HkdfSha256 } from "@hpke/core";
import { DhkemX25519HkdfSha256 } from "@hpke/dhkem-x25519";

/**
 * RFC 9180 base mode, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM. One shared instance:
 * the suite is stateless between single-shot seal/open calls.
 */
export const hpkeSuite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

/** HPKE `info`: a fixed label so a record-key wrap can never be confused with another HPKE use. */
export const RECORD_KEY_INFO = new TextEncoder().encode("BioDentalNFT/record-key/v1");

/** X25519 `enc` (32) + AES-256-GCM ciphertext of the 32-byte data key (32 + 16 tag). */
export const WRAPPED_KEY_LENGTH = 80;
export const DATA_KEY_LENGTH = 32;
export const X25519_KEY_LENGTH = 32;
