import { BaseError } from "#lib/errors/base.ts";

/** Something the member must do first, e.g. unlock their encryption key or connect a wallet. */
export class PreconditionError extends BaseError {
  override name = "PreconditionError";
}
