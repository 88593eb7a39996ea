import type { Chain } from "viem";
import { base, baseSepolia, hardhat, mainnet, optimismSepolia, sepolia } from "viem/chains";
import { appConfig } from "./appConfig.ts";

/** Chains the app knows by id; a deployment elsewhere adds its chain here. */
const KNOWN_CHAINS: readonly Chain[] = [
  hardhat,
  sepolia,
  baseSepolia,
  optimismSepolia,
  base,
  mainnet,
];

/**
 * The chain the app is configured for (VITE_CHAIN_ID, default the local Hardhat chain), with the
 * configured RPC URL so reads and the dev wallet hit the same node.
 */
export const targetChain: Chain = (() => {
  const known = KNOWN_CHAINS.find((chain) => chain.id === appConfig.chainId) ?? hardhat;
  return { ...known, rpcUrls: { default: { http: [appConfig.rpcUrl] } } };
})();
