import { type Address, bytesToHex, getAddress } from "viem";
import { DEFAULT_PRESENTATION_TTL_SECONDS, MAX_PRESENTATION_WINDOW_SECONDS } from "./constants.ts";
import { InvalidPresentationParametersError } from "./errors.ts";
import type { Presentation } from "./types.ts";

export type CreatePresentationParameters = {
  tokenId: bigint;
  /** The signer: the token's owner, or a wallet holding an unexpired PRESENT grant. */
  holder: Address;
  booth: Address;
  /**
   * Unix seconds. Pass the chain's time when it may differ from the device clock (a local chain
   * whose clock was moved); defaults to the device clock.
   */
  now?: number | bigint | undefined;
  /** Lifetime in seconds, 1..120; the app uses 30. */
  ttlSeconds?: number | undefined;
};

/**
 * A fresh presentation to sign: a random 32-byte challenge from WebCrypto and `notAfter` a short
 * time ahead.
 *
 * @example
 * const presentation = createPresentation({ tokenId, holder: account.address, booth })
 * const signature = await walletClient.signTypedData({ account, ...presentationTypedData({ chainId, verifyingContract, presentation }) })
 */
export function createPresentation({
  tokenId,
  holder,
  booth,
  now,
  ttlSeconds = DEFAULT_PRESENTATION_TTL_SECONDS,
}: CreatePresentationParameters): Presentation {
  if (
    !Number.isInteger(ttlSeconds) ||
    ttlSeconds < 1 ||
    ttlSeconds > MAX_PRESENTATION_WINDOW_SECONDS
  ) {
    throw new InvalidPresentationParametersError(
      `ttlSeconds must be a whole number from 1 to ${MAX_PRESENTATION_WINDOW_SECONDS}, got ${ttlSeconds}`,
    );
  }
  if (typeof tokenId !== "bigint" || tokenId < 0n || tokenId >= 1n << 256n) {
    throw new InvalidPresentationParametersError("tokenId must be a uint256 bigint");
  }
  const start = now === undefined ? BigInt(Math.floor(Date.now() / 1000)) : BigInt(now);
  const challenge = new Uint8Array(32);
  globalThis.crypto.getRandomValues(challenge);
  return {
    tokenId,
    holder: getAddress(holder),
    booth: getAddress(booth),
    challenge: bytesToHex(challenge),
    notAfter: start + BigInt(ttlSeconds),
  };
}
