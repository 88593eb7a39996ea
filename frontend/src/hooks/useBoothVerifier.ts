import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Address, createClient, http } from "viem";
import { type CheckIn, checkInOf } from "#lib/booth/checkins/checkIn.ts";
import { checkInsToCsv } from "#lib/booth/checkins/checkInsToCsv.ts";
import {
  type CheckInLog,
  createIndexedDbCheckInLog,
} from "#lib/booth/checkins/indexedDbCheckInLog.ts";
import { createIndexedDbReplayStore } from "#lib/booth/replay/indexedDbReplayStore.ts";
import type { ReplayStore } from "#lib/booth/replay/replayStore.ts";
import { type Verdict, makeVerdict } from "#lib/booth/verdict.ts";
import { verifyPresentationQr } from "#lib/booth/verifyPresentationQr.ts";
import { appConfig } from "../lib/appConfig.ts";
import { deployment } from "../lib/deployment.ts";

const RECENT = 25;

type Stores = { replayStore: ReplayStore; log: CheckInLog };

/**
 * The kiosk's verifier for one booth identity: the shared library's `verifyPresentationQr` with
 * a seen-challenge store and a check-in log in this browser's IndexedDB (both per chain, contract
 * and booth), over its own JSON-RPC client with batching and no delay, so a scan costs one round
 * trip. Every verdict is logged locally; nothing leaves the tablet but the `eth_call`.
 */
export function useBoothVerifier(booth: Address | undefined) {
  const client = useMemo(
    () =>
      createClient({
        transport: http(appConfig.rpcUrl, { batch: { wait: 0 }, retryCount: 1, timeout: 8_000 }),
      }),
    [],
  );
  const [stores, setStores] = useState<Stores | undefined>();
  const [storeError, setStoreError] = useState<unknown>();
  const [recent, setRecent] = useState<CheckIn[]>([]);
  const storesRef = useRef<Stores | undefined>(undefined);

  const key =
    booth && deployment
      ? `${deployment.chainId}-${deployment.address}-${booth}`.toLowerCase()
      : undefined;
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    let opened: Stores | undefined;
    setStores(undefined);
    setStoreError(undefined);
    void (async () => {
      try {
        const replayStore = await createIndexedDbReplayStore({
          databaseName: `biodental-booth-replay-${key}`,
        });
        const log = await createIndexedDbCheckInLog({
          databaseName: `biodental-booth-checkins-${key}`,
        });
        opened = { replayStore, log };
        if (cancelled) return void close(opened);
        storesRef.current = opened;
        setStores(opened);
        setRecent(await log.recent(RECENT));
      } catch (error) {
        if (!cancelled) setStoreError(error);
      }
    })();
    return () => {
      cancelled = true;
      storesRef.current = undefined;
      if (opened) close(opened);
    };
  }, [key]);

  const verify = useCallback(
    async (input: string): Promise<Verdict> => {
      const current = storesRef.current;
      let verdict: Verdict;
      if (!booth || !deployment)
        verdict = makeVerdict({
          reason: "chain-unreachable",
          detail: "this kiosk has no booth or no contract configured",
        });
      else if (!current)
        verdict = makeVerdict({
          reason: "store-unavailable",
          detail: "the check-in store is not open yet",
        });
      else {
        verdict = await verifyPresentationQr(client, {
          input,
          chainId: deployment.chainId,
          contract: deployment.address,
          booth,
          replayStore: current.replayStore,
          revocationLookup: { fromBlock: deployment.deploymentBlock },
        });
        try {
          await current.log.add(checkInOf(verdict));
          setRecent(await current.log.recent(RECENT));
        } catch {
          // The verdict stands; only the local log missed an entry.
        }
      }
      return verdict;
    },
    [booth, client],
  );

  const exportCsv = useCallback(
    async (): Promise<string> => checkInsToCsv((await storesRef.current?.log.list()) ?? []),
    [],
  );
  const clearLog = useCallback(async () => {
    await storesRef.current?.log.clear();
    setRecent([]);
  }, []);

  return { verify, ready: stores !== undefined, storeError, recent, exportCsv, clearLog };
}

function close({ replayStore, log }: Stores): void {
  void replayStore.close();
  log.close();
}
