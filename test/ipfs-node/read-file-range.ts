import { randomBytes } from "node:crypto";
import * as dagPb from "@ipld/dag-pb";
import { expect } from "chai";
import { UnixFS } from "ipfs-unixfs";
import { importer, type ImporterOptions } from "ipfs-unixfs-importer";
import { balanced } from "ipfs-unixfs-importer/layout";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { kuboImporterOptions } from "../../ipfs-node/node/kubo-import-options.ts";
import { NotUnixFsFileError, readFileRange } from "../../ipfs-node/node/read-file-range.ts";
import { collect } from "./helpers.ts";

/** An in-memory store that counts reads, to see how far ahead the reader goes. */
class CountingBlockstore {
  readonly blocks = new Map<string, Uint8Array>();
  reads = 0;
  async put(cid: CID, bytes: Uint8Array): Promise<CID> {
    this.blocks.set(cid.toString(), Uint8Array.from(bytes));
    return cid;
  }
  get(cid: CID): Uint8Array {
    this.reads++;
    const bytes = this.blocks.get(cid.toString());
    if (!bytes)
      throw Object.assign(new Error(`Block not found: ${cid}`), { name: "NotFoundError" });
    return bytes;
  }
}

async function importInto(
  blockstore: CountingBlockstore,
  bytes: Uint8Array,
  options: ImporterOptions,
): Promise<CID> {
  let root: CID | undefined;
  for await (const entry of importer([{ content: bytes }], blockstore, options)) root = entry.cid;
  return root!;
}

async function putNode(blockstore: CountingBlockstore, unixfs: UnixFS, links: CID[] = []) {
  const block = dagPb.encode({
    Data: unixfs.marshal(),
    Links: links.map((Hash) => ({ Hash, Name: "", Tsize: 0 })),
  });
  const cid = CID.createV0(await sha256.digest(block));
  await blockstore.put(cid, block);
  return cid;
}

const read = (store: CountingBlockstore, root: CID, offset: number, length: number) =>
  collect(readFileRange(store, root, offset, length, { readAhead: 4 }));

describe("embedded IPFS node: readFileRange (bounded streaming reads)", () => {
  // 1000-byte chunks and 3 links per node: a 50,000-byte file is a DAG four layers deep.
  const bytes = randomBytes(50_000);
  const layouts = {
    "UnixFS file leaves (CIDv0)": { ...kuboImporterOptions({ chunkSize: 1000 }) },
    "raw leaves (CIDv1)": { ...kuboImporterOptions({ chunkSize: 1000, cidVersion: 1 }) },
  };
  for (const [name, options] of Object.entries(layouts)) {
    describe(`with ${name}`, () => {
      const store = new CountingBlockstore();
      let root: CID;
      before(async () => {
        root = await importInto(store, bytes, {
          ...options,
          layout: balanced({ maxChildrenPerNode: 3 }),
        });
      });

      it("reads the whole file", async () => {
        expect(Buffer.from(await read(store, root, 0, bytes.length)).equals(bytes)).to.equal(true);
      });

      it("reads any range: block edges, single bytes, the tail", async () => {
        const ranges: [number, number][] = [
          [0, 1],
          [999, 2],
          [1000, 1000],
          [1234, 30_000],
          [49_999, 1],
          [27_000, 23_000],
        ];
        for (let index = 0; index < 20; index++) {
          const offset = Math.floor(Math.random() * bytes.length);
          ranges.push([offset, Math.floor(Math.random() * (bytes.length - offset))]);
        }
        for (const [offset, length] of ranges) {
          const got = Buffer.from(await read(store, root, offset, length));
          expect(got.equals(bytes.subarray(offset, offset + length)), `${offset}+${length}`).to.be
            .true;
        }
      });

      it("does not read the root again when the caller hands it over decoded", async () => {
        const rootBlock = store.blocks.get(root.toString())!;
        const decoded =
          root.code === dagPb.code
            ? (() => {
                const node = dagPb.decode(rootBlock);
                return { node, unixfs: UnixFS.unmarshal(node.Data!) };
              })()
            : rootBlock;
        const before = store.reads;
        const got = await collect(
          readFileRange(store, root, 0, bytes.length, { readAhead: 4, root: decoded }),
        );
        expect(Buffer.from(got).equals(bytes)).to.equal(true);
        // Every block but the root: the whole DAG minus one.
        expect(store.reads - before).to.equal(store.blocks.size - 1);
      });

      it("reads nothing for an empty range, without touching the store", async () => {
        const before = store.reads;
        expect((await read(store, root, 10, 0)).length).to.equal(0);
        expect(store.reads).to.equal(before);
      });
    });
  }

  describe("when the consumer is slow", () => {
    it("never has more than readAhead blocks fetched beyond what it sent", async () => {
      const store = new CountingBlockstore();
      const root = await importInto(store, randomBytes(200_000), {
        ...kuboImporterOptions({ chunkSize: 1000 }),
      });
      const reader = readFileRange(store, root, 0, 200_000, { readAhead: 5 });
      await reader.next();
      await reader.next();
      const readsAfterTwoChunks = store.reads;
      await new Promise((resolve) => setTimeout(resolve, 20));
      // 200 leaves under two parents under the root: the three nodes above the leaves, the two
      // leaves sent and at most five read ahead, out of 203 blocks; and nothing more while idle.
      expect(store.reads).to.equal(readsAfterTwoChunks);
      expect(store.reads).to.be.at.most(3 + 2 + 5);
      await reader.return(undefined);
    });
  });

  describe("when the DAG is damaged or not a file", () => {
    it("sends what it has, then fails with NotFoundError on a missing block", async () => {
      const store = new CountingBlockstore();
      const data = randomBytes(10_000);
      const root = await importInto(store, data, { ...kuboImporterOptions({ chunkSize: 1000 }) });
      const leaves = dagPb.decode(store.blocks.get(root.toString())!).Links;
      store.blocks.delete(leaves[5]!.Hash.toString());
      const sent: Uint8Array[] = [];
      let failure: Error | undefined;
      try {
        for await (const chunk of readFileRange(store, root, 0, data.length, { readAhead: 3 }))
          sent.push(chunk);
      } catch (error) {
        failure = error as Error;
      }
      expect(failure?.name).to.equal("NotFoundError");
      expect(Buffer.concat(sent).equals(data.subarray(0, 5000))).to.equal(true);
    });

    it("refuses a parent whose block sizes do not match its children", async () => {
      const store = new CountingBlockstore();
      const leaf = await putNode(store, new UnixFS({ type: "file", data: randomBytes(10) }));
      const parent = new UnixFS({ type: "file" });
      parent.addBlockSize(12n);
      const root = await putNode(store, parent, [leaf]);
      const failure = await read(store, root, 0, 12).catch((error: Error) => error);
      expect(failure).to.be.instanceOf(NotUnixFsFileError);
      expect((failure as Error).message).to.match(/holds 10 bytes, its parent says 12/);
    });

    it("refuses a node with more links than block sizes", async () => {
      const store = new CountingBlockstore();
      const leaf = await putNode(store, new UnixFS({ type: "file", data: randomBytes(10) }));
      const parent = new UnixFS({ type: "file" });
      parent.addBlockSize(10n);
      const root = await putNode(store, parent, [leaf, leaf]);
      const failure = await read(store, root, 0, 10).catch((error: Error) => error);
      expect(failure).to.be.instanceOf(NotUnixFsFileError);
      expect((failure as Error).message).to.match(/2 links but 1 block sizes/);
    });

    it("refuses a directory", async () => {
      const store = new CountingBlockstore();
      const root = await putNode(store, new UnixFS({ type: "directory" }));
      const failure = await read(store, root, 0, 1).catch((error: Error) => error);
      expect(failure).to.be.instanceOf(NotUnixFsFileError);
      expect((failure as Error).message).to.match(/directory, not a file/);
    });

    it("stops when its signal is aborted", async () => {
      const store = new CountingBlockstore();
      const root = await importInto(store, randomBytes(20_000), {
        ...kuboImporterOptions({ chunkSize: 1000 }),
      });
      const controller = new AbortController();
      const reader = readFileRange(store, root, 0, 20_000, {
        readAhead: 2,
        signal: controller.signal,
      });
      await reader.next();
      controller.abort();
      const failure = await reader.next().catch((error: Error) => error);
      expect((failure as Error).name).to.equal("AbortError");
    });
  });
});
