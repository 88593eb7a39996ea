import { BaseError } from "#lib/errors/base.ts";

/**
 * Errors of the booth protocol. A verifier never lets them escape as a crash: it turns them into
 * verdicts ("malformed", "chain-unreachable"). Callers branch on `error.name`.
 */

/** The text is not a well-formed `bdp1.` presentation; `reason` says which rule it broke. */
export class MalformedPresentationError extends BaseError {
  override name = "MalformedPresentationError";
  readonly reason: string;
  constructor(reason: string, parameters: { cause?: unknown } = {}) {
    super(`Not a valid Bio-Dental presentation: ${reason}.`, {
      cause: parameters.cause,
      details: reason,
    });
    this.reason = reason;
  }
}

/** A presentation could not be built from what the caller passed. */
export class InvalidPresentationParametersError extends BaseError {
  override name = "InvalidPresentationParametersError";
  constructor(reason: string) {
    super(`Cannot create the presentation: ${reason}.`);
  }
}

/** The chain could not be read (node down, network error, no contract at the address). */
export class ChainUnreachableError extends BaseError {
  override name = "ChainUnreachableError";
  constructor(parameters: { cause?: unknown; details?: string } = {}) {
    super("The chain could not be read, so the presentation cannot be verified.", parameters);
  }
}

/** The seen-challenge store failed (disk, IndexedDB); a booth must not admit without it. */
export class ReplayStoreError extends BaseError {
  override name = "ReplayStoreError";
  constructor(parameters: { cause?: unknown; details?: string } = {}) {
    super("The booth's seen-challenge store could not be used.", parameters);
  }
}
