import { open } from "node:fs/promises";
import path from "node:path";

const FSYNC_CONCURRENCY = 32;

/**
 * fsyncs every file, then every directory holding them (a rename is only durable once its
 * directory is synced). Missing files are skipped: a block deleted meanwhile needs no flush.
 *
 * @example
 * await fsyncPaths(["/data/blocks/AB/CIQ…data"], ["/data/blocks"])
 */
export async function fsyncPaths(
  files: Iterable<string>,
  extraDirs: Iterable<string> = [],
): Promise<void> {
  const fileList = [...files];
  const dirs = new Set<string>(extraDirs);
  for (const file of fileList) dirs.add(path.dirname(file));
  await runLimited(fileList, (file) => syncOne(file, "r"));
  await runLimited([...dirs], (dir) => syncOne(dir, "r"));
}

async function syncOne(target: string, flags: string): Promise<void> {
  let handle;
  try {
    handle = await open(target, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function runLimited<T>(items: T[], job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await job(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(FSYNC_CONCURRENCY, items.length) }, worker));
}
