import { BaseError } from "#lib/errors/base.ts";

/** The token id the contract returned is not the one the ciphertext was bound to (a concurrent mint by the same owner). */
export class TokenIdMismatchError extends BaseError {
  override name = "TokenIdMismatchError";
  constructor({ expected, actual }: { expected: bigint; actual: bigint }) {
    super(
      `The record was encrypted for token ${expected}, but the mint would create token ${actual}.`,
      {
        metaMessages: [
          "Another mint from this account happened meanwhile. Nothing was minted: try again.",
        ],
      },
    );
  }
}

/** A READ grant needs the grantee's X25519 key to wrap the record key for them. */
export class GranteeHasNoKeyError extends BaseError {
  override name = "GranteeHasNoKeyError";
  readonly grantee: string;
  constructor({ grantee }: { grantee: string }) {
    super(
      `${grantee} has not registered an encryption key, so the record cannot be shared with them yet.`,
      {
        metaMessages: [
          "Ask them to open the app and register their key (one signature, no fee beyond gas), then grant again.",
          "A PRESENT-only grant needs no key.",
        ],
      },
    );
    this.grantee = grantee;
  }
}

/** The reader is neither the owner nor a holder of a READ grant on the token. */
export class AccessDeniedError extends BaseError {
  override name = "AccessDeniedError";
  constructor({ tokenId, account }: { tokenId: bigint; account: string }) {
    super(`${account} may not read token ${tokenId}: it is not the owner and holds no READ grant.`);
  }
}

/** The reader's READ grant ran out. */
export class GrantExpiredError extends BaseError {
  override name = "GrantExpiredError";
  readonly expiredAt: Date;
  constructor({
    tokenId,
    account,
    expiresAt,
  }: {
    tokenId: bigint;
    account: string;
    expiresAt: bigint;
  }) {
    const expiredAt = new Date(Number(expiresAt) * 1000);
    super(`The access of ${account} to token ${tokenId} expired on ${expiredAt.toISOString()}.`, {
      metaMessages: ["Ask the owner for a new grant."],
    });
    this.expiredAt = expiredAt;
  }
}

/** The transaction was mined but reverted. */
export class TransactionRevertedError extends BaseError {
  override name = "TransactionRevertedError";
  constructor({ functionName, hash }: { functionName: string; hash: string }) {
    super(`The ${functionName} transaction ${hash} reverted.`);
  }
}

/** A write needs an account (a wallet client with an account). */
export class MissingAccountError extends BaseError {
  override name = "MissingAccountError";
  constructor() {
    super("This action sends a transaction: pass a wallet client with an account.");
  }
}

/** The token does not exist (never minted, or burned). */
export class RecordNotFoundError extends BaseError {
  override name = "RecordNotFoundError";
  constructor({ tokenId }: { tokenId: bigint }) {
    super(`Token ${tokenId} does not exist (never minted, or burned).`);
  }
}
