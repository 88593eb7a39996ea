import { closeSync, fdatasyncSync, openSync, writeSync } from "node:fs";
import { mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Hex } from "viem";
import { ReplayStoreError } from "../errors.ts";
import { type ReplayStore, normalizeChallenge, nowSeconds } from "./replayStore.ts";

export type CreateFileReplayStoreParameters = {
  /** A directory of this booth's own (one per chain, contract and booth address). */
  directory: string;
  /**
   * fsync each claim, so a seen challenge also survives a power cut, not just a restart of the
   * process (the page cache covers that). Costs a disk flush per valid scan.
   */
  durable?: boolean | undefined;
  now?: (() => number) | undefined;
};

const NAME = /^[0-9a-f]{64}$/;

/**
 * A replay store on disk, for the command-line booth: one file per challenge, created with
 * `O_CREAT | O_EXCL`, so the claim is atomic even between processes (two terminals verifying the
 * same QR code at once) and survives a restart. The file holds `keepUntil`; expired files are
 * removed when the store opens and by `prune`.
 *
 * @example
 * const replayStore = await createFileReplayStore({ directory: ".data/booth/replay/31337-0x…-0x…" })
 */
export async function createFileReplayStore({
  directory,
  durable = false,
  now = nowSeconds,
}: CreateFileReplayStoreParameters): Promise<ReplayStore> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (cause) {
    throw new ReplayStoreError({ cause, details: `cannot create ${directory}` });
  }

  /** The recorded keepUntil of `path`, or +Infinity while a concurrent claimer is still writing it. */
  async function keepUntilOf(path: string): Promise<number | undefined> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const value = Number.parseInt(text, 10);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  }

  async function claim(challenge: Hex, keepUntil: number, retry: boolean): Promise<boolean> {
    const path = join(directory, normalizeChallenge(challenge));
    try {
      // Synchronous on purpose: three syscalls of microseconds each, where the promise API would
      // take three hops through libuv's thread pool on the verification's critical path.
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, String(keepUntil));
        if (durable) fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new ReplayStoreError({
          cause: error,
          details: `cannot record a challenge in ${directory}`,
        });
      }
    }
    const existing = await keepUntilOf(path);
    if (existing !== undefined && existing >= now()) return false;
    if (!retry) return false;
    // Long expired (or removed meanwhile): forget it and claim afresh, once.
    await unlink(path).catch(() => undefined);
    return claim(challenge, keepUntil, false);
  }

  async function prune(): Promise<void> {
    const t = now();
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (cause) {
      throw new ReplayStoreError({ cause, details: `cannot read ${directory}` });
    }
    for (const name of names) {
      if (!NAME.test(name)) continue;
      const path = join(directory, name);
      const keepUntil = await keepUntilOf(path).catch(() => undefined);
      if (keepUntil === undefined) continue;
      // An empty file is a claim cut short by a crash; an hour later no presentation can use it.
      let expired = keepUntil < t;
      if (keepUntil === Number.POSITIVE_INFINITY) {
        const info = await stat(path).catch(() => undefined);
        expired = info !== undefined && info.mtimeMs / 1000 < t - 3600;
      }
      if (expired) await unlink(path).catch(() => undefined);
    }
  }

  await prune();
  return {
    claim: (challenge, keepUntil) =>
      claim(challenge, keepUntil, true).catch((error: unknown) => {
        throw error instanceof ReplayStoreError ? error : new ReplayStoreError({ cause: error });
      }),
    prune,
    async close() {},
  };
}
