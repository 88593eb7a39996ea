/**
 * Where the app finds its services. Defaults are the local stack of `npm start`; a deployment
 * sets VITE_* variables at build time (see frontend/.env.example).
 */
export type AppConfig = {
  /** JSON-RPC endpoint for reads (and the dev wallet on the local chain). */
  rpcUrl: string;
  /** Kubo RPC API base URL (without /api/v0). */
  ipfsApiUrl: string;
  /** Optional bearer token for the IPFS API. */
  ipfsApiToken: string | undefined;
  /** Read-only IPFS gateway base URL (without /ipfs). */
  ipfsGatewayUrl: string;
  /** Same-origin health endpoint of the dev/preview server; empty when hosted elsewhere. */
  healthUrl: string;
  /** The chain the app talks to; its deployment comes from the generated bindings. */
  chainId: number;
};

const env = import.meta.env;

export const appConfig: AppConfig = {
  rpcUrl: env.VITE_RPC_URL || "http://127.0.0.1:8545",
  ipfsApiUrl: env.VITE_IPFS_API_URL || "http://127.0.0.1:5001",
  ipfsApiToken: env.VITE_IPFS_API_TOKEN || undefined,
  ipfsGatewayUrl: env.VITE_IPFS_GATEWAY_URL || "http://127.0.0.1:8080",
  healthUrl: env.VITE_HEALTH_URL ?? "/__health",
  chainId: Number(env.VITE_CHAIN_ID || 31337),
};

/** The local Hardhat chain: the only one where the dev wallet is offered. */
export const LOCAL_CHAIN_ID = 31337;
