import { randomBytes } from "node:crypto";
import * as dagPb from "@ipld/dag-pb";
import { expect } from "chai";
import { UnixFS } from "ipfs-unixfs";
import { importer, type ImporterOptions } from "ipfs-unixfs-importer";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { CID } from "multiformats/cid";
import {
  encodeFileLeaf,
  framedFixedSize,
  withFramedLeaves,
} from "../../ipfs-node/node/framed-leaves.ts";
import {
  KUBO_DEFAULT_CHUNK_SIZE,
  kuboImporterOptions,
} from "../../ipfs-node/node/kubo-import-options.ts";
import { readFileRange } from "../../ipfs-node/node/read-file-range.ts";
import { DurableFsBlockstore } from "../../ipfs-node/store/durable-fs-blockstore.ts";
import { collect, makeTempDir, removeDir } from "./helpers.ts";

/** Keeps the very buffers it is given, as an in-memory blockstore does. */
class MapBlockstore {
  readonly blocks = new Map<string, Uint8Array>();
  async put(cid: CID, bytes: Uint8Array): Promise<CID> {
    this.blocks.set(cid.toString(), bytes);
    return cid;
  }
  get(cid: CID): Uint8Array {
    const bytes = this.blocks.get(cid.toString());
    if (!bytes) throw Object.assign(new Error(`missing ${cid}`), { name: "NotFoundError" });
    return bytes;
  }
}

async function* asAsync(pieces: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* pieces;
}

/** Splits `bytes` into pieces of the given sizes, cycling, as a network or file stream would. */
function* inPieces(bytes: Uint8Array, sizes: number[]): Generator<Uint8Array> {
  let offset = 0;
  for (let index = 0; offset < bytes.length; index++) {
    const size = sizes[index % sizes.length]!;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

async function importWith(
  bytes: Uint8Array,
  options: ImporterOptions,
  blockstore: { put(cid: CID, bytes: Uint8Array): Promise<CID> } = new MapBlockstore(),
  pieceSizes = [65_536],
): Promise<CID> {
  let root: CID | undefined;
  for await (const entry of importer(
    [{ content: inPieces(bytes, pieceSizes) }],
    blockstore,
    options,
  )) {
    root = entry.cid;
  }
  return root!;
}

describe("embedded IPFS node: framed leaves (the copy-free import path)", () => {
  describe("encodeFileLeaf", () => {
    // Every varint length class of the chunk and of the UnixFS message around it.
    const lengths = [1, 2, 100, 115, 116, 127, 128, 129, 16_372, 16_373, 16_383, 16_384];
    lengths.push(16_385, 262_143, 262_144, 1_048_576);
    for (const length of lengths) {
      it(`gives the stock encoding's bytes for a ${length}-byte chunk`, async () => {
        const data = randomBytes(length);
        const chunks = await collect(framedFixedSize(length)(asAsync([data])));
        const framedChunk = await firstChunk(framedFixedSize(length)(asAsync([data])));
        expect(Buffer.from(chunks)).to.deep.equal(data);
        const unixfs = new UnixFS({ type: "file", data: framedChunk });
        const stock = dagPb.encode({ Data: unixfs.marshal(), Links: [] });
        expect(Buffer.from(encodeFileLeaf(framedChunk, unixfs))).to.deep.equal(Buffer.from(stock));
      });
    }

    it("falls back to the stock encoders for a chunk it did not frame", () => {
      const data = randomBytes(1000);
      const unixfs = new UnixFS({ type: "file", data });
      const stock = dagPb.encode({ Data: unixfs.marshal(), Links: [] });
      expect(Buffer.from(encodeFileLeaf(data, unixfs))).to.deep.equal(Buffer.from(stock));
    });
  });

  describe("framedFixedSize", () => {
    it("cuts the same chunk boundaries as the stock fixed-size chunker, whatever the pieces", async () => {
      const bytes = randomBytes(10_000);
      const { fixedSize } = await import("ipfs-unixfs-importer/chunker");
      const stock = (
        await chunksOf(fixedSize({ chunkSize: 1000 })(asAsync(inPieces(bytes, [7]))))
      ).map((chunk) => chunk.length);
      for (const pieces of [[7], [1000], [999, 2], [4096], [10_000]]) {
        const framed = await chunksOf(framedFixedSize(1000)(asAsync(inPieces(bytes, pieces))));
        expect(framed.map((chunk) => chunk.length)).to.deep.equal(stock);
        expect(Buffer.concat(framed)).to.deep.equal(bytes);
      }
    });

    it("yields one empty chunk for an empty file, like the stock chunker", async () => {
      const chunks = await chunksOf(framedFixedSize(1000)(asAsync([])));
      expect(chunks.map((chunk) => chunk.length)).to.deep.equal([0]);
    });
  });

  describe("withFramedLeaves in the importer", () => {
    const sizes = [0, 1, 1000, KUBO_DEFAULT_CHUNK_SIZE, KUBO_DEFAULT_CHUNK_SIZE + 1, 3_000_000];
    for (const size of sizes) {
      it(`gives the stock importer's CID and blocks for ${size} bytes`, async () => {
        const bytes = randomBytes(size);
        const stockStore = new MapBlockstore();
        const framedStore = new MapBlockstore();
        const stock = await importWith(bytes, kuboImporterOptions(), stockStore);
        const framed = await importWith(
          bytes,
          withFramedLeaves(kuboImporterOptions(), KUBO_DEFAULT_CHUNK_SIZE, {
            recycleFrames: false,
          }),
          framedStore,
          [65_536, 13, 200_000],
        );
        expect(framed.toString()).to.equal(stock.toString());
        expect([...framedStore.blocks.keys()].sort()).to.deep.equal(
          [...stockStore.blocks.keys()].sort(),
        );
        for (const [key, block] of stockStore.blocks) {
          expect(Buffer.from(framedStore.blocks.get(key)!).equals(block), key).to.equal(true);
        }
      });
    }

    it("reads back byte for byte from a disk store written with recycled frames", async () => {
      // 1000-byte chunks, 4 links per node: 1,500 leaves six layers deep, frames reused all along.
      const bytes = randomBytes(1_500_000);
      const options = {
        ...kuboImporterOptions({ chunkSize: 1000 }),
        layout: balanced({ maxChildrenPerNode: 4 }),
      };
      const dir = await makeTempDir();
      try {
        const blockstore = new DurableFsBlockstore(dir);
        await blockstore.open();
        const stock = await importWith(bytes, options);
        const framed = await importWith(
          bytes,
          withFramedLeaves(options, 1000, { recycleFrames: true }),
          blockstore,
          [333, 4096],
        );
        expect(framed.toString()).to.equal(stock.toString());
        const read = await collect(
          readFileRange(blockstore, framed, 0, bytes.length, { readAhead: 8 }),
        );
        expect(Buffer.from(read).equals(bytes)).to.equal(true);
      } finally {
        await removeDir(dir);
      }
    });

    it("keeps every block intact in a store that holds the buffers, without recycling", async () => {
      const bytes = randomBytes(600_000);
      const options = kuboImporterOptions({ chunkSize: 1000 });
      const blockstore = new MapBlockstore();
      const root = await importWith(
        bytes,
        withFramedLeaves(options, 1000, { recycleFrames: false }),
        blockstore,
      );
      const read = await collect(
        readFileRange(blockstore, root, 0, bytes.length, { readAhead: 8 }),
      );
      expect(Buffer.from(read).equals(bytes)).to.equal(true);
    });

    it("leaves raw-leaf (CIDv1) imports to the stock path", () => {
      const options = kuboImporterOptions({ cidVersion: 1 });
      expect(withFramedLeaves(options, KUBO_DEFAULT_CHUNK_SIZE, { recycleFrames: true })).to.equal(
        options,
      );
    });
  });
});

async function chunksOf(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(Uint8Array.from(chunk));
  return chunks;
}

async function firstChunk(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  for await (const chunk of source) return chunk;
  throw new Error("the chunker yielded nothing");
}
