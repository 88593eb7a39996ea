import { exporter } from "ipfs-unixfs-exporter";
import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import type { IpfsNodeCore } from "./create-node.ts";
import { asNotFound } from "./not-found.ts";
import { readFileRange } from "./read-file-range.ts";

/**
 * Blocks read ahead while streaming: enough to keep the disk and the socket busy at once, and the
 * whole memory a reader can hold (32 × 256 KiB = 8 MiB; 32 MiB with 1 MiB chunks).
 */
const BLOCK_READ_AHEAD = 32;

export type OpenedFile = {
  size: number;
  /** Streams `[offset, offset + length)` of the file. */
  read(offset: number, length: number, signal?: AbortSignal): AsyncGenerator<Uint8Array>;
};

/**
 * Resolves `cid` (and an optional sub-path) to a UnixFS file or raw block without touching any
 * network: unknown CIDs fail immediately with a 404.
 *
 * @example
 * const file = await openFile(core, cid); for await (const chunk of file.read(0, file.size)) …
 */
export async function openFile(
  core: IpfsNodeCore,
  cid: CID,
  subPath: string | undefined,
  signal?: AbortSignal,
): Promise<OpenedFile> {
  const target = subPath === undefined ? cid : `${cid}/${subPath}`;
  let entry;
  try {
    // Straight to the disk store: Helia's wrapper adds an existence check and a GC lock per block,
    // and there is nothing it could fetch for us offline anyway.
    entry = await exporter(target, core.blockstore, { offline: true, signal });
  } catch (error) {
    if (
      error instanceof Error &&
      error.name === "NotFoundError" &&
      subPath !== undefined &&
      !/block/i.test(error.message)
    ) {
      throw new HttpError(404, `no link named "${subPath}" under ${cid}`, { cause: error });
    }
    throw asNotFound(error, target.toString());
  }
  if (entry.type === "directory") throw new HttpError(400, "this dag node is a directory");
  if (entry.type !== "file" && entry.type !== "raw" && entry.type !== "identity") {
    throw new HttpError(400, "this dag node is not a regular file");
  }
  const content =
    entry.type === "identity"
      ? (offset: number, length: number) => entry.content({ offset, length })
      : (offset: number, length: number, readSignal?: AbortSignal) =>
          readFileRange(core.blockstore, entry.cid, offset, length, {
            readAhead: BLOCK_READ_AHEAD,
            signal: readSignal,
            // The exporter has just read and decoded the root: no second read of it.
            root: entry.type === "raw" ? entry.node : { node: entry.node, unixfs: entry.unixfs },
          });
  return {
    size: Number(entry.size),
    async *read(offset, length, readSignal) {
      if (length === 0) return;
      try {
        yield* content(offset, length, readSignal);
      } catch (error) {
        throw asNotFound(error, target.toString());
      }
    },
  };
}
