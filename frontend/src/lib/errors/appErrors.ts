import { BaseError } from "#lib/errors/base.ts";
import { formatTimestamp } from "../format/time.ts";

/** The app could not reach the chain's JSON-RPC node (from /__health or a failed request). */
export class ChainUnavailableError extends BaseError {
  override name = "ChainUnavailableError";
  constructor(parameters: { details?: string; cause?: unknown } = {}) {
    super("The blockchain node is not reachable.", parameters);
  }
}

/** The app could not reach the IPFS node. */
export class IpfsUnavailableError extends BaseError {
  override name = "IpfsUnavailableError";
  constructor(parameters: { details?: string; cause?: unknown } = {}) {
    super("The IPFS node is not reachable.", parameters);
  }
}

/** A grantee tried to read with a grant that has run out. */
export class GrantExpiredError extends BaseError {
  override name = "GrantExpiredError";
  readonly expiresAt: bigint;
  constructor({ expiresAt }: { expiresAt: bigint }) {
    super(`Your access to this record expired on ${formatTimestamp(expiresAt)}.`);
    this.expiresAt = expiresAt;
  }
}

/** A grantee's grant was revoked, or never included READ. */
export class NoReadAccessError extends BaseError {
  override name = "NoReadAccessError";
  constructor() {
    super("You have no read access to this record (any more).");
  }
}

/** Something the member must do first, e.g. derive their encryption key. */
export class PreconditionError extends BaseError {
  override name = "PreconditionError";
}
