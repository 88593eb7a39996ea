import type { AbortOptions } from "@libp2p/interface";
import { FsDatastore } from "datastore-fs";
import type { Key } from "interface-datastore";
import { fsyncPaths } from "./fsync-paths.ts";

/**
 * datastore-fs plus `flush()`: pins live here, and datastore-fs never fsyncs, so an acknowledged
 * pin could vanish on power loss. Deletes are flushed too (the directory entry must go for an
 * unpin to stick).
 */
export class DurableFsDatastore extends FsDatastore {
  #pendingFiles = new Set<string>();
  #pendingDirs = new Set<string>();

  override async put(key: Key, val: Uint8Array, options?: AbortOptions): Promise<Key> {
    const written = await super.put(key, val, options);
    const { dir, file } = this._encode(key);
    this.#pendingFiles.add(file);
    this.#pendingDirs.add(dir);
    return written;
  }

  override async delete(key: Key, options?: AbortOptions): Promise<void> {
    await super.delete(key, options);
    this.#pendingDirs.add(this._encode(key).dir);
  }

  /** Makes every put and delete so far survive a crash or power loss. */
  async flush(): Promise<void> {
    if (this.#pendingFiles.size === 0 && this.#pendingDirs.size === 0) return;
    const files = this.#pendingFiles;
    const dirs = this.#pendingDirs;
    this.#pendingFiles = new Set();
    this.#pendingDirs = new Set();
    dirs.add(this.path);
    await fsyncPaths(files, dirs);
  }
}
