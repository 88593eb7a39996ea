import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AbortOptions } from "@libp2p/interface";
import { FsBlockstore } from "blockstore-fs";
import { NextToLast } from "blockstore-fs/sharding";
import type { CID } from "multiformats/cid";
import { fsyncPaths } from "./fsync-paths.ts";

/**
 * blockstore-fs (same on-disk layout) plus an explicit durability barrier: blockstore-fs writes
 * through steno (temp file + rename) and never fsyncs, so a power cut after our reply could lose
 * an acknowledged block. Written paths are remembered and `flush()` fsyncs them in one batch,
 * which costs one sync per request instead of one per block.
 *
 * `get` reads a block in one call: blocks are at most a chunk (256 KiB–1 MiB) and one buffer is
 * much cheaper for the exporter than blockstore-fs's 64 KiB read-stream pieces.
 */
export class DurableFsBlockstore extends FsBlockstore {
  readonly #sharding: NextToLast;
  #pending = new Set<string>();

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
    // Content addressing: an existing file already holds these exact bytes (deduplicated chunks).
    if (await this.has(key, options)) return key;
    const cid = await super.put(key, val, options);
    this.#pending.add(this.#fileOf(key));
    return cid;
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
    if (this.#pending.size === 0) return;
    const files = this.#pending;
    this.#pending = new Set();
    await fsyncPaths(files, [this.path]);
  }
}
