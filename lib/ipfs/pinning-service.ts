import { parseCid } from "./cid.ts";
import { IpfsNodeUnreachableError, IpfsRequestError } from "./errors.ts";

/** Pin status values of the IPFS Pinning Service API spec. */
export type PinStatusValue = "queued" | "pinning" | "pinned" | "failed";

export type PinStatus = {
  requestid: string;
  status: PinStatusValue;
  created: string;
  pin: { cid: string; name?: string | undefined };
  delegates: string[];
  info?: Record<string, string> | undefined;
};

export type CreatePinningServiceClientParameters = {
  /** Service base URL, e.g. `https://api.pinata.cloud/psa` (requests go to `<endpoint>/pins`). */
  endpoint: string;
  accessToken: string;
  /** Injected for tests or custom agents; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
};

export type PinningServiceClient = {
  /** POST /pins: asks the service to pin `cid` (it pins asynchronously: `status` may be "queued"). */
  addPin(
    cid: string,
    options?: { name?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<PinStatus>;
  /** GET /pins?cid=…: this account's pin requests for `cid` in any status. */
  listPins(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<PinStatus[]>;
  /** GET /pins/{requestid}. */
  getPin(requestid: string, options?: { signal?: AbortSignal | undefined }): Promise<PinStatus>;
  /** DELETE /pins/{requestid} for every request pinning `cid`; resolves to how many were removed. */
  removePin(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<number>;
};

const ALL_STATUSES: PinStatusValue[] = ["queued", "pinning", "pinned", "failed"];

/**
 * A client for the public IPFS Pinning Service API (https://ipfs.github.io/pinning-services-api-spec/):
 * bearer-token auth, JSON in and out, errors as `{"error":{"reason","details"}}`.
 *
 * @example
 * const service = createPinningServiceClient({ endpoint: "https://pins.example/psa", accessToken })
 * const status = await service.addPin("bafk…", { name: "record-42-v3" })
 */
export function createPinningServiceClient(
  parameters: CreatePinningServiceClientParameters,
): PinningServiceClient {
  const base = parameters.endpoint.replace(/\/+$/, "");
  const doFetch = parameters.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<T>(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${parameters.accessToken}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw new IpfsNodeUnreachableError(base, { cause: error });
    }
    if (!response.ok) {
      let reason = response.statusText;
      try {
        const payload = (await response.json()) as {
          error?: { reason?: string; details?: string };
        };
        reason =
          [payload.error?.reason, payload.error?.details].filter(Boolean).join(": ") || reason;
      } catch {
        // Not JSON: the status text is all there is.
      }
      throw new IpfsRequestError(
        `The pinning service refused ${method} ${path.split("?")[0]} (${response.status}).`,
        response.status,
        {
          details: reason,
        },
      );
    }
    if (response.status === 202 && method === "DELETE") return undefined as T;
    return (await response.json()) as T;
  }

  const listPins: PinningServiceClient["listPins"] = async (cid, options = {}) => {
    const canonical = parseCid(cid).toString();
    const query = new URLSearchParams({ cid: canonical, status: ALL_STATUSES.join(",") });
    const page = await request<{ count: number; results: PinStatus[] }>(
      "GET",
      `/pins?${query}`,
      undefined,
      options.signal,
    );
    return page.results;
  };

  return {
    async addPin(cid, options = {}) {
      const canonical = parseCid(cid).toString();
      return request<PinStatus>(
        "POST",
        "/pins",
        { cid: canonical, ...(options.name ? { name: options.name } : {}) },
        options.signal,
      );
    },
    listPins,
    async getPin(requestid, options = {}) {
      return request<PinStatus>(
        "GET",
        `/pins/${encodeURIComponent(requestid)}`,
        undefined,
        options.signal,
      );
    },
    async removePin(cid, options = {}) {
      const pins = await listPins(cid, options);
      for (const pin of pins) {
        await request<void>(
          "DELETE",
          `/pins/${encodeURIComponent(pin.requestid)}`,
          undefined,
          options.signal,
        );
      }
      return pins.length;
    },
  };
}
