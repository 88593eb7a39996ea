import { isIP } from "node:net";

export type IpfsNodeOptions = {
  /** Folder for blocks, pins and the node identity. Default `IPFS_DATA_DIR` or `.data/ipfs`. */
  dataDir?: string;
  /** Default `IPFS_HOST` or 127.0.0.1. Anything but loopback requires `apiToken`. */
  host?: string;
  /** RPC API port; 0 picks a free one. Default `IPFS_API_PORT` or 5001. */
  apiPort?: number;
  /** Gateway port; 0 picks a free one. Default `IPFS_GATEWAY_PORT` or 8080. */
  gatewayPort?: number;
  /** Browser origins allowed to call the API. Default `IPFS_CORS_ORIGINS` or the Vite dev server. */
  corsOrigins?: readonly string[];
  /** Largest `add` body in bytes. Default `IPFS_MAX_UPLOAD_BYTES` or 2 GiB. */
  maxUploadBytes?: number;
  /** Bearer token for the API. Default `IPFS_API_TOKEN`. */
  apiToken?: string;
  /** Reports unexpected (500) errors; default logs to stderr. */
  onError?: (error: unknown) => void;
};

export type ResolvedIpfsNodeConfig = Required<Omit<IpfsNodeOptions, "apiToken" | "onError">> & {
  apiToken: string | undefined;
  onError: (error: unknown) => void;
};

export const DEFAULT_CORS_ORIGINS = ["http://127.0.0.1:5173", "http://localhost:5173"];
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export class IpfsNodeConfigError extends Error {
  override name = "IpfsNodeConfigError";
}

/**
 * Merges explicit options over environment variables over safe defaults, and refuses unsafe
 * combinations (an unauthenticated API on a non-loopback address) before anything listens.
 *
 * @example
 * resolveIpfsNodeConfig({ apiPort: 0 }, process.env)
 */
export function resolveIpfsNodeConfig(
  options: IpfsNodeOptions,
  env: Record<string, string | undefined> = process.env,
): ResolvedIpfsNodeConfig {
  const host = options.host ?? env.IPFS_HOST ?? "127.0.0.1";
  const apiToken = options.apiToken ?? (env.IPFS_API_TOKEN || undefined);
  if (!isLoopback(host) && apiToken === undefined) {
    throw new IpfsNodeConfigError(
      `refusing to bind the IPFS API to ${host} without IPFS_API_TOKEN: anyone on the network could add, pin and unpin`,
    );
  }
  return {
    dataDir: options.dataDir ?? env.IPFS_DATA_DIR ?? ".data/ipfs",
    host,
    apiPort: options.apiPort ?? readPort(env.IPFS_API_PORT, "IPFS_API_PORT", 5001),
    gatewayPort: options.gatewayPort ?? readPort(env.IPFS_GATEWAY_PORT, "IPFS_GATEWAY_PORT", 8080),
    corsOrigins:
      options.corsOrigins ??
      (env.IPFS_CORS_ORIGINS !== undefined
        ? env.IPFS_CORS_ORIGINS.split(",")
            .map((origin) => origin.trim())
            .filter(Boolean)
        : DEFAULT_CORS_ORIGINS),
    maxUploadBytes:
      options.maxUploadBytes ?? readSize(env.IPFS_MAX_UPLOAD_BYTES) ?? DEFAULT_MAX_UPLOAD_BYTES,
    apiToken,
    onError: options.onError ?? ((error) => console.error("[ipfs-node]", error)),
  };
}

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1" || host === "[::1]";
}

function readPort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new IpfsNodeConfigError(`${name} must be a port number, got "${value}"`);
  return port;
}

function readSize(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const size = Number(value);
  if (!Number.isSafeInteger(size) || size <= 0)
    throw new IpfsNodeConfigError(
      `IPFS_MAX_UPLOAD_BYTES must be a positive integer, got "${value}"`,
    );
  return size;
}
