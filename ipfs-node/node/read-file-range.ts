import * as dagPb from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { identity } from "multiformats/hashes/identity";

/** What the reader needs of a blockstore: one block's bytes, or a `NotFoundError`. */
export type BlockSource = {
  get(cid: CID, options?: { signal?: AbortSignal }): AsyncIterable<Uint8Array> | Uint8Array;
};

export type ReadRangeOptions = {
  /** Blocks fetched ahead of the one being sent: the memory bound is this many blocks. */
  readAhead: number;
  signal?: AbortSignal | undefined;
  /**
   * The root, already decoded by whoever resolved it (the exporter): saves reading it again. A raw
   * root is its bytes; a dag-pb root its node and UnixFS data.
   */
  root?: Uint8Array | { node: dagPb.PBNode; unixfs: UnixFS } | undefined;
};

type DecodedNode = { data: Uint8Array | undefined; children: Pending[] };

/** A DAG that is not a well-formed UnixFS file (bad sizes, unknown codec, wrong node type). */
export class NotUnixFsFileError extends Error {
  override name = "NotUnixFSError";
}

type Pending = {
  cid: CID;
  /** Position of this node's first byte in the file. */
  start: number;
  /** Bytes of file content under this node (from the parent's blocksizes). */
  size: number;
  block?: Promise<Uint8Array>;
};

/**
 * Streams bytes `[offset, offset + length)` of a UnixFS file (dag-pb and raw leaves, any layout)
 * in order, with up to `readAhead` block reads in flight and nothing read beyond them: a slow
 * reader holds at most that many blocks, whatever the file's size.
 *
 * Why not ipfs-unixfs-exporter's `content()`: it walks the whole DAG into an unbounded queue
 * regardless of how fast the consumer reads, and copies every block once more on the way.
 *
 * @example
 * for await (const chunk of readFileRange(blockstore, root, 0, size, { readAhead: 32 })) res.write(chunk)
 */
export async function* readFileRange(
  blockstore: BlockSource,
  root: CID,
  offset: number,
  length: number,
  options: ReadRangeOptions,
): AsyncGenerator<Uint8Array> {
  const end = offset + length;
  if (length <= 0) return;
  const queue: Pending[] = [{ cid: root, start: 0, size: Number.POSITIVE_INFINITY }];
  // Used for the first block only: the root, when the caller already decoded it.
  let decoded = options.root === undefined ? undefined : describeRoot(root, options.root);
  let sent = 0;
  while (queue.length > 0) {
    options.signal?.throwIfAborted();
    for (let index = decoded ? 1 : 0; index < Math.min(options.readAhead, queue.length); index++) {
      const pending = queue[index]!;
      pending.block ??= readBlock(blockstore, pending.cid, options.signal);
      // A rejected read ahead is reported when its turn comes, not as an unhandled rejection.
      pending.block.catch(() => undefined);
    }
    const current = queue.shift()!;
    const { data, children } =
      decoded ?? decodeNode(current.cid, await current.block!, current.start);
    decoded = undefined;
    let position = current.start;
    if (data !== undefined) {
      const from = Math.max(offset - position, 0);
      const to = Math.min(end - position, data.length);
      if (to > from) {
        const slice = data.subarray(from, to);
        sent += slice.length;
        yield slice;
      }
      position += data.length;
    }
    const wanted: Pending[] = [];
    for (const child of children) {
      if (child.start + child.size > offset && child.start < end) wanted.push(child);
      position = child.start + child.size;
    }
    if (current.size !== Number.POSITIVE_INFINITY && position - current.start !== current.size) {
      throw new NotUnixFsFileError(
        `block ${current.cid} holds ${position - current.start} bytes, its parent says ${current.size}`,
      );
    }
    queue.unshift(...wanted);
  }
  if (sent !== length) {
    throw new NotUnixFsFileError(`read ${sent} bytes of ${root}, expected ${length}`);
  }
}

async function readBlock(
  blockstore: BlockSource,
  cid: CID,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  if (cid.multihash.code === identity.code) return cid.multihash.digest;
  const result = blockstore.get(cid, { signal });
  if (result instanceof Uint8Array) return result;
  const pieces: Uint8Array[] = [];
  for await (const piece of result) pieces.push(piece);
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}

function decodeNode(cid: CID, block: Uint8Array, start: number): DecodedNode {
  if (cid.code === raw.code) return { data: block, children: [] };
  if (cid.code !== dagPb.code)
    throw new NotUnixFsFileError(`unsupported codec 0x${cid.code.toString(16)} in ${cid}`);
  const node = dagPb.decode(block);
  if (node.Data === undefined) throw new NotUnixFsFileError(`no data in ${cid}`);
  let unixfs: UnixFS;
  try {
    unixfs = UnixFS.unmarshal(node.Data);
  } catch (error) {
    throw new NotUnixFsFileError(`${cid} is not UnixFS: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return describeFileNode(cid, node, unixfs, start);
}

function describeRoot(cid: CID, root: NonNullable<ReadRangeOptions["root"]>): DecodedNode {
  if (root instanceof Uint8Array) return decodeNode(cid, root, 0);
  return describeFileNode(cid, root.node, root.unixfs, 0);
}

/** A file node's own data and its children's positions, after checking it is a file. */
function describeFileNode(
  cid: CID,
  node: dagPb.PBNode,
  unixfs: UnixFS,
  start: number,
): DecodedNode {
  if (unixfs.type !== "file" && unixfs.type !== "raw") {
    throw new NotUnixFsFileError(`${cid} is a UnixFS ${unixfs.type}, not a file`);
  }
  if (node.Links.length !== unixfs.blockSizes.length) {
    throw new NotUnixFsFileError(
      `${cid}: ${node.Links.length} links but ${unixfs.blockSizes.length} block sizes`,
    );
  }
  const data = unixfs.data !== undefined && unixfs.data.length > 0 ? unixfs.data : undefined;
  let position = start + (data?.length ?? 0);
  const children = node.Links.map((link, index) => {
    const size = Number(unixfs.blockSizes[index]);
    const child = { cid: link.Hash, start: position, size };
    position += size;
    return child;
  });
  return { data, children };
}
