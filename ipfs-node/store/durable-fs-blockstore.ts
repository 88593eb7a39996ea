import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { AbortOptions } from "@libp2p/interface";
import { FsBlockstore } from "blockstore-fs";
import { NextToLast } from "blockstore-fs/sharding";
import type { CID } from "multiformats/cid";
import { fsyncPaths } from "./fsync-paths.ts";

/**
 * blockstore-fs (same on-disk layout) plus an explicit durability barrier: blockstore-fs writes
 * through steno (temp file + rename) and never fsyncs, so a power cut after our reply could lose
 * an acknowledged block, or leave an empty file under a block's name.
 *
 * `put` of bytes writes a temp file, fdatasyncs it and renames it into place, so a block file
 * either holds its whole content or does not exist; the syncs run in parallel on libuv's pool
 * while the importer hashes the next chunks. `flush()` then only syncs the directories the renames
 * touched (and any file written through the stock streaming path), once per request.
 *
 * `get` reads a block in one call: blocks are at most a chunk (256 KiB–1 MiB) and one buffer is
 * much cheaper for the exporter than blockstore-fs's 64 KiB read-stream pieces.
 */
export class DurableFsBlockstore extends FsBlockstore {
  readonly #sharding: NextToLast;
  /** Files written without a sync (streamed puts), synced by `flush()`. */
  #pendingFiles = new Set<string>();
  /** Directories holding renames not yet made durable. */
  #pendingDirs = new Set<string>();
  /** Shard directories known to exist: one `mkdir` per directory, not per block. */
  readonly #knownDirs = new Set<string>();
  #tempCounter = 0;

  constructor(location: string) {
    const sharding = new NextToLast();
    super(location, { shardingStrategy: sharding });
    this.#sharding = sharding;
  }

  #fileOf(key: CID): string {
    const { dir, file } = this.#sharding.encode(key);
    return path.join(this.path, dir, file);
  }

  override async put(
    key: CID,
    val: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
    options?: AbortOptions,
  ): Promise<CID> {
    options?.signal?.throwIfAborted();
    const file = this.#fileOf(key);
    if (!(val instanceof Uint8Array)) {
      // Content addressing: an existing file already holds these exact bytes.
      if (await this.has(key, options)) return key;
      const cid = await super.put(key, val, options);
      this.#pendingFiles.add(file);
      return cid;
    }
    const dir = path.dirname(file);
    if (!this.#knownDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#knownDirs.add(dir);
    }
    // Renaming over an existing copy is harmless (same bytes) and cheaper than asking first.
    const temp = `${file}.${process.pid}-${this.#tempCounter++}.tmp`;
    try {
      const handle = await open(temp, "w");
      try {
        await handle.writeFile(val);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.#pendingDirs.add(dir);
    return key;
  }

  override async *get(key: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    options?.signal?.throwIfAborted();
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#fileOf(key), { signal: options?.signal });
    } catch (error) {
      // Helia and the exporter tell "missing" apart by this name (interface-store's NotFoundError).
      throw Object.assign(new Error(`Block not found: ${key}`, { cause: error }), {
        name: "NotFoundError",
      });
    }
    yield bytes;
  }

  /** Makes every block written so far survive a crash or power loss. */
  async flush(): Promise<void> {
    if (this.#pendingFiles.size === 0 && this.#pendingDirs.size === 0) return;
    const files = this.#pendingFiles;
    const dirs = this.#pendingDirs;
    this.#pendingFiles = new Set();
    this.#pendingDirs = new Set();
    await fsyncPaths(files, [this.path, ...dirs]);
  }
}
