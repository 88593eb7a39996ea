import { BaseError } from "../errors/base.ts";
import {
  IpfsNodeUnreachableError,
  IpfsNotFoundError,
  IpfsRequestError,
  MalformedCidError,
  UploadTooLargeError,
} from "./errors.ts";

type HttpLikeError = Error & { response?: { status?: number } };

/**
 * Maps what kubo-rpc-client (or fetch) threw to the library's typed errors. A network-level
 * failure (fetch's TypeError: connection refused, DNS, CORS) means the node is unreachable.
 *
 * @example
 * catch (error) { throw toIpfsError(error, { url, cid }) }
 */
export function toIpfsError(
  error: unknown,
  context: { url: string; cid?: string | undefined },
): BaseError {
  if (error instanceof BaseError) return error;
  if (!(error instanceof Error))
    return new IpfsRequestError("The IPFS request failed.", undefined, { details: String(error) });
  const status = (error as HttpLikeError).response?.status;
  if (status === undefined) {
    if (error.name === "AbortError" || error.name === "TimeoutError") {
      return new IpfsRequestError("The IPFS request was aborted or timed out.", undefined, {
        cause: error,
      });
    }
    return new IpfsNodeUnreachableError(context.url, { cause: error });
  }
  if (status === 413) return new UploadTooLargeError({ cause: error });
  if (status === 404 && /not found|could not find/i.test(error.message)) {
    return new IpfsNotFoundError(context.cid ?? "the requested content", { cause: error });
  }
  if (status === 400 && /invalid (cid|path)/i.test(error.message)) {
    return new MalformedCidError(context.cid ?? "", { cause: error });
  }
  if (status === 401)
    return new IpfsRequestError(
      "The IPFS node refused the request: missing or wrong API token.",
      status,
      { cause: error },
    );
  // Kubo answers "not found" as a 500 too; its wording is stable.
  if (/block was not found locally|could not find|not found locally/i.test(error.message)) {
    return new IpfsNotFoundError(context.cid ?? "the requested content", { cause: error });
  }
  return new IpfsRequestError("The IPFS node refused the request.", status, { cause: error });
}
