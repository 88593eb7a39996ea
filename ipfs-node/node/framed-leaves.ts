import * as dagPb from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import type { BufferImporter, BufferImporterResult, ImporterOptions } from "ipfs-unixfs-importer";
import type { Chunker } from "ipfs-unixfs-importer/chunker";
import { varint } from "multiformats";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { CustomProgressEvent } from "progress-events";

/**
 * The import hot path without its copies. Stock ipfs-unixfs-importer copies every chunk three
 * times (the chunker's Uint8ArrayList, UnixFS.marshal, dagPb.encode) and the garbage collector then
 * spends as long as the hashing. Here the chunker assembles each chunk straight into a buffer with
 * room around it, and the leaf importer writes the few protobuf header bytes into that room, so a
 * leaf costs one copy. The bytes are identical to the stock encoding (tested for every length
 * class); anything this path does not recognise goes through the stock encoders.
 */

export type FramedLeavesOptions = {
  /**
   * Reuse a chunk's buffer once its leaf is written. Only for blockstores that copy the bytes out
   * during `put` (a disk store, a hash-only run): one that keeps the buffer itself, like an
   * in-memory store, would see its blocks overwritten.
   */
  recycleFrames: boolean;
};

/**
 * `options` with the framed chunker and leaf importer in place of the stock ones, when the leaves
 * are UnixFS `file` nodes (raw leaves are stored as they come, with no copy to save).
 *
 * @example
 * importer(parts, diskStore, withFramedLeaves(kuboImporterOptions(), 262_144, { recycleFrames: true }))
 */
export function withFramedLeaves(
  options: ImporterOptions,
  chunkSize: number,
  framing: FramedLeavesOptions,
): ImporterOptions {
  if (options.rawLeaves) return options;
  return {
    ...options,
    chunker: framedFixedSize(chunkSize),
    bufferImporter: framedLeafImporter(options, framing),
  };
}

/** Bytes before a chunk: dag-pb Data tag + length, UnixFS Type, Data tag + length (varints <= 5). */
const HEAD_ROOM = 16;
/** Bytes after a chunk: UnixFS filesize tag + varint. */
const TAIL_ROOM = 8;

/** Chunks this chunker produced, so the leaf importer knows the room around them is its own. */
const framed = new WeakSet<Uint8Array>();

/**
 * Frames whose leaf is on disk, kept for the next chunks: a fresh 256 KiB buffer per chunk costs
 * page faults and, through V8's external-memory accounting, a full garbage collection every few
 * megabytes; reusing them took a third off the node's CPU time per upload.
 */
const spareFrames: Uint8Array[] = [];
/** At most this many bytes of spare frames are kept (64 default-size frames). */
const SPARE_FRAME_BYTES = 16 * 1024 * 1024;
let spareBytes = 0;

/**
 * Fixed-size chunker (same boundaries as ipfs-unixfs-importer's `fixedSize`) that copies the
 * incoming pieces once, into a buffer with head and tail room for the leaf's protobuf framing.
 */
export function framedFixedSize(chunkSize: number): Chunker {
  return async function* framedFixedSizeChunker(source) {
    // Taken when the first byte of a chunk arrives, so input ending on a boundary takes none.
    let frame: Uint8Array | undefined;
    let filled = 0;
    let emitted = false;
    for await (const piece of source) {
      let offset = 0;
      while (offset < piece.length) {
        frame ??= newFrame(chunkSize);
        const take = Math.min(chunkSize - filled, piece.length - offset);
        frame.set(piece.subarray(offset, offset + take), HEAD_ROOM + filled);
        filled += take;
        offset += take;
        if (filled === chunkSize) {
          yield frameChunk(frame, chunkSize);
          emitted = true;
          frame = undefined;
          filled = 0;
        }
      }
    }
    // An empty file is one empty chunk, as with the stock chunker.
    if (!emitted || filled > 0) yield frameChunk(frame ?? newFrame(chunkSize), filled);
  };
}

function newFrame(chunkSize: number): Uint8Array {
  const size = HEAD_ROOM + chunkSize + TAIL_ROOM;
  const index = spareFrames.findIndex((frame) => frame.length === size);
  if (index >= 0) {
    const [frame] = spareFrames.splice(index, 1);
    spareBytes -= size;
    return frame!;
  }
  // allocUnsafeSlow: a dedicated, uninitialised buffer (never a slice of Node's shared pool), so
  // the whole ArrayBuffer is the frame and can be handed back as one.
  return Buffer.allocUnsafeSlow(size);
}

/**
 * Gives a chunk's frame back once its leaf is on disk. Only for chunks the importer keeps no bytes
 * of: it keeps the first leaf's block (it may be the whole file) and, of the others, reads only
 * the length of `unixfs.data`.
 */
function releaseFrame(chunk: Uint8Array): void {
  if (!framed.has(chunk)) return;
  framed.delete(chunk);
  const frame = new Uint8Array(chunk.buffer);
  if (spareBytes + frame.length > SPARE_FRAME_BYTES) return;
  spareFrames.push(frame);
  spareBytes += frame.length;
}

function frameChunk(frame: Uint8Array, length: number): Uint8Array {
  const chunk = new Uint8Array(frame.buffer, frame.byteOffset + HEAD_ROOM, length);
  framed.add(chunk);
  return chunk;
}

type LeafOptions = Pick<ImporterOptions, "cidVersion" | "leafType" | "onProgress">;

/**
 * The importer's `bufferImporter` for framed chunks: each UnixFS leaf is encoded in place and
 * hashed with the same sha256 as the stock importer. Raw leaves never come here (see
 * `withFramedLeaves`).
 */
function framedLeafImporter(options: LeafOptions, framing: FramedLeavesOptions): BufferImporter {
  const cidVersion = options.cidVersion ?? 0;
  return async function* leafImporter(file, blockstore) {
    let bytesWritten = 0n;
    let leafCount = 0;
    const importLeaf = async (chunk: Uint8Array): Promise<BufferImporterResult> => {
      const leafIndex = leafCount++;
      const unixfs = new UnixFS({ type: options.leafType ?? "file", data: chunk });
      const block = encodeFileLeaf(chunk, unixfs);
      const digest = await sha256.digest(block);
      const cid = cidVersion === 0 ? CID.createV0(digest) : CID.createV1(dagPb.code, digest);
      await blockstore.put(cid, block);
      if (framing.recycleFrames && leafIndex > 0) releaseFrame(chunk);
      bytesWritten += BigInt(block.byteLength);
      options.onProgress?.(
        new CustomProgressEvent("unixfs:importer:progress:file:write", {
          bytesWritten,
          cid,
          path: file.path,
        }),
      );
      return { cid, unixfs, size: BigInt(block.length), block };
    };
    for await (const chunk of file.content) {
      // Started as soon as the chunk exists, so hashing and writing overlap with receiving the
      // next chunks; the importer's batch (blockWriteConcurrency) still bounds how many run.
      const leaf = importLeaf(chunk);
      leaf.catch(() => undefined); // reported when the importer awaits it
      yield () => leaf;
    }
  };
}

/**
 * `dagPb.encode({ Data: unixfs.marshal(), Links: [] })` for a `file` leaf holding `data`:
 * `0a L | 08 02 | 12 n <data> | 18 n` (PBNode.Data; UnixFS Type=File, Data, filesize).
 */
export function encodeFileLeaf(data: Uint8Array, unixfs: UnixFS): Uint8Array {
  if (!framed.has(data) || data.length === 0 || unixfs.type !== "file") {
    return dagPb.encode({ Data: unixfs.marshal(), Links: [] });
  }
  const n = data.length;
  const nLength = varint.encodingLength(n);
  const unixfsLength = 2 + 1 + nLength + n + 1 + nLength;
  const start = data.byteOffset - (1 + varint.encodingLength(unixfsLength) + 2 + 1 + nLength);
  const end = data.byteOffset + n + 1 + nLength;
  const block = new Uint8Array(data.buffer, start, end - start);
  let at = 0;
  block[at++] = 0x0a; // PBNode field 1 (Data), length-delimited
  varint.encodeTo(unixfsLength, block, at);
  at += varint.encodingLength(unixfsLength);
  block[at++] = 0x08; // UnixFS field 1 (Type), varint
  block[at++] = 0x02; // Type = File
  block[at++] = 0x12; // UnixFS field 2 (Data), length-delimited
  varint.encodeTo(n, block, at);
  at += nLength + n; // the chunk is already in place
  block[at++] = 0x18; // UnixFS field 3 (filesize), varint
  varint.encodeTo(n, block, at);
  return block;
}
