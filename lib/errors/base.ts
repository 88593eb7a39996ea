/**
 * The base of every error the shared library throws, shaped like viem's `BaseError`
 * (viem src/errors/base.ts): a one-line `shortMessage` for people, optional `details` for
 * developers, and the underlying `cause`. Callers branch on `error.name`, never on message text.
 *
 * @example
 * try { await decryptRecord(...) } catch (error) {
 *   if (error instanceof BaseError && error.name === 'SegmentAuthenticationError') showTampered()
 * }
 */
export type BaseErrorParameters = {
  details?: string | undefined;
  cause?: unknown;
  metaMessages?: string[] | undefined;
};

export class BaseError extends Error {
  override name = "BaseError";
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly metaMessages: string[] | undefined;

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const details =
      parameters.details ??
      (parameters.cause instanceof Error ? parameters.cause.message : undefined);
    const message = [
      shortMessage,
      ...(parameters.metaMessages ?? []),
      ...(details ? [`Details: ${details}`] : []),
    ].join("\n");
    super(message, parameters.cause === undefined ? undefined : { cause: parameters.cause });
    this.shortMessage = shortMessage;
    this.details = details;
    this.metaMessages = parameters.metaMessages;
  }

  /** Walks the `cause` chain and returns the first error for which `predicate` holds. */
  walk(predicate: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    while (current) {
      if (predicate(current)) return current;
      current = current instanceof Error ? current.cause : undefined;
    }
    return undefined;
  }
}
