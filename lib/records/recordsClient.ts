import type { Account, Address, Chain, Client, Transport } from "viem";
import type { IpfsClient } from "#lib/ipfs/create-ipfs-client.ts";
import { MissingAccountError } from "./errors.ts";

/**
 * Everything the record flows need, passed explicitly (no globals), so the app (wagmi's clients),
 * the CLI (a node account) and the tests (Hardhat's in-process network) share the same code.
 */
export type RecordsClient = {
  /** Reads, simulations and receipts. A bare viem `Client`: actions are imported one by one. */
  publicClient: Client<Transport, Chain | undefined>;
  /** Writes and typed-data signatures; its account is the acting member. Omit for read-only use. */
  walletClient?: Client<Transport, Chain | undefined, Account> | undefined;
  /** The BioDentalNFT address. */
  contract: Address;
  chainId: number;
  /** The deployment block: event history is read from here, never from genesis. */
  fromBlock: bigint;
  ipfs: IpfsClient;
};

/** The acting account of a client that must write. */
export function accountOf(client: RecordsClient): Account {
  const account = client.walletClient?.account;
  if (!account) throw new MissingAccountError();
  return account;
}
