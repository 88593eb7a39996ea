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

export type LocalAccountRole = "organizer" | "member" | "practitioner" | "booth";

export type LocalDemoAccount = {
  /** Index into the Hardhat node's `eth_accounts` (its default mnemonic). */
  index: number;
  role: LocalAccountRole;
  /** Who plays the account in the demo (the Oral Harmony Festival's cast). */
  name: string;
};

/** The demo booth `npm start` registers for the booth account. */
export const DEMO_BOOTH_NAME = "Smilencer Booth · Oral Harmony Festival";

/**
 * The Hardhat accounts the local stack and `npm run seed` give roles to. Accounts not listed
 * are free for experiments.
 */
export const LOCAL_DEMO_ACCOUNTS: readonly LocalDemoAccount[] = [
  { index: 0, role: "organizer", name: "Festival organizer (deployer, manages booths)" },
  { index: 1, role: "member", name: "Talai Rina" },
  { index: 2, role: "member", name: "Kai Zindra" },
  { index: 3, role: "member", name: "Elysia Prenter" },
  { index: 4, role: "practitioner", name: "Dr. Liora Voss" },
  { index: 9, role: "booth", name: DEMO_BOOTH_NAME },
];

/** The first account with `role` (the organizer, the practitioner, the booth). */
export function localAccountIndexOf(role: LocalAccountRole): number {
  const account = LOCAL_DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new RangeError(`no local demo account has the role ${role}`);
  return account.index;
}
