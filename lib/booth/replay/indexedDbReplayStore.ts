import type { Hex } from "viem";
import { ReplayStoreError } from "../errors.ts";
import { type ReplayStore, normalizeChallenge, nowSeconds } from "./replayStore.ts";

export type CreateIndexedDbReplayStoreParameters = {
  /** One database per booth identity, e.g. `biodental-booth-replay-31337-0x…-0x…`. */
  databaseName: string;
  /** Defaults to `globalThis.indexedDB`; tests pass fake-indexeddb's factory. */
  indexedDB?: IDBFactory | undefined;
  now?: (() => number) | undefined;
};

const STORE = "challenges";
const BY_KEEP_UNTIL = "keepUntil";

type Entry = { challenge: string; keepUntil: number };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: "challenge" });
      store.createIndex(BY_KEEP_UNTIL, "keepUntil");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error(`IndexedDB ${name} is blocked by another tab`));
  });
}

/**
 * A replay store in IndexedDB, for the kiosk page: it survives a reload or a crashed tablet, and
 * the read-then-write of a claim runs in one readwrite transaction, which IndexedDB serialises
 * against every other one on the store (other tabs included), so a claim is atomic.
 *
 * @example
 * const replayStore = await createIndexedDbReplayStore({ databaseName: `biodental-booth-replay-${chainId}-${contract}-${booth}` })
 */
export async function createIndexedDbReplayStore({
  databaseName,
  indexedDB = globalThis.indexedDB,
  now = nowSeconds,
}: CreateIndexedDbReplayStoreParameters): Promise<ReplayStore> {
  if (indexedDB === undefined)
    throw new ReplayStoreError({ details: "IndexedDB is not available in this browser" });
  let db: IDBDatabase;
  try {
    db = await openDatabase(indexedDB, databaseName);
  } catch (cause) {
    throw new ReplayStoreError({ cause, details: `cannot open IndexedDB ${databaseName}` });
  }

  async function claim(challenge: Hex, keepUntil: number): Promise<boolean> {
    const key = normalizeChallenge(challenge);
    return new Promise<boolean>((resolve, reject) => {
      let fresh = false;
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      const get = store.get(key);
      get.onsuccess = () => {
        const existing = get.result as Entry | undefined;
        if (existing !== undefined && existing.keepUntil >= now()) return;
        fresh = true;
        store.put({ challenge: key, keepUntil } satisfies Entry);
      };
      // Resolve only once the write is committed: a claim that was not stored must not admit.
      tx.oncomplete = () => resolve(fresh);
      tx.onerror = () =>
        reject(new ReplayStoreError({ cause: tx.error, details: "IndexedDB claim failed" }));
      tx.onabort = () =>
        reject(new ReplayStoreError({ cause: tx.error, details: "IndexedDB claim aborted" }));
    });
  }

  async function prune(): Promise<void> {
    const tx = db.transaction(STORE, "readwrite");
    const range = IDBKeyRange.upperBound(now(), true);
    const keys = await request(tx.objectStore(STORE).index(BY_KEEP_UNTIL).getAllKeys(range));
    for (const key of keys) tx.objectStore(STORE).delete(key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }

  await prune().catch(() => undefined);
  return {
    claim,
    async prune() {
      try {
        await prune();
      } catch (cause) {
        throw new ReplayStoreError({ cause, details: "IndexedDB prune failed" });
      }
    },
    async close() {
      db.close();
    },
  };
}
