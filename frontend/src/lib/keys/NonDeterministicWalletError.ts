import { BaseError } from "#lib/errors/base.ts";

/** Two signatures of the same message differ: a key derived from one would not come back. */
export class NonDeterministicWalletError extends BaseError {
  override name = "NonDeterministicWalletError";
  constructor() {
    super(
      "Your wallet signs the same message differently each time, so it cannot derive a stable key.",
      {
        metaMessages: [
          "Use a passphrase-protected key instead: it is random, encrypted with your passphrase, and backed up on IPFS.",
        ],
      },
    );
  }
}
