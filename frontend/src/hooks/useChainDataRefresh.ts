import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/**
 * After a receipt: every chain-derived query refetches. wagmi's reads live under "readContract(s)"
 * keys, ours under "chain"; event histories only fetch the blocks mined since their window.
 */
export function useChainDataRefresh(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({
      predicate: (query) => {
        const head = query.queryKey[0];
        if (head === "chain") return true;
        if (
          typeof head === "string" &&
          (head === "readContract" || head === "readContracts" || head === "balance")
        )
          return true;
        return false;
      },
    });
  }, [queryClient]);
}
