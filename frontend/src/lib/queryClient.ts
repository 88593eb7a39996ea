import { QueryClient } from "@tanstack/react-query";

/** Query defaults in one place. Chain reads are invalidated after receipts, so they may stay fresh a while. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        gcTime: 10 * 60_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: 0 },
    },
  });
}
