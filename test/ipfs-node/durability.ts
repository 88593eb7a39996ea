import { randomBytes } from "node:crypto";
import { expect } from "chai";
import { create as createKuboClient } from "kubo-rpc-client";
import { resolveIpfsNodeConfig } from "../../ipfs-node/config.ts";
import { startIpfsNode } from "../../ipfs-node/start-ipfs-node.ts";
import {
  collect,
  killNode,
  makeTempDir,
  removeDir,
  rpc,
  spawnNode,
  type ChildNode,
} from "./helpers.ts";

describe("embedded IPFS node: persistence and safety", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const children: ChildNode[] = [];
  const tempDir = async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    for (const child of children) await killNode(child, "SIGKILL");
    for (const dir of dirs) await removeDir(dir);
  });

  describe("when the node restarts on the same data folder", () => {
    it("keeps every block and pin", async () => {
      const dataDir = await tempDir();
      const bytes = randomBytes(1024 * 1024 + 7);
      const first = await startIpfsNode({ dataDir, apiPort: 0, gatewayPort: 0 });
      let cid: string;
      try {
        cid = (await createKuboClient({ url: first.apiUrl }).add(bytes)).cid.toString();
      } finally {
        await first.stop();
      }
      const second = await startIpfsNode({ dataDir, apiPort: 0, gatewayPort: 0 });
      try {
        const ipfs = createKuboClient({ url: second.apiUrl });
        expect(Buffer.from(await collect(ipfs.cat(cid))).equals(bytes)).to.equal(true);
        const pins: string[] = [];
        for await (const pin of ipfs.pin.ls()) pins.push(pin.cid.toString());
        expect(pins).to.deep.equal([cid]);
      } finally {
        await second.stop();
      }
    });
  });

  describe("when the process is SIGKILLed right after acknowledging", () => {
    it("keeps the acknowledged add, pin and unpin", async () => {
      const dataDir = await tempDir();
      const bytes = randomBytes(2 * 1024 * 1024 + 3);
      let node = await spawnNode(dataDir);
      children.push(node);
      let ipfs = createKuboClient({ url: node.apiUrl });
      const added = (await ipfs.add(bytes)).cid.toString();
      const removed = (await ipfs.add(randomBytes(100))).cid.toString();
      await ipfs.pin.rm(removed);
      const pinnedLater = (await ipfs.add(randomBytes(100), { pin: false })).cid.toString();
      await ipfs.pin.add(pinnedLater);
      // No stop, no flush: the process dies the instant the last reply is in.
      await killNode(node, "SIGKILL");

      node = await spawnNode(dataDir);
      children.push(node);
      ipfs = createKuboClient({ url: node.apiUrl });
      const pins: string[] = [];
      for await (const pin of ipfs.pin.ls()) pins.push(pin.cid.toString());
      expect(pins.sort()).to.deep.equal([added, pinnedLater].sort());
      expect(Buffer.from(await collect(ipfs.cat(added))).equals(bytes)).to.equal(true);
      await killNode(node, "SIGTERM");
    });
  });

  describe("when an API token is configured", () => {
    it("requires it on every command but not on preflight", async () => {
      const dataDir = await tempDir();
      const node = await startIpfsNode({
        dataDir,
        apiPort: 0,
        gatewayPort: 0,
        apiToken: "test-token",
      });
      try {
        const refused = await rpc(node.apiUrl, "version");
        expect(refused.status).to.equal(401);
        expect(((await refused.json()) as { Type: string }).Type).to.equal("error");
        expect(
          (await rpc(node.apiUrl, "version", { headers: { authorization: "Bearer wrong" } }))
            .status,
        ).to.equal(401);
        const allowed = await rpc(node.apiUrl, "version", {
          headers: { authorization: "Bearer test-token" },
        });
        expect(allowed.status).to.equal(200);
        const preflight = await fetch(`${node.apiUrl}/api/v0/add`, {
          method: "OPTIONS",
          headers: { origin: "http://localhost:5173" },
        });
        expect(preflight.status).to.equal(204);
        const ipfs = createKuboClient({
          url: node.apiUrl,
          headers: { authorization: "Bearer test-token" },
        });
        expect((await ipfs.add("hello world\n")).cid.toString()).to.equal(
          "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
        );
      } finally {
        await node.stop();
      }
    });

    it("refuses to listen beyond loopback without one", () => {
      expect(() => resolveIpfsNodeConfig({ host: "0.0.0.0" }, {})).to.throw(/IPFS_API_TOKEN/);
      expect(resolveIpfsNodeConfig({ host: "0.0.0.0", apiToken: "t" }, {}).host).to.equal(
        "0.0.0.0",
      );
      expect(resolveIpfsNodeConfig({}, {}).host).to.equal("127.0.0.1");
    });
  });

  describe("when a port is taken", () => {
    it("says so clearly", async () => {
      const dataDir = await tempDir();
      const first = await startIpfsNode({ dataDir, apiPort: 0, gatewayPort: 0 });
      try {
        const busyPort = Number(new URL(first.apiUrl).port);
        const error = await startIpfsNode({
          dataDir: await tempDir(),
          apiPort: busyPort,
          gatewayPort: 0,
        }).then(
          () => undefined,
          (caught: unknown) => caught as Error,
        );
        expect(error?.name).to.equal("PortInUseError");
        expect(error?.message).to.match(/already in use/);
      } finally {
        await first.stop();
      }
    });
  });
});
