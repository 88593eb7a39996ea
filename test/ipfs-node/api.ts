import { randomBytes } from "node:crypto";
import { expect } from "chai";
import { create as createIpfsHttpClient } from "ipfs-http-client";
import { importer } from "ipfs-unixfs-importer";
import { create as createKuboClient } from "kubo-rpc-client";
import type { CID } from "multiformats/cid";
import { startIpfsNode, type RunningIpfsNode } from "../../ipfs-node/start-ipfs-node.ts";
import { collect, makeTempDir, removeDir, rpc } from "./helpers.ts";

const REFERENCE = {
  empty: "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH",
  helloNewline: "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
  hello: "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD",
  helloV1: "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
};
const text = (value: string) => new TextEncoder().encode(value);

/** The CID computed independently: the importer's own Kubo-2015 profile, blocks discarded. */
async function independentCid(bytes: Uint8Array): Promise<string> {
  let last: CID | undefined;
  for await (const entry of importer(
    [{ content: bytes }],
    { put: async (cid: CID) => cid },
    { profile: "unixfs-v0-2015" },
  )) {
    last = entry.cid;
  }
  return last!.toString();
}

type Client = {
  add(bytes: Uint8Array, options?: { cidVersion?: 0 | 1; pin?: boolean }): Promise<string>;
  cat(cid: string): Promise<Uint8Array>;
  pinAdd(cid: string): Promise<string[]>;
  pinRm(cid: string): Promise<string[]>;
  pinLs(cid?: string): Promise<{ cid: string; type: string }[]>;
  id(): Promise<string>;
  version(): Promise<string>;
};

function kuboClient(url: string): Client {
  const ipfs = createKuboClient({ url });
  return {
    add: async (bytes, options) => (await ipfs.add(bytes, options)).cid.toString(),
    cat: (cid) => collect(ipfs.cat(cid)),
    pinAdd: async (cid) => [(await ipfs.pin.add(cid)).toString()],
    pinRm: async (cid) => [(await ipfs.pin.rm(cid)).toString()],
    pinLs: async (cid) => {
      const pins = [];
      for await (const pin of ipfs.pin.ls(cid ? { paths: [cid] } : {}))
        pins.push({ cid: pin.cid.toString(), type: pin.type });
      return pins;
    },
    id: async () => (await ipfs.id()).id.toString(),
    version: async () => (await ipfs.version()).version,
  };
}

function legacyClient(url: string): Client {
  const ipfs = createIpfsHttpClient({ url });
  return {
    add: async (bytes, options) => (await ipfs.add(bytes, options)).cid.toString(),
    cat: (cid) => collect(ipfs.cat(cid)),
    pinAdd: async (cid) => [(await ipfs.pin.add(cid)).toString()],
    pinRm: async (cid) => [(await ipfs.pin.rm(cid)).toString()],
    pinLs: async (cid) => {
      const pins = [];
      for await (const pin of ipfs.pin.ls(cid ? { paths: [cid] } : {}))
        pins.push({ cid: pin.cid.toString(), type: pin.type });
      return pins;
    },
    id: async () => (await ipfs.id()).id.toString(),
    version: async () => String((await ipfs.version()).version),
  };
}

describe("embedded IPFS node: Kubo RPC", function () {
  this.timeout(60_000);
  let dataDir: string;
  let node: RunningIpfsNode;

  before(async () => {
    dataDir = await makeTempDir();
    node = await startIpfsNode({
      dataDir,
      apiPort: 0,
      gatewayPort: 0,
      maxUploadBytes: 8 * 1024 * 1024,
    });
  });
  after(async () => {
    await node?.stop();
    await removeDir(dataDir);
  });

  for (const [clientName, makeClient] of [
    ["kubo-rpc-client", kuboClient],
    ["ipfs-http-client@60", legacyClient],
  ] as const) {
    describe(`when used through ${clientName}`, () => {
      let client: Client;
      before(() => {
        client = makeClient(node.apiUrl);
      });

      it("gives Kubo's reference CIDs", async () => {
        expect(await client.add(new Uint8Array(0))).to.equal(REFERENCE.empty);
        expect(await client.add(text("hello world\n"))).to.equal(REFERENCE.helloNewline);
        expect(await client.add(text("hello world"))).to.equal(REFERENCE.hello);
        expect(await client.add(text("hello world"), { cidVersion: 1 })).to.equal(
          REFERENCE.helloV1,
        );
      });

      it("round-trips a multi-chunk file byte for byte with the independently computed CID", async () => {
        const bytes = randomBytes(3 * 1024 * 1024 + 12_345);
        const cid = await client.add(bytes);
        expect(cid).to.equal(await independentCid(bytes));
        expect(Buffer.from(await client.cat(cid)).equals(bytes)).to.equal(true);
      });

      it("pins, lists (v0 stays v0) and unpins", async () => {
        const cid = await client.add(randomBytes(1000), { pin: false });
        expect(cid.startsWith("Qm")).to.equal(true);
        expect((await client.pinLs()).map((pin) => pin.cid)).not.to.include(cid);
        expect(await client.pinAdd(cid)).to.deep.equal([cid]);
        expect(await client.pinLs(cid)).to.deep.equal([{ cid, type: "recursive" }]);
        expect((await client.pinLs()).map((pin) => pin.cid)).to.include(cid);
        expect(await client.pinRm(cid)).to.deep.equal([cid]);
        expect((await client.pinLs()).map((pin) => pin.cid)).not.to.include(cid);
      });

      it("answers id and version", async () => {
        expect(await client.id()).to.match(/^12D3KooW/);
        expect(await client.version())
          .to.be.a("string")
          .and.not.equal("");
      });
    });
  }

  describe("when add is called with Kubo options", () => {
    it("pins by default and honours pin=false", async () => {
      const ipfs = createKuboClient({ url: node.apiUrl });
      const pinned = (await ipfs.add(randomBytes(500))).cid.toString();
      const unpinned = (await ipfs.add(randomBytes(500), { pin: false })).cid.toString();
      const all: string[] = [];
      for await (const pin of ipfs.pin.ls()) all.push(pin.cid.toString());
      expect(all).to.include(pinned);
      expect(all).not.to.include(unpinned);
    });

    it("streams Kubo-style progress lines and a string Size", async () => {
      const form = new FormData();
      form.append("file", new Blob([randomBytes(600_000)]), "data.bin");
      const response = await rpc(node.apiUrl, "add?progress=true", { body: form });
      expect(response.status).to.equal(200);
      const lines = (await response.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const progress = lines.filter((line) => "Bytes" in line);
      const final = lines.at(-1)!;
      expect(progress.length).to.be.greaterThan(0);
      expect(progress.at(-1)!.Bytes).to.equal(600_000);
      expect(final.Name).to.equal("data.bin");
      expect(final.Size).to.be.a("string");
      expect(Number(final.Size)).to.be.greaterThan(600_000);
    });

    it("adds several parts (file, file-1) in one request", async () => {
      const form = new FormData();
      form.append("file", new Blob([text("hello world\n")]), "a.txt");
      form.append("file-1", new Blob([text("hello world")]), "b.txt");
      const response = await rpc(node.apiUrl, "add", { body: form });
      const lines = (await response.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { Name: string; Hash: string });
      expect(lines.map((line) => [line.Name, line.Hash])).to.deep.equal([
        ["a.txt", REFERENCE.helloNewline],
        ["b.txt", REFERENCE.hello],
      ]);
    });

    it("honours chunker=size-N like Kubo (compared with the importer run directly)", async () => {
      const bytes = randomBytes(300_000);
      const form = new FormData();
      form.append("file", new Blob([bytes]), "");
      const response = await rpc(node.apiUrl, "add?chunker=size-65536", { body: form });
      const { Hash } = JSON.parse((await response.text()).trim()) as { Hash: string };
      let expected: CID | undefined;
      const { fixedSize } = await import("ipfs-unixfs-importer/chunker");
      for await (const entry of importer(
        [{ content: bytes }],
        { put: async (cid: CID) => cid },
        { profile: "unixfs-v0-2015", chunker: fixedSize({ chunkSize: 65536 }) },
      )) {
        expected = entry.cid;
      }
      expect(Hash).to.equal(expected!.toString());
    });
  });

  describe("when a request is bad", () => {
    const expectKuboError = async (response: Response, status: number, pattern: RegExp) => {
      expect(response.status).to.equal(status);
      const body = (await response.json()) as { Message: string; Code: number; Type: string };
      expect(body.Type).to.equal("error");
      expect(body.Code).to.be.a("number");
      expect(body.Message).to.match(pattern);
    };

    it("rejects a missing argument", async () => {
      await expectKuboError(await rpc(node.apiUrl, "cat"), 400, /argument "ipfs-path" is required/);
      await expectKuboError(await rpc(node.apiUrl, "pin/add"), 400, /is required/);
    });

    it("rejects a malformed CID", async () => {
      await expectKuboError(await rpc(node.apiUrl, "cat?arg=not-a-cid"), 400, /invalid/);
      await expectKuboError(await rpc(node.apiUrl, "pin/add?arg=Qm123"), 400, /invalid/);
    });

    it("fails fast on an unknown CID (the node is offline)", async () => {
      const unknown = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
      await expectKuboError(await rpc(node.apiUrl, `cat?arg=${unknown}`), 404, /not found locally/);
      await expectKuboError(
        await rpc(node.apiUrl, `pin/add?arg=${unknown}`),
        404,
        /not found locally/,
      );
    });

    it("rejects a malformed multipart body", async () => {
      const response = await rpc(node.apiUrl, "add", {
        headers: { "content-type": "multipart/form-data; boundary=xyz" },
        body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nunterminated',
      });
      await expectKuboError(response, 400, /multipart|required/);
      await expectKuboError(await rpc(node.apiUrl, "add", { body: "plain" }), 400, /multipart/);
    });

    it("answers unknown commands and GETs in Kubo's error format", async () => {
      await expectKuboError(await rpc(node.apiUrl, "swarm/peers"), 404, /command not found/);
      await expectKuboError(await fetch(`${node.apiUrl}/api/v0/version`), 405, /POST/);
    });

    it("refuses an oversize upload with 413 in Kubo's format", async () => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(9 * 1024 * 1024)]), "big.bin");
      await expectKuboError(await rpc(node.apiUrl, "add", { body: form }), 413, /too large/);
    });

    it("refuses an oversize streamed upload (no Content-Length) through kubo-rpc-client", async () => {
      const ipfs = createKuboClient({ url: node.apiUrl });
      async function* big() {
        for (let index = 0; index < 12; index++) yield new Uint8Array(1024 * 1024);
      }
      const error = await ipfs.add(big()).then(
        () => undefined,
        (caught: unknown) => caught as Error & { response?: Response },
      );
      expect(error, "the upload should fail").not.to.equal(undefined);
      expect(error!.response?.status).to.equal(413);
    });
  });

  describe("when a browser calls the API", () => {
    it("allows a configured origin, with preflight", async () => {
      const origin = "http://localhost:5173";
      const preflight = await fetch(`${node.apiUrl}/api/v0/add`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization",
        },
      });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get("access-control-allow-origin")).to.equal(origin);
      expect(preflight.headers.get("access-control-allow-headers")).to.match(/authorization/i);
      const response = await rpc(node.apiUrl, "version", { headers: { origin } });
      expect(response.status).to.equal(200);
      expect(response.headers.get("access-control-allow-origin")).to.equal(origin);
    });

    it("refuses any other origin", async () => {
      const origin = "https://evil.example";
      const preflight = await fetch(`${node.apiUrl}/api/v0/add`, {
        method: "OPTIONS",
        headers: { origin },
      });
      expect(preflight.status).to.equal(403);
      expect(preflight.headers.get("access-control-allow-origin")).to.equal(null);
      const response = await rpc(node.apiUrl, "pin/ls", { headers: { origin } });
      expect(response.status).to.equal(403);
    });
  });

  describe("when the gateway serves content", () => {
    let cid: string;
    const bytes = randomBytes(700_000);
    before(async () => {
      cid = (await createKuboClient({ url: node.apiUrl }).add(bytes)).cid.toString();
    });

    it("serves the whole file with immutable caching and a strong ETag", async () => {
      const response = await fetch(`${node.gatewayUrl}/ipfs/${cid}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get("etag")).to.equal(`"${cid}"`);
      expect(response.headers.get("cache-control")).to.equal("public, max-age=29030400, immutable");
      expect(response.headers.get("content-length")).to.equal(String(bytes.length));
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).to.equal(true);
    });

    it("serves byte ranges with 206 and Content-Range", async () => {
      const response = await fetch(`${node.gatewayUrl}/ipfs/${cid}`, {
        headers: { range: "bytes=262140-262150" },
      });
      expect(response.status).to.equal(206);
      expect(response.headers.get("content-range")).to.equal(`bytes 262140-262150/${bytes.length}`);
      expect(response.headers.get("content-length")).to.equal("11");
      expect(
        Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(262140, 262151)),
      ).to.equal(true);
      const suffix = await fetch(`${node.gatewayUrl}/ipfs/${cid}`, {
        headers: { range: "bytes=-5" },
      });
      expect(
        Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(bytes.length - 5)),
      ).to.equal(true);
    });

    it("answers If-None-Match with 304 and HEAD without a body", async () => {
      const notModified = await fetch(`${node.gatewayUrl}/ipfs/${cid}`, {
        headers: { "if-none-match": `"${cid}"` },
      });
      expect(notModified.status).to.equal(304);
      const head = await fetch(`${node.gatewayUrl}/ipfs/${cid}`, { method: "HEAD" });
      expect(head.status).to.equal(200);
      expect(head.headers.get("content-length")).to.equal(String(bytes.length));
      expect((await head.arrayBuffer()).byteLength).to.equal(0);
    });

    it("answers 400 for a malformed CID and 404 for an unknown one", async () => {
      expect((await fetch(`${node.gatewayUrl}/ipfs/not-a-cid`)).status).to.equal(400);
      const unknown = await fetch(
        `${node.gatewayUrl}/ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy`,
      );
      expect(unknown.status).to.equal(404);
    });

    it("refuses writes", async () => {
      expect((await fetch(`${node.gatewayUrl}/ipfs/${cid}`, { method: "POST" })).status).to.equal(
        405,
      );
    });
  });
});
