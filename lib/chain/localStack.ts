import { LOCAL_CHAIN_ID, LOCAL_RPC_URL } from "./localChain.ts";

/**
 * Where `npm start` serves each part of the local stack. The stack passes the actual URLs to
 * Vite as `VITE_RPC_URL`, `VITE_CHAIN_ID`, `VITE_IPFS_API_URL` and `VITE_IPFS_GATEWAY_URL`
 * (test stacks use other ports); these are the defaults when a variable is absent.
 */
export const LOCAL_STACK = {
  chainId: LOCAL_CHAIN_ID,
  rpcUrl: LOCAL_RPC_URL,
  ipfsApiUrl: "http://127.0.0.1:5001",
  ipfsGatewayUrl: "http://127.0.0.1:8080",
  appUrl: "http://127.0.0.1:5173",
} as const;

/** Hardhat's default accounts in the roles the local stack gives them (indices into `eth_accounts`). */
export const LOCAL_ACCOUNT_ROLES = {
  organizer: 0,
  members: [1, 2, 3],
  practitioner: 4,
  booth: 9,
} as const;

/** The demo booth `npm start` registers for `LOCAL_ACCOUNT_ROLES.booth`. */
export const DEMO_BOOTH_NAME = "Smilencer Booth · Oral Harmony Festival";
