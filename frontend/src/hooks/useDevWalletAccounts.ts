import { useQuery } from "@tanstack/react-query";
import { devWalletProvider } from "../lib/devWallet/devWalletInstance.ts";
import { useStackHealth } from "./useStackHealth.ts";

/** The Hardhat node's unlocked accounts for the dev wallet's picker (only asked while the chain is up). */
export function useDevWalletAccounts(enabled: boolean) {
  const health = useStackHealth();
  return useQuery({
    queryKey: ["devWalletAccounts"],
    queryFn: () => devWalletProvider.listAccounts(),
    enabled: enabled && health.data?.chain.ok === true,
    staleTime: 60_000,
  });
}
