import { type Hex, bytesToHex } from "viem";
import { deriveEncryptionKey } from "./deriveEncryptionKey.ts";

export type DetectDeterministicSigningParameters = {
  /** Signs `encryptionKeyTypedData(account)` with the connected wallet. */
  sign: () => Promise<Hex>;
};

export type DetectDeterministicSigningReturnType =
  { deterministic: true; signature: Hex } | { deterministic: false; signatures: [Hex, Hex] };

/**
 * Signs the key-derivation message twice and compares. A wallet that signs non-deterministically
 * (e.g. some smart-contract wallets) would derive a different key every session; for those, use
 * the passphrase-protected random key (`generateEncryptionKey` + `createKeyBackup`) instead.
 *
 * @example
 * const result = await detectDeterministicSigning({ sign: () => wallet.signTypedData({ account, ...typedData }) })
 * if (result.deterministic) register(deriveEncryptionKey({ signature: result.signature }).publicKey)
 */
export async function detectDeterministicSigning({
  sign,
}: DetectDeterministicSigningParameters): Promise<DetectDeterministicSigningReturnType> {
  const first = await sign();
  const second = await sign();
  // Compared after derivation: encodings of one signature that differ only in form (v as 0/1 or
  // 27/28, high or low s) derive the same key and count as deterministic.
  const a = bytesToHex(deriveEncryptionKey({ signature: first }).publicKey);
  const b = bytesToHex(deriveEncryptionKey({ signature: second }).publicKey);
  if (a === b) return { deterministic: true, signature: first };
  return { deterministic: false, signatures: [first, second] };
}
