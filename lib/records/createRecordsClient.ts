import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  http,
} from "viem";
import { createIpfsClient } from "#lib/ipfs/create-ipfs-client.ts";
import type { RecordsClient } from "./recordsClient.ts";

export type CreateRecordsClientParameters = {
  rpcUrl: string;
  chain: Chain;
  contract: Address;
  /** The deployment block (event history starts there). */
  fromBlock: bigint;
  ipfsApiUrl: string;
  ipfsGatewayUrl?: string | undefined;
  ipfsAuthToken?: string | undefined;
  /**
   * The acting account: an address the node holds unlocked (the local dev node's accounts; the
   * node signs), or a viem local account (signs here). Omit for read-only use.
   */
  account?: Address | Account | undefined;
};

/**
 * A `RecordsClient` over plain HTTP, for scripts, seeding and tests (the app builds its own from
 * wagmi's clients). Reads are batched into JSON-RPC batches.
 *
 * @example
 * const client = createRecordsClient({ rpcUrl, chain, contract, fromBlock, ipfsApiUrl, account: accounts[1] })
 */
export function createRecordsClient(parameters: CreateRecordsClientParameters): RecordsClient {
  const { rpcUrl, chain, account } = parameters;
  const publicClient = createPublicClient({
    chain,
    transport: http(rpcUrl, { batch: { wait: 0 } }),
  });
  const walletClient = account
    ? createWalletClient({ chain, transport: http(rpcUrl), account })
    : undefined;
  return {
    publicClient,
    walletClient,
    contract: parameters.contract,
    chainId: chain.id,
    fromBlock: parameters.fromBlock,
    ipfs: createIpfsClient({
      rpcUrl: parameters.ipfsApiUrl,
      gatewayUrl: parameters.ipfsGatewayUrl,
      authToken: parameters.ipfsAuthToken,
    }),
  };
}
