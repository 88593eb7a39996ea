import { HttpError } from "../http/http-error.ts";

const NOT_FOUND_NAMES = new Set([
  "NotFoundError",
  "BlockNotFoundWhileOfflineError",
  "LoadBlockFailedError",
]);

/**
 * Turns the stores' "block is not here" errors into one 404 with Kubo's offline wording;
 * anything else is passed through untouched.
 *
 * @example
 * catch (error) { throw asNotFound(error, cid) }
 */
export function asNotFound(error: unknown, what: string): unknown {
  if (error instanceof HttpError) return error;
  if (error instanceof Error && NOT_FOUND_NAMES.has(error.name)) {
    return new HttpError(
      404,
      `block was not found locally (offline): ipld: could not find ${what}`,
      { cause: error },
    );
  }
  return error;
}
