import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { type Server, createServer } from "node:net";
import path from "node:path";
import { expect } from "chai";
import { groupAlive } from "../../scripts/stack/child-process.ts";
import {
  type EnsureHardhatNodeReturnType,
  ensureHardhatNode,
} from "../../scripts/stack/hardhat-node.ts";
import { isPortFree } from "../../scripts/stack/ports.ts";
import { probeChain, probeHttp, probeIpfsApi } from "../../scripts/stack/probes.ts";
import {
  type StackHandle,
  type StartStackOptions,
  startStack,
} from "../../scripts/stack/start-stack.ts";
import { formatStatusTable } from "../../scripts/stack/status-table.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Something that is not a chain, an IPFS node or Vite, holding a port. */
function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end("not what you expected\n"));
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port }, () => resolve(server));
  });
}

/** Command lines of every process on the machine that mention `needle`. */
function processesMentioning(needle: string): string[] {
  return execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(needle) && !line.includes("ps -eo"));
}

async function expectRejection(promise: Promise<unknown>, name: string): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).name, (error as Error).message).to.equal(name);
    return error as Error;
  }
  expect.fail(`expected ${name}, but it resolved`);
}

describe("scripts/stack: the local stack `npm start` runs", function () {
  // Deployments compile with solc-js on first use; a loaded CI machine needs minutes, not seconds.
  this.timeout(10 * 60_000);

  let options: StartStackOptions;
  let ports: { chain: number; ipfsApi: number; ipfsGateway: number; app: number };
  let dataDir: string;
  let deploymentDir: string;

  before(async () => {
    ports = {
      chain: await freePort(),
      ipfsApi: await freePort(),
      ipfsGateway: await freePort(),
      app: await freePort(),
    };
    dataDir = path.join(ROOT, ".data/test", `stack-${ports.chain}`);
    const deploymentId = `test-stack-${ports.chain}`;
    deploymentDir = path.join(ROOT, "ignition/deployments", deploymentId);
    options = {
      chainPort: ports.chain,
      ipfsApiPort: ports.ipfsApi,
      ipfsGatewayPort: ports.ipfsGateway,
      appPort: ports.app,
      stateDir: path.join(dataDir, "stack"),
      ipfsDataDir: path.join(dataDir, "ipfs"),
      // Never the dev stack's chain-31337 record.
      deploymentId,
      quiet: true,
    };
  });

  after(() => {
    rmSync(deploymentDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("when started with nothing running", () => {
    let stack: StackHandle;
    before(async () => {
      stack = await startStack(options);
    });
    after(() => stack?.stop());

    it("starts its own Hardhat node and Vite, deploys through Ignition and registers the demo booth", () => {
      expect(stack.services).to.deep.equal({
        chain: "started",
        ipfs: "started",
        app: "started",
        booth: "registered",
      });
      expect(stack.deployment.status).to.equal("deployed");
      expect(stack.addresses.bioDental).to.match(/^0x[0-9a-fA-F]{40}$/);
      expect(stack.processes.map((p) => p.name)).to.deep.equal(["hardhat node", "vite"]);
      expect(existsSync(path.join(deploymentDir, "deployed_addresses.json"))).to.equal(true);
    });

    it("reports every service healthy, and each one really answers", async () => {
      for (const [name, result] of Object.entries(stack.health))
        expect(result.ok, name).to.equal(true);
      const chain = await probeChain(stack.urls.rpc);
      expect(chain.ok && chain.chainId).to.equal(31337);
      expect((await probeIpfsApi(stack.urls.ipfsApi)).ok).to.equal(true);
      expect(
        (await probeHttp(`${stack.urls.ipfsGateway}/ipfs/`, { expectStatus: [400, 404] })).ok,
      ).to.equal(true);
      const app = await fetch(stack.urls.app!);
      expect(app.status).to.equal(200);
      expect(await app.text()).to.contain('<div id="root">');
    });

    it("prints a status table with the contract, every URL and the demo accounts with their roles", () => {
      const table = formatStatusTable(stack);
      for (const text of [
        stack.addresses.bioDental,
        stack.urls.rpc,
        stack.urls.ipfsApi,
        stack.urls.ipfsGateway,
        stack.urls.app!,
      ]) {
        expect(table).to.contain(text);
      }
      expect(table)
        .to.contain("Talai Rina")
        .and.contain("Dr. Liora Voss")
        .and.contain("organizer")
        .and.contain("Smilencer Booth");
    });

    describe("and then stopped", () => {
      it("leaves no child process behind and frees every port", async () => {
        const { processes } = stack;
        await stack.stop();
        for (const child of processes)
          expect(groupAlive(child.pid), `${child.name} (group ${child.pid})`).to.equal(false);
        expect(processesMentioning(`--port ${ports.chain}`)).to.deep.equal([]);
        expect(processesMentioning(`--port ${ports.app}`)).to.deep.equal([]);
        for (const port of Object.values(ports))
          expect(await isPortFree("127.0.0.1", port), `port ${port}`).to.equal(true);
      });
    });
  });

  describe("when a chain is already running on the port", () => {
    let chain: EnsureHardhatNodeReturnType;
    before(async () => {
      // A fresh node: the deployment recorded above is now stale (its transaction is not on it).
      chain = await ensureHardhatNode({
        projectRoot: ROOT,
        host: "127.0.0.1",
        port: ports.chain,
        logFile: path.join(dataDir, "own-node.log"),
        reuse: false,
      });
    });
    after(() => chain?.process?.stop());

    let first: StackHandle | undefined;
    it("reuses the chain, detects the stale deployment record and redeploys, then seeds the demo", async () => {
      first = await startStack({ ...options, seed: true });
      try {
        expect(first.services.chain).to.equal("reused");
        expect(first.deployment.status).to.equal("redeployed");
        expect(first.deployment.reason).to.match(/chain was reset/);
        expect(first.health.contract.ok).to.equal(true);
        const seed = first.seed as { members: { status: string }[] };
        expect(seed.members.map((member) => member.status)).to.deep.equal([
          "seeded",
          "seeded",
          "seeded",
        ]);
      } finally {
        await first.stop();
      }
    });

    it("is idempotent on a second start: same deployment, booth already active, seed left as is", async () => {
      const second = await startStack({ ...options, seed: true });
      try {
        expect(second.deployment.status).to.equal("reused");
        expect(second.addresses.bioDental).to.equal(first!.addresses.bioDental);
        expect(second.services.booth).to.equal("already active");
        expect(second.processes.map((p) => p.name)).to.deep.equal(["vite"]);
        const seed = second.seed as { members: { status: string }[] };
        expect(seed.members.map((member) => member.status)).to.deep.equal([
          "already seeded",
          "already seeded",
          "already seeded",
        ]);
      } finally {
        await second.stop();
      }
      // The chain it reused is not its to stop.
      expect((await probeChain(chain.rpcUrl)).ok).to.equal(true);
    });

    it("reports a busy app port by number, and stops what it had already started", async () => {
      const blocker = await occupy(ports.app);
      try {
        const error = await expectRejection(startStack(options), "PortBusyError");
        expect(error).to.include({ port: ports.app });
        expect(error.message).to.contain(`Port ${ports.app}`).and.contain("--app-port");
      } finally {
        blocker.close();
      }
      expect(await isPortFree("127.0.0.1", ports.ipfsApi)).to.equal(true);
      expect(await isPortFree("127.0.0.1", ports.ipfsGateway)).to.equal(true);
      expect(existsSync(path.join(options.stateDir!, "stack.json"))).to.equal(false);
    });
  });

  describe("when the chain port is held by something else", () => {
    it("says which port is busy and what to do (PortBusyError), starting nothing", async () => {
      const port = await freePort();
      const blocker = await occupy(port);
      try {
        const error = await expectRejection(
          startStack({ ...options, chainPort: port }),
          "PortBusyError",
        );
        expect(error).to.include({ port, service: "Hardhat node (JSON-RPC)" });
        expect(error.message)
          .to.contain(`Port ${port}`)
          .and.contain("lsof -i :" + port)
          .and.contain("--chain-port");
      } finally {
        blocker.close();
      }
      expect(processesMentioning(`--port ${port}`)).to.deep.equal([]);
    });
  });
});
