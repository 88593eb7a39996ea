import { useStackHealth } from "./useStackHealth.ts";

/**
 * Whether the IPFS node answers (per /__health). Pages that store or fetch ciphertext wait for
 * it instead of firing requests that would fail (and print errors in the console).
 */
export function useIpfsReachable(): boolean {
  const health = useStackHealth();
  return health.data?.ipfs.ok !== false;
}
