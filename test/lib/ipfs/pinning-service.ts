import { createServer, type IncomingMessage, type Server } from "node:http";
import { expect } from "chai";
import { createPinner } from "../../../lib/ipfs/create-pinner.ts";
import { createPinningServiceClient } from "../../../lib/ipfs/pinning-service.ts";

type FakePin = {
  requestid: string;
  status: string;
  created: string;
  pin: { cid: string; name?: string };
  delegates: string[];
};

/**
 * Test fixture: a tiny in-memory IPFS Pinning Service API (spec subset: POST /pins, GET /pins,
 * GET/DELETE /pins/{requestid}) that checks the bearer token.
 */
function startFakePinningService(
  token: string,
): Promise<{ url: string; pins: Map<string, FakePin>; server: Server }> {
  const pins = new Map<string, FakePin>();
  let next = 1;
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as { cid: string; name?: string };
  };
  const server = createServer(async (req, res) => {
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(401, { error: { reason: "UNAUTHORIZED", details: "bad token" } });
    const url = new URL(req.url ?? "/", "http://x");
    const id = /^\/pins\/(.+)$/.exec(url.pathname)?.[1];
    if (req.method === "POST" && url.pathname === "/pins") {
      const { cid, name } = await readBody(req);
      const pin: FakePin = {
        requestid: `r${next++}`,
        status: "queued",
        created: new Date().toISOString(),
        pin: { cid, ...(name ? { name } : {}) },
        delegates: [],
      };
      pins.set(pin.requestid, pin);
      return send(202, pin);
    }
    if (req.method === "GET" && url.pathname === "/pins") {
      const cids = (url.searchParams.get("cid") ?? "").split(",").filter(Boolean);
      const results = [...pins.values()].filter(
        (pin) => cids.length === 0 || cids.includes(pin.pin.cid),
      );
      return send(200, { count: results.length, results });
    }
    if (req.method === "GET" && id)
      return pins.has(id) ? send(200, pins.get(id)) : send(404, { error: { reason: "NOT_FOUND" } });
    if (req.method === "DELETE" && id) {
      if (!pins.delete(id)) return send(404, { error: { reason: "NOT_FOUND" } });
      res.writeHead(202).end();
      return;
    }
    send(400, { error: { reason: "BAD_REQUEST" } });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        pins,
        server,
      }),
    ),
  );
}

describe("lib/ipfs pinning-service client", () => {
  const CID_V0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
  let fake: Awaited<ReturnType<typeof startFakePinningService>>;
  before(async () => {
    fake = await startFakePinningService("secret");
  });
  after(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));
  beforeEach(() => fake.pins.clear());

  describe("when talking to a spec-compliant service", () => {
    it("adds, finds, reads and removes pins with the bearer token", async () => {
      const service = createPinningServiceClient({
        endpoint: `${fake.url}/`,
        accessToken: "secret",
      });
      const status = await service.addPin(CID_V0, { name: "record-1-v1" });
      expect(status.pin).to.deep.equal({ cid: CID_V0, name: "record-1-v1" });
      expect(status.status).to.equal("queued");
      expect((await service.listPins(CID_V0)).map((pin) => pin.requestid)).to.deep.equal([
        status.requestid,
      ]);
      expect((await service.getPin(status.requestid)).pin.cid).to.equal(CID_V0);
      expect(await service.removePin(CID_V0)).to.equal(1);
      expect(await service.listPins(CID_V0)).to.deep.equal([]);
    });

    it("pins once and unpins through createPinner({ kind: 'pinning-service' })", async () => {
      const pinner = createPinner({
        kind: "pinning-service",
        endpoint: fake.url,
        accessToken: "secret",
      });
      await pinner.pin(CID_V0, { name: "a" });
      await pinner.pin(CID_V0, { name: "a" });
      expect(fake.pins.size).to.equal(1);
      await pinner.unpin(CID_V0);
      expect(fake.pins.size).to.equal(0);
    });
  });

  describe("when the service refuses", () => {
    it("reports the status and the spec's error reason", async () => {
      const service = createPinningServiceClient({ endpoint: fake.url, accessToken: "wrong" });
      const error = await service.addPin(CID_V0).then(
        () => undefined,
        (caught: unknown) => caught as Error & { status?: number },
      );
      expect(error?.name).to.equal("IpfsRequestError");
      expect(error?.status).to.equal(401);
      expect(error?.message).to.match(/UNAUTHORIZED/);
    });

    it("rejects a malformed CID before any request", async () => {
      const service = createPinningServiceClient({ endpoint: fake.url, accessToken: "secret" });
      const error = await service.addPin("nope").then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error?.name).to.equal("MalformedCidError");
      expect(fake.pins.size).to.equal(0);
    });
  });
});
