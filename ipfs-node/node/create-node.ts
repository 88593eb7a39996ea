import path from "node:path";
import { createHeliaLight, type Helia } from "helia";
import { DurableFsBlockstore } from "../store/durable-fs-blockstore.ts";
import { DurableFsDatastore } from "../store/durable-fs-datastore.ts";
import { PinStore } from "../store/pin-store.ts";
import { loadPeerIdentity, type PeerIdentity } from "./peer-identity.ts";

export type IpfsNodeCore = {
  helia: Helia;
  blockstore: DurableFsBlockstore;
  datastore: DurableFsDatastore;
  /** Recursive pins (durable, one fsynced file each); Helia's pinner is not used, see PinStore. */
  pins: PinStore;
  identity: PeerIdentity;
  /** Durability barrier for everything written so far. */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts Helia fully offline: `createHeliaLight` has no libp2p, no routers and no block brokers,
 * so a missing block fails at once instead of being looked for on a network we cannot reach.
 *
 * @example
 * const core = await createNodeCore(".data/ipfs")
 */
export async function createNodeCore(dataDir: string): Promise<IpfsNodeCore> {
  const blockstore = new DurableFsBlockstore(path.join(dataDir, "blocks"));
  const datastore = new DurableFsDatastore(path.join(dataDir, "datastore"));
  await blockstore.open();
  await datastore.open();
  const pins = new PinStore(dataDir);
  await pins.open();
  const identity = await loadPeerIdentity(dataDir);
  const helia = createHeliaLight({ blockstore, datastore });
  await helia.start();
  return {
    helia,
    blockstore,
    datastore,
    pins,
    identity,
    async flush() {
      await blockstore.flush();
      await datastore.flush();
    },
    async stop() {
      await helia.stop();
      await blockstore.close();
      await datastore.close();
    },
  };
}
