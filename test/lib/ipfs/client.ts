import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { expect } from "chai";
import { CID } from "multiformats/cid";
import { startIpfsNode, type RunningIpfsNode } from "../../../ipfs-node/start-ipfs-node.ts";
import { createIpfsClient } from "../../../lib/ipfs/create-ipfs-client.ts";
import { createPinner } from "../../../lib/ipfs/create-pinner.ts";
import { collect, makeTempDir, removeDir } from "../../ipfs-node/helpers.ts";

/** A port nothing listens on: bound, noted, released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function caught(promise: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("lib/ipfs client against the embedded node", function () {
  this.timeout(30_000);
  let dataDir: string;
  let node: RunningIpfsNode;

  before(async () => {
    dataDir = await makeTempDir();
    node = await startIpfsNode({
      dataDir,
      apiPort: 0,
      gatewayPort: 0,
      maxUploadBytes: 4 * 1024 * 1024,
    });
  });
  after(async () => {
    await node?.stop();
    await removeDir(dataDir);
  });

  describe("when adding and reading", () => {
    it("adds bytes with progress, pins them and streams them back", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl, gatewayUrl: node.gatewayUrl });
      const bytes = randomBytes(2 * 1024 * 1024 + 5);
      const progress: number[] = [];
      const { cid, size } = await ipfs.addBytes(bytes, {
        onProgress: (done) => progress.push(done),
      });
      expect(cid.startsWith("Qm")).to.equal(true);
      expect(size).to.be.greaterThan(bytes.length);
      expect(progress.at(-1)).to.equal(bytes.length);
      expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
      expect(await ipfs.isPinned(cid)).to.equal(true);
      expect(Buffer.from(await collect(ipfs.cat(cid))).equals(bytes)).to.equal(true);
      expect(
        Buffer.from(await collect(ipfs.cat(cid, { offset: 10, length: 20 }))).equals(
          bytes.subarray(10, 30),
        ),
      ).to.equal(true);
      const viaGateway = await fetch(ipfs.gatewayUrl(cid));
      expect(Buffer.from(await viaGateway.arrayBuffer()).equals(bytes)).to.equal(true);
      await ipfs.unpin(cid);
      expect(await ipfs.isPinned(cid)).to.equal(false);
    });

    it("adds a web ReadableStream", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      const stream = new Blob([new TextEncoder().encode("hello world\n")]).stream();
      expect((await ipfs.addStream(stream)).cid).to.equal(
        "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
      );
    });

    it("streams a 256 MiB upload without holding it in memory (Node)", async () => {
      const bigDataDir = await makeTempDir();
      const bigNode = await startIpfsNode({
        dataDir: bigDataDir,
        apiPort: 0,
        gatewayPort: 0,
        maxUploadBytes: 512 * 1024 * 1024,
      });
      const ipfs = createIpfsClient({ rpcUrl: bigNode.apiUrl });
      const piece = new Uint8Array(1024 * 1024);
      async function* source(): AsyncGenerator<Uint8Array> {
        for (let index = 0; index < 256; index++) {
          piece[0] = index; // every MiB differs, so nothing deduplicates
          yield piece.slice();
        }
      }
      const baseline = process.memoryUsage.rss();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
      try {
        const { cid } = await ipfs.addStream(source());
        expect(await ipfs.isPinned(cid)).to.equal(true);
      } finally {
        clearInterval(sampler);
        await bigNode.stop();
        await removeDir(bigDataDir);
      }
      // Measured: about 80 MiB (the in-process node's garbage included) when streamed, about
      // 300 MiB when the HTTP client keeps a copy of the body, as kubo-rpc-client does in Node.
      expect((peak - baseline) / 2 ** 20).to.be.below(160);
    });

    it("tells which of several CIDs are pinned, in one listing and in their own spelling", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      const pinned = (await ipfs.addBytes(randomBytes(64))).cid;
      const unpinned = (await ipfs.addBytes(randomBytes(64), { pin: false })).cid;
      const pinnedAsV1 = CID.parse(pinned).toV1().toString();
      expect(await ipfs.pinnedAmong([unpinned, pinned, pinnedAsV1])).to.deep.equal([
        pinned,
        pinnedAsV1,
      ]);
      expect(await ipfs.pinnedAmong([])).to.deep.equal([]);
    });

    it("pins and unpins through createPinner({ kind: 'kubo' })", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      const { cid } = await ipfs.addBytes(randomBytes(64), { pin: false });
      const pinner = createPinner({ kind: "kubo", rpcUrl: node.apiUrl });
      await pinner.pin(cid);
      expect(await ipfs.isPinned(cid)).to.equal(true);
      await pinner.unpin(cid);
      await pinner.unpin(cid);
      expect(await ipfs.isPinned(cid)).to.equal(false);
    });
  });

  describe("when something goes wrong", () => {
    it("names an unknown CID with IpfsNotFoundError", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      const error = await caught(
        collect(ipfs.cat("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")),
      );
      expect(error.name).to.equal("IpfsNotFoundError");
    });

    it("names a malformed CID with MalformedCidError", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      expect((await caught(collect(ipfs.cat("Qm-nope")))).name).to.equal("MalformedCidError");
      expect((await caught(ipfs.pin("nope"))).name).to.equal("MalformedCidError");
    });

    it("names an oversize upload with UploadTooLargeError", async () => {
      const ipfs = createIpfsClient({ rpcUrl: node.apiUrl });
      expect((await caught(ipfs.addBytes(new Uint8Array(5 * 1024 * 1024)))).name).to.equal(
        "UploadTooLargeError",
      );
    });

    it("names a node that is down with IpfsNodeUnreachableError, quickly", async () => {
      const ipfs = createIpfsClient({ rpcUrl: `http://127.0.0.1:${await closedPort()}` });
      expect((await caught(ipfs.addBytes(new Uint8Array(10)))).name).to.equal(
        "IpfsNodeUnreachableError",
      );
      expect(
        (await caught(collect(ipfs.cat("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")))).name,
      ).to.equal("IpfsNodeUnreachableError");
    });

    it("reports a wrong token as a 401 IpfsRequestError", async () => {
      const dir = await makeTempDir();
      const guarded = await startIpfsNode({
        dataDir: dir,
        apiPort: 0,
        gatewayPort: 0,
        apiToken: "right",
      });
      try {
        const wrong = createIpfsClient({ rpcUrl: guarded.apiUrl, authToken: "wrong" });
        const error = await caught(wrong.addBytes(new Uint8Array(1)));
        expect(error.name).to.equal("IpfsRequestError");
        expect(error.status).to.equal(401);
        const right = createIpfsClient({ rpcUrl: guarded.apiUrl, authToken: "right" });
        expect((await right.addBytes(new TextEncoder().encode("hello world"))).cid).to.equal(
          "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD",
        );
      } finally {
        await guarded.stop();
        await removeDir(dir);
      }
    });
  });
});
