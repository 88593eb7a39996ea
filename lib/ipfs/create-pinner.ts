import { createIpfsClient } from "./create-ipfs-client.ts";
import { createPinningServiceClient } from "./pinning-service.ts";

export type PinnerConfig =
  | { kind: "kubo"; rpcUrl: string; authToken?: string | undefined }
  | {
      kind: "pinning-service";
      endpoint: string;
      accessToken: string;
      fetch?: typeof globalThis.fetch | undefined;
    };

export type Pinner = {
  /** Pins `cid` (Kubo: fetched and pinned now; pinning service: request accepted, pinned asynchronously). */
  pin(
    cid: string,
    options?: { name?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<void>;
  /** Removes every pin of `cid`; not being pinned is not an error. */
  unpin(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<void>;
};

/**
 * One pinning interface for production: any Kubo node by RPC URL (including the embedded node),
 * or any IPFS Pinning Service API endpoint with a bearer token.
 *
 * @example
 * const pinner = createPinner({ kind: "pinning-service", endpoint, accessToken })
 * await pinner.pin(cid, { name: "record-7-v2" })
 */
export function createPinner(config: PinnerConfig): Pinner {
  if (config.kind === "kubo") {
    const client = createIpfsClient({ rpcUrl: config.rpcUrl, authToken: config.authToken });
    return {
      pin: (cid, options = {}) => client.pin(cid, { signal: options.signal }),
      unpin: (cid, options = {}) => client.unpin(cid, options),
    };
  }
  const service = createPinningServiceClient(config);
  return {
    async pin(cid, options = {}) {
      const existing = await service.listPins(cid, options);
      if (existing.some((pin) => pin.status !== "failed")) return;
      await service.addPin(cid, options);
    },
    async unpin(cid, options = {}) {
      await service.removePin(cid, options);
    },
  };
}
