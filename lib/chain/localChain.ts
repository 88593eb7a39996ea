import { type Chain, defineChain } from "viem";

export const LOCAL_CHAIN_ID = 31337;
export const LOCAL_RPC_URL = "http://127.0.0.1:8545";

export type CreateLocalChainParameters = {
  /** The Hardhat node's JSON-RPC URL. Default `http://127.0.0.1:8545`. */
  rpcUrl?: string | undefined;
};

/**
 * The local Hardhat node (`npm start`) as a viem chain. A function rather than only a constant
 * because test stacks run the node on other ports; the chain id is Hardhat's 31337 either way.
 *
 * @example
 * const chain = createLocalChain({ rpcUrl: "http://127.0.0.1:18545" })
 */
export function createLocalChain({
  rpcUrl = LOCAL_RPC_URL,
}: CreateLocalChainParameters = {}): Chain {
  return defineChain({
    id: LOCAL_CHAIN_ID,
    name: "Hardhat (local)",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    testnet: true,
  });
}

/** The local chain at its default URL. */
export const localChain: Chain = createLocalChain();
