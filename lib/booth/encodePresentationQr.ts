import { encodeAbiParameters, hexToBytes, isAddress, isHex, size } from "viem";
import { encodeBase64Url } from "./base64url.ts";
import { MAX_SIGNATURE_BYTES, PRESENTATION_QR_PREFIX } from "./constants.ts";
import { InvalidPresentationParametersError } from "./errors.ts";
import { PRESENTATION_PAYLOAD_PARAMETERS } from "./presentationAbi.ts";
import type { SignedPresentation } from "./types.ts";

export type EncodePresentationQrParameters = SignedPresentation & {
  /**
   * When set, the QR holds `<verifyUrl>#bdp1.…`, so any phone camera opens a verifier page; a
   * booth accepts both forms. Must not contain `#`.
   */
  verifyUrl?: string | undefined;
};

/**
 * The QR text of a signed presentation: `bdp1.` + base64url (no padding) of its ABI encoding,
 * optionally behind a verify-page URL.
 *
 * @example
 * const text = encodePresentationQr({ chainId: 31337n, verifyingContract, presentation, signature })
 * // "bdp1.AAAAAAAAAAAAAAAA…" (517 characters with a 65-byte signature)
 * const link = encodePresentationQr({ ...signed, verifyUrl: "https://festival.example/verify" })
 */
export function encodePresentationQr({
  chainId,
  verifyingContract,
  presentation,
  signature,
  verifyUrl,
}: EncodePresentationQrParameters): string {
  if (!isHex(signature, { strict: true }) || size(signature) > MAX_SIGNATURE_BYTES) {
    throw new InvalidPresentationParametersError(
      `signature must be hex of at most ${MAX_SIGNATURE_BYTES} bytes`,
    );
  }
  for (const [name, address] of [
    ["verifyingContract", verifyingContract],
    ["holder", presentation.holder],
    ["booth", presentation.booth],
  ] as const) {
    if (!isAddress(address, { strict: false }))
      throw new InvalidPresentationParametersError(`${name} is not an address`);
  }
  if (verifyUrl !== undefined && verifyUrl.includes("#")) {
    throw new InvalidPresentationParametersError("verifyUrl must not contain '#'");
  }
  let encoded: `0x${string}`;
  try {
    encoded = encodeAbiParameters(PRESENTATION_PAYLOAD_PARAMETERS, [
      chainId,
      verifyingContract,
      presentation.tokenId,
      presentation.holder,
      presentation.booth,
      presentation.challenge,
      presentation.notAfter,
      signature,
    ]);
  } catch (error) {
    throw new InvalidPresentationParametersError(
      error instanceof Error ? error.message.split("\n")[0]! : String(error),
    );
  }
  const text = PRESENTATION_QR_PREFIX + encodeBase64Url(hexToBytes(encoded));
  return verifyUrl === undefined ? text : `${verifyUrl}#${text}`;
}
