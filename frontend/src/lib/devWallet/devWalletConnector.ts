import { injected } from "wagmi/connectors";
import type { DevWalletProvider } from "./createDevWalletProvider.ts";

export const DEV_WALLET_ID = "devWallet";
export const DEV_WALLET_NAME = "Dev wallet (local Hardhat accounts)";

const ICON =
  "data:image/svg+xml;base64," +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#fde68a"/><path d="M8 11h16v12H8z" fill="none" stroke="#92400e" stroke-width="2"/><circle cx="20" cy="17" r="2" fill="#92400e"/></svg>',
  );

/**
 * The dev wallet as a wagmi connector: wagmi's injected connector pointed at our provider, so
 * account and chain events flow exactly as with a browser wallet.
 *
 * @example
 * createConfig({ connectors: [devWallet(provider)], ... })
 */
export function devWallet(provider: DevWalletProvider) {
  return injected({
    target: { id: DEV_WALLET_ID, name: DEV_WALLET_NAME, icon: ICON, provider },
    shimDisconnect: true,
  });
}
