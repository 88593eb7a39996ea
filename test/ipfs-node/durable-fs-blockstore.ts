import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { DurableFsBlockstore } from "../../ipfs-node/store/durable-fs-blockstore.ts";
import { collect, makeTempDir, removeDir } from "./helpers.ts";

async function rawBlock(size: number): Promise<{ cid: CID; bytes: Uint8Array }> {
  const bytes = randomBytes(size);
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("embedded IPFS node: DurableFsBlockstore", () => {
  let dir: string;
  let store: DurableFsBlockstore;
  beforeEach(async () => {
    dir = await makeTempDir();
    store = new DurableFsBlockstore(path.join(dir, "blocks"));
    await store.open();
  });
  afterEach(() => removeDir(dir));

  it("stores a block whole under its blockstore-fs name and leaves no temp file", async () => {
    const { cid, bytes } = await rawBlock(300_000);
    await store.put(cid, bytes);
    await store.flush();
    expect(Buffer.from(await collect(store.get(cid))).equals(bytes)).to.equal(true);
    const files = await filesUnder(path.join(dir, "blocks"));
    expect(files).to.have.length(1);
    expect(files[0]).to.match(/\.data$/);
  });

  it("accepts the same block twice (concurrently) and keeps one copy", async () => {
    const { cid, bytes } = await rawBlock(1000);
    await Promise.all([store.put(cid, bytes), store.put(cid, bytes), store.put(cid, bytes)]);
    await store.flush();
    expect(await store.has(cid)).to.equal(true);
    expect(await filesUnder(path.join(dir, "blocks"))).to.have.length(1);
  });

  it("still takes a streamed block (the stock blockstore-fs path)", async () => {
    const { cid, bytes } = await rawBlock(5000);
    await store.put(cid, [bytes.subarray(0, 10), bytes.subarray(10)]);
    await store.flush();
    expect(Buffer.from(await collect(store.get(cid))).equals(bytes)).to.equal(true);
  });

  it("writes nothing when the put is already aborted", async () => {
    const { cid, bytes } = await rawBlock(100);
    const failure = await store
      .put(cid, bytes, { signal: AbortSignal.abort() })
      .catch((error: Error) => error);
    expect((failure as Error).name).to.equal("AbortError");
    expect(await store.has(cid)).to.equal(false);
  });

  it("reports a missing block as NotFoundError", async () => {
    const { cid } = await rawBlock(10);
    const failure = await collect(store.get(cid)).catch((error: Error) => error);
    expect((failure as Error).name).to.equal("NotFoundError");
  });
});
