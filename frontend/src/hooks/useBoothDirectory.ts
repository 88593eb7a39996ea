import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { bioDentalContract } from "../lib/contract.ts";
import { useEventHistory } from "./useEventHistory.ts";

export type BoothEntry = { address: Address; name: string; active: boolean };

/**
 * The festival's booths as the chain knows them: every address a `BoothRegistered` event named
 * (from the deployment block, cached), with its current name and status from one multicall of
 * `boothOf`. Active booths first, then by name.
 */
export function useBoothDirectory() {
  const registered = useEventHistory({ eventName: "BoothRegistered" });
  const addresses = [...new Set((registered.data?.items ?? []).map((log) => log.args.booth))];
  const reads = useReadContracts({
    allowFailure: true,
    contracts: addresses.map(
      (booth) => ({ ...bioDentalContract, functionName: "boothOf", args: [booth] }) as const,
    ),
    query: { enabled: addresses.length > 0 },
  });
  const booths: BoothEntry[] = [];
  addresses.forEach((address, i) => {
    const read = reads.data?.[i];
    if (read?.status !== "success") return;
    const [name, active] = read.result as readonly [string, boolean];
    booths.push({ address, name, active });
  });
  booths.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return {
    booths,
    isPending: registered.isPending || (addresses.length > 0 && reads.isPending),
    error: registered.error ?? reads.error,
  };
}
