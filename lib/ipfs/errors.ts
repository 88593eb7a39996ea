import { BaseError, type BaseErrorParameters } from "../errors/base.ts";

/** The IPFS node (Kubo RPC or the embedded node) could not be reached at all. */
export class IpfsNodeUnreachableError extends BaseError {
  override name = "IpfsNodeUnreachableError";
  readonly url: string;
  constructor(url: string, parameters: BaseErrorParameters = {}) {
    super(
      `The IPFS node at ${url} cannot be reached. Is it running (\`npm run ipfs\`)?`,
      parameters,
    );
    this.url = url;
  }
}

/** The node does not have the content (the embedded node is offline: it will never arrive). */
export class IpfsNotFoundError extends BaseError {
  override name = "IpfsNotFoundError";
  readonly cid: string;
  constructor(cid: string, parameters: BaseErrorParameters = {}) {
    super(`The IPFS node does not have ${cid}.`, parameters);
    this.cid = cid;
  }
}

/** A CID string or binary CID that is malformed or not sha2-256. */
export class MalformedCidError extends BaseError {
  override name = "MalformedCidError";
  constructor(input: string, parameters: BaseErrorParameters = {}) {
    super(
      `Not a valid sha2-256 CID: ${input.length > 100 ? `${input.slice(0, 100)}…` : input}`,
      parameters,
    );
  }
}

/** The node refused the upload for its size (HTTP 413). */
export class UploadTooLargeError extends BaseError {
  override name = "UploadTooLargeError";
  constructor(parameters: BaseErrorParameters = {}) {
    super("The IPFS node refused the upload: it is larger than the node accepts.", parameters);
  }
}

/** Any other refusal by the node or pinning service, with its HTTP status. */
export class IpfsRequestError extends BaseError {
  override name = "IpfsRequestError";
  readonly status: number | undefined;
  constructor(
    shortMessage: string,
    status: number | undefined,
    parameters: BaseErrorParameters = {},
  ) {
    super(shortMessage, parameters);
    this.status = status;
  }
}
