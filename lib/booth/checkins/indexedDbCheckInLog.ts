import type { CheckIn } from "./checkIn.ts";

/** A booth's local check-in log. */
export interface CheckInLog {
  add(checkIn: CheckIn): Promise<void>;
  /** Every entry, oldest first. */
  list(): Promise<CheckIn[]>;
  /** The newest `count` entries, newest first. */
  recent(count: number): Promise<CheckIn[]>;
  clear(): Promise<void>;
  close(): void;
}

export type CreateIndexedDbCheckInLogParameters = {
  /** One database per booth identity, e.g. `biodental-booth-checkins-31337-0x…-0x…`. */
  databaseName: string;
  indexedDB?: IDBFactory | undefined;
};

const STORE = "checkIns";

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * The kiosk's check-in log in IndexedDB: it stays on the tablet (the protocol writes nothing
 * on-chain and sends nothing anywhere), survives reloads, and exports as CSV.
 *
 * @example
 * const log = await createIndexedDbCheckInLog({ databaseName: "biodental-booth-checkins-…" })
 * await log.add(checkInOf(verdict))
 */
export async function createIndexedDbCheckInLog({
  databaseName,
  indexedDB = globalThis.indexedDB,
}: CreateIndexedDbCheckInLogParameters): Promise<CheckInLog> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(databaseName, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE, { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

  return {
    async add(checkIn) {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).add(checkIn);
      await done(tx);
    },
    async list() {
      const tx = db.transaction(STORE, "readonly");
      const req = tx.objectStore(STORE).getAll();
      await done(tx);
      return req.result as CheckIn[];
    },
    async recent(count) {
      const tx = db.transaction(STORE, "readonly");
      const out: CheckIn[] = [];
      const req = tx.objectStore(STORE).openCursor(null, "prev");
      req.onsuccess = () => {
        const cursor = req.result;
        if (cursor && out.length < count) {
          out.push(cursor.value as CheckIn);
          cursor.continue();
        }
      };
      await done(tx);
      return out;
    },
    async clear() {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).clear();
      await done(tx);
    },
    close() {
      db.close();
    },
  };
}
