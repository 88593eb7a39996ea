import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { type StackHandle, startStack } from "../../scripts/stack/start-stack.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

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

describe("the record CLI (scripts/*-record.ts) against a local stack", function () {
  this.timeout(10 * 60_000);

  let stack: StackHandle;
  let work: string;
  let dataDir: string;
  let connection: string[];

  /** Runs one CLI script under this Node (24) and returns its exit code and output. */
  async function cli(
    script: string,
    ...args: string[]
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(ROOT, "scripts", script), ...args, ...connection],
        { cwd: ROOT },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  before(async () => {
    const chainPort = await freePort();
    dataDir = path.join(ROOT, ".data/test", `cli-${chainPort}`);
    stack = await startStack({
      chainPort,
      ipfsApiPort: await freePort(),
      ipfsGatewayPort: await freePort(),
      app: false,
      stateDir: path.join(dataDir, "stack"),
      ipfsDataDir: path.join(dataDir, "ipfs"),
      deploymentId: `test-cli-${chainPort}`,
      quiet: true,
    });
    connection = [
      "--rpc",
      stack.urls.rpc,
      "--ipfs-api",
      stack.urls.ipfsApi,
      "--ipfs-gateway",
      stack.urls.ipfsGateway,
      "--contract",
      stack.addresses.bioDental,
    ];
    work = mkdtempSync(path.join(tmpdir(), "record-cli-"));
  });

  after(async () => {
    await stack?.stop();
    if (stack) rmSync(stack.deployment.deploymentDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("registers keys, mints from a JSON file with an attachment, shows, grants, revokes and burns", async () => {
    const owner = ["--account", "5"];
    const grantee = ["--account", "6"];
    for (const account of [owner, grantee]) {
      const registered = await cli("register-key.ts", ...account);
      expect(registered.code, registered.stderr).to.equal(0);
      expect(registered.stdout).to.match(/encryption key 0x[0-9a-f]{64} registered/);
    }
    const again = await cli("register-key.ts", ...owner);
    expect(again.stdout).to.contain("already registered");

    const recordFile = path.join(work, "record.json");
    writeFileSync(
      recordFile,
      JSON.stringify({
        schema: "biodental.record/1",
        visitDate: "2025-07-01",
        practitioner: { name: "Dr. Liora Voss" },
        teeth: [{ tooth: 21, status: "sensitive" }],
      }),
    );
    const scan = path.join(work, "scan.stl");
    writeFileSync(scan, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) & 0xff)));
    const minted = await cli("mint-record.ts", recordFile, "--attach", scan, ...owner);
    expect(minted.code, minted.stderr).to.equal(0);
    const tokenId = /Minted token (\d+)/.exec(minted.stdout)?.[1];
    expect(tokenId, minted.stdout).to.be.a("string");

    const out = path.join(work, "out");
    const shown = await cli("show-record.ts", tokenId!, "--out", out, ...owner);
    expect(shown.code, shown.stderr).to.equal(0);
    expect(shown.stdout).to.contain("21  sensitive").and.contain("(you)");
    expect(readFileSync(path.join(out, "scan.stl")).equals(readFileSync(scan))).to.equal(true);

    const address6 = (await cli("register-key.ts", ...grantee)).stdout.slice(0, 42);
    const granted = await cli("grant-record.ts", tokenId!, address6, "--days", "7", ...owner);
    expect(granted.code, granted.stderr).to.equal(0);
    const asGrantee = await cli("show-record.ts", tokenId!, "--json", ...grantee);
    expect(asGrantee.code, asGrantee.stderr).to.equal(0);
    expect(JSON.parse(asGrantee.stdout).record.teeth).to.deep.equal([
      { tooth: 21, status: "sensitive" },
    ]);

    const revoked = await cli("revoke-record.ts", tokenId!, address6, ...owner);
    expect(revoked.code, revoked.stderr).to.equal(0);
    expect(revoked.stdout)
      .to.contain("re-encrypted as version 2")
      .and.contain("unpinned the previous version");
    const refused = await cli("show-record.ts", tokenId!, ...grantee);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.contain("holds no READ grant");

    const unconfirmed = await cli("burn-record.ts", tokenId!, ...owner);
    expect(unconfirmed.code).to.equal(2);
    const burned = await cli("burn-record.ts", tokenId!, "--yes", ...owner);
    expect(burned.code, burned.stderr).to.equal(0);
    // Version 1 was unpinned by the revocation; only version 2 was still pinned.
    expect(burned.stdout).to.contain("unpinned 1 version(s)");
  });

  it("says plainly when no chain answers at the RPC URL", async () => {
    const result = await run(
      process.execPath,
      [path.join(ROOT, "scripts/show-record.ts"), "1", "--rpc", "http://127.0.0.1:1"],
      { cwd: ROOT },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((result as { code: number }).code).to.equal(1);
    expect((result as { stderr: string }).stderr).to.contain(
      "no chain answers at http://127.0.0.1:1",
    );
  });
});
