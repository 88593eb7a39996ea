/**
 * An error that already knows the HTTP status it should be answered with. Handlers throw it;
 * the router turns it into Kubo's `{"Message","Code","Type":"error"}` body.
 */
export class HttpError extends Error {
  override name = "HttpError";
  readonly status: number;

  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}
