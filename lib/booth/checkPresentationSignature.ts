import {
  type Address,
  type Hex,
  hashTypedData,
  hexToBytes,
  isAddressEqual,
  recoverAddress,
} from "viem";
import { presentationTypedData } from "./presentationTypedData.ts";
import type { SignedPresentation } from "./types.ts";

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = SECP256K1_N >> 1n;

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * Whether `signature` is `holder`'s ECDSA signature of `digest`, by exactly the rules of
 * OpenZeppelin's `ECDSA.tryRecover` (which the contract's SignatureChecker uses for accounts
 * without code): 65 bytes, `v` 27 or 28, `s` in the lower half order, `r` and `s` non-zero and
 * below the curve order, and the recovered address equal to `holder`. A looser check (viem accepts
 * `v` 0/1 and high `s`) would say valid where the chain says bad signature.
 *
 * @example
 * await isHolderEcdsaSignature({ holder, digest, signature }) // true
 */
export async function isHolderEcdsaSignature({
  holder,
  digest,
  signature,
}: {
  holder: Address;
  digest: Hex;
  signature: Hex;
}): Promise<boolean> {
  const bytes = hexToBytes(signature);
  if (bytes.length !== 65) return false;
  const r = toBigInt(bytes.subarray(0, 32));
  const s = toBigInt(bytes.subarray(32, 64));
  const v = bytes[64]!;
  if (s > HALF_N || s === 0n || r === 0n || r >= SECP256K1_N) return false;
  if (v !== 27 && v !== 28) return false;
  try {
    const recovered = await recoverAddress({ hash: digest, signature });
    return isAddressEqual(recovered, holder);
  } catch {
    // `r` is not the x coordinate of a curve point: ecrecover returns zero.
    return false;
  }
}

/**
 * The EIP-712 digest of a signed presentation, equal to the contract's `presentationDigest`.
 *
 * @example
 * presentationDigestOf(decodePresentationQr(text)) // "0x…"
 */
export function presentationDigestOf(signed: SignedPresentation): Hex {
  return hashTypedData(
    presentationTypedData({
      chainId: signed.chainId,
      verifyingContract: signed.verifyingContract,
      presentation: signed.presentation,
    }),
  );
}
