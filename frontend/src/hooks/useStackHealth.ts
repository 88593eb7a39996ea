import { useQuery } from "@tanstack/react-query";
import { appConfig } from "../lib/appConfig.ts";

export type StackHealth = {
  chain: { ok: boolean; chainId?: number; blockNumber?: string; error?: string };
  ipfs: { ok: boolean; version?: string; error?: string };
};

const ASSUMED_UP: StackHealth = { chain: { ok: true }, ipfs: { ok: true } };

/**
 * Whether the chain node and the IPFS node answer, asked of the dev server's same-origin
 * `/__health` (a refused connection from the browser would print errors in the console, which a
 * visitor must never see). Without a health URL (a static deployment) both count as up.
 */
export function useStackHealth() {
  return useQuery({
    queryKey: ["stackHealth", appConfig.healthUrl],
    queryFn: async (): Promise<StackHealth> => {
      if (!appConfig.healthUrl) return ASSUMED_UP;
      const response = await fetch(appConfig.healthUrl, { cache: "no-store" });
      if (!response.ok) return ASSUMED_UP;
      return (await response.json()) as StackHealth;
    },
    staleTime: 5_000,
    refetchInterval: (query) =>
      query.state.data && query.state.data.chain.ok && query.state.data.ipfs.ok ? 15_000 : 4_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
