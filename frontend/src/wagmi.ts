import { http, createConfig } from "wagmi";
import { LOCAL_CHAIN_ID, appConfig } from "./lib/appConfig.ts";
import { targetChain } from "./lib/chains.ts";
import { devWalletProvider } from "./lib/devWallet/devWalletInstance.ts";
import { devWallet } from "./lib/devWallet/devWalletConnector.ts";

export const wagmiConfig = createConfig({
  chains: [targetChain],
  // Injected wallets arrive through EIP-6963 discovery; the dev wallet only exists on the local chain.
  connectors: targetChain.id === LOCAL_CHAIN_ID ? [devWallet(devWalletProvider)] : [],
  multiInjectedProviderDiscovery: true,
  transports: { [targetChain.id]: http(appConfig.rpcUrl, { retryCount: 1 }) },
  // Deployless multicall: one eth_call per batch of reads, even on a chain without Multicall3.
  batch: { multicall: { deployless: true, wait: 16 } },
  pollingInterval: targetChain.id === LOCAL_CHAIN_ID ? 250 : 4_000,
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
