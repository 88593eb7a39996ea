import { expect } from "chai";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { type Address, type Hex, bytesToHex, getAddress } from "viem";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import type { VerdictJson } from "#lib/booth/verdict.ts";
import {
  type BoothChain,
  PROJECT_ROOT,
  advanceTime,
  freePort,
  pendingTime,
  signOnNode,
  startBoothChain,
} from "./boothChain.ts";

const CLI = path.join(PROJECT_ROOT, "scripts/booth.ts");
const PRESENT = 2;
const READ = 1;

type Run = { code: number | null; verdicts: VerdictJson[]; stderr: string };

/** Runs `npm run booth -- …` as its own process (what `npm run booth` runs, minus npm). */
function runBooth(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      try {
        const verdicts = stdout
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => JSON.parse(line) as VerdictJson);
        resolve({ code, verdicts, stderr });
      } catch (error) {
        reject(new Error(`not JSON lines: ${stdout}\n${stderr}`, { cause: error }));
      }
    });
    child.stdin.end(stdin ?? "");
  });
}

function cidOf(label: string): Hex {
  return bytesToHex(CID.createV1(0x55, createDigest(0x12, sha256(utf8ToBytes(label)))).bytes);
}

describe("npm run booth (command line)", function () {
  this.timeout(600_000);
  let chain: BoothChain;
  let replayDir: string;
  let work: string;
  let alice: Address;
  let bob: Address;
  let carol: Address;
  let stranger: Address;
  let organizer: Address;
  let tokenId: bigint;

  /** Sends a contract write from an unlocked node account and waits for it. */
  async function send(
    account: Address,
    functionName: string,
    args: readonly unknown[],
  ): Promise<void> {
    const hash = await chain.walletClient.writeContract({
      account,
      chain: null,
      address: chain.contract,
      abi: bioDentalNftAbi,
      functionName: functionName as "mint",
      args: args as [Hex],
    });
    const receipt = await chain.publicClient.waitForTransactionReceipt({
      hash,
      pollingInterval: 50,
    });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  }

  /** The booth command against the test chain; the booth itself is the default (the demo booth). */
  function booth(args: string[], stdin?: string): Promise<Run> {
    return runBooth(
      [...args, "--rpc", chain.rpcUrl, "--contract", chain.contract, "--replay-dir", replayDir],
      stdin,
    );
  }

  before(async () => {
    chain = await startBoothChain("booth-cli");
    work = await mkdtemp(path.join(tmpdir(), "booth-cli-"));
    replayDir = path.join(work, "replay");
    [organizer, alice, bob, carol, stranger] = chain.accounts as [
      Address,
      Address,
      Address,
      Address,
      Address,
    ];
    tokenId = (BigInt(alice) << 96n) | 0n;
    await send(alice, "mint", [cidOf("alice")]);
  });

  after(async () => {
    await chain?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe("when a member shows a fresh code", () => {
    it("prints a valid verdict as JSON and exits 0; the same code after a restart is a replay (exit 1)", async () => {
      const { text } = await signOnNode({ chain, signer: alice, tokenId });
      const first = await booth(["verify", text]);
      expect(first.code, first.stderr).to.equal(0);
      expect(first.verdicts).to.have.length(1);
      expect(first.verdicts[0]).to.deep.include({
        valid: true,
        reason: "valid",
        tokenId: tokenId.toString(),
        holder: getAddress(alice),
      });
      expect(first.verdicts[0]!.message).to.be.a("string").and.match(/Valid/);

      // A new process: only the file-backed store can remember the challenge.
      const again = await booth(["verify", text]);
      expect(again.code).to.equal(1);
      expect(again.verdicts[0]).to.deep.include({
        valid: false,
        reason: "replay",
        tokenId: tokenId.toString(),
      });
    });

    it("reads the code from a PNG photo of the QR, with the off-chain method too", async () => {
      const signed = await signOnNode({ chain, signer: alice, tokenId });
      const image = path.join(work, "code.png");
      await writeFile(
        image,
        await QRCode.toBuffer(
          encodePresentationQr({ ...signed, verifyUrl: "http://127.0.0.1:5173/verify" }),
          { errorCorrectionLevel: "M", scale: 4 },
        ),
      );
      const run = await booth(["verify", image, "--method", "off-chain"]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.verdicts[0]!.reason).to.equal("valid");
      const notImage = path.join(work, "missing.png");
      const missing = await booth(["verify", notImage]);
      expect(missing.code).to.equal(1);
      expect(missing.verdicts[0]!.reason).to.equal("malformed");
    });
  });

  describe("when codes are checked in a batch", () => {
    it("prints every verdict in input order, one JSON per line, and exits with the worst (1)", async () => {
      await send(organizer, "registerBooth", [carol, "Closed booth"]);
      await send(organizer, "deactivateBooth", [carol]);
      const now = await pendingTime(chain);
      const expiry = now + 3600n;
      await send(alice, "grantAccess", [tokenId, bob, READ, expiry, "0x"]);
      const delegate = chain.accounts[5]!;
      await send(alice, "grantAccess", [tokenId, delegate, PRESENT, expiry, "0x"]);
      const revokedDelegate = chain.accounts[6]!;
      await send(alice, "grantAccess", [tokenId, revokedDelegate, PRESENT, expiry, "0x"]);
      await send(alice, "revokeAccess", [tokenId, revokedDelegate]);
      const lapsing = chain.accounts[7]!;
      await send(alice, "grantAccess", [
        tokenId,
        lapsing,
        PRESENT,
        (await pendingTime(chain)) + 40n,
        "0x",
      ]);
      const burned = (BigInt(bob) << 96n) | 0n;
      await send(bob, "mint", [cidOf("bob")]);
      await send(bob, "burn", [burned]);
      await advanceTime(chain, 60);

      const valid = await signOnNode({ chain, signer: alice, tokenId });
      const cases: [string, string][] = [
        ["valid", valid.text],
        ["replay", valid.text],
        [
          "expired",
          (
            await signOnNode({
              chain,
              signer: alice,
              tokenId,
              notAfter: (await pendingTime(chain)) - 10n,
            })
          ).text,
        ],
        ["not-yet-valid", (await signOnNode({ chain, signer: alice, tokenId, ttl: 500 })).text],
        ["wrong-chain", (await signOnNode({ chain, signer: alice, tokenId, chainId: 1n })).text],
        [
          "wrong-contract",
          (await signOnNode({ chain, signer: alice, tokenId, verifyingContract: stranger })).text,
        ],
        [
          "wrong-booth",
          (await signOnNode({ chain, signer: alice, tokenId, booth: stranger })).text,
        ],
        [
          "token-not-found",
          (await signOnNode({ chain, signer: alice, tokenId: tokenId + 5n })).text,
        ],
        ["token-not-found", (await signOnNode({ chain, signer: bob, tokenId: burned })).text],
        ["not-owner-or-delegate", (await signOnNode({ chain, signer: bob, tokenId })).text],
        ["not-owner-or-delegate", (await signOnNode({ chain, signer: stranger, tokenId })).text],
        ["valid", (await signOnNode({ chain, signer: delegate, tokenId })).text],
        [
          "delegate-expired-or-revoked",
          (await signOnNode({ chain, signer: revokedDelegate, tokenId })).text,
        ],
        [
          "delegate-expired-or-revoked",
          (await signOnNode({ chain, signer: lapsing, tokenId })).text,
        ],
        [
          "bad-signature",
          (await signOnNode({ chain, signer: stranger, holder: alice, tokenId })).text,
        ],
        ["malformed", "bdp1.not-a-presentation"],
        ["malformed", "https://example.com/verify#nothing"],
      ];
      const file = path.join(work, "batch.txt");
      await writeFile(file, `${cases.map(([, text]) => text).join("\n")}\n\n`);
      const run = await booth(["verify", "--batch", file]);
      expect(run.verdicts.map((v) => v.reason)).to.deep.equal(cases.map(([reason]) => reason));
      for (const verdict of run.verdicts) {
        expect(verdict.valid).to.equal(verdict.reason === "valid");
        expect(verdict.message).to.be.a("string").and.not.equal("");
      }
      expect(run.code).to.equal(1);

      // The same through stdin, against the booth that was deactivated (every decodable code then
      // fails on the booth), and the registration checks at a never-registered booth.
      const inactive = await signOnNode({ chain, signer: alice, tokenId, booth: carol });
      const atInactive = await booth(
        ["verify", "--batch", "-", "--booth", carol],
        `${inactive.text}\n`,
      );
      expect(atInactive.verdicts.map((v) => v.reason)).to.deep.equal(["booth-inactive"]);
      const unregistered = await signOnNode({ chain, signer: alice, tokenId, booth: stranger });
      const atUnregistered = await booth(["verify", unregistered.text, "--booth", stranger]);
      expect(atUnregistered.verdicts[0]!.reason).to.equal("booth-not-registered");
      expect(atUnregistered.code).to.equal(1);
    });

    it("exits 0 when every line is valid", async () => {
      const texts = await Promise.all(
        [1, 2, 3].map(() => signOnNode({ chain, signer: alice, tokenId })),
      );
      const file = path.join(work, "all-valid.txt");
      await writeFile(file, texts.map((t) => t.text).join("\n"));
      const run = await booth(["verify", "--batch", file]);
      expect(run.verdicts.map((v) => v.reason)).to.deep.equal(["valid", "valid", "valid"]);
      expect(run.code).to.equal(0);
    });
  });

  describe("when a delegate's grant is revoked between two scans", () => {
    it("accepts the delegate, then refuses its next code", async () => {
      const helper = chain.accounts[8]!;
      await send(alice, "grantAccess", [
        tokenId,
        helper,
        PRESENT,
        (await pendingTime(chain)) + 3600n,
        "0x",
      ]);
      const before = await booth([
        "verify",
        (await signOnNode({ chain, signer: helper, tokenId })).text,
      ]);
      expect(before.verdicts[0]!.reason).to.equal("valid");
      await send(alice, "revokeAccess", [tokenId, helper]);
      const after = await booth([
        "verify",
        (await signOnNode({ chain, signer: helper, tokenId })).text,
      ]);
      expect(after.verdicts[0]!.reason).to.equal("delegate-expired-or-revoked");
      expect(after.code).to.equal(1);
    });
  });

  describe("when the chain cannot be reached", () => {
    it("says cannot verify and exits 2, but still calls junk malformed", async () => {
      const { text } = await signOnNode({ chain, signer: alice, tokenId });
      const dead = `http://127.0.0.1:${await freePort()}`;
      const run = await runBooth(["verify", text, "--rpc", dead, "--replay-dir", replayDir]);
      expect(run.code).to.equal(2);
      expect(run.verdicts[0]).to.deep.include({
        valid: false,
        reason: "chain-unreachable",
        outcome: "cannot-verify",
        tokenId: tokenId.toString(),
      });

      const file = path.join(work, "mixed.txt");
      await writeFile(file, `junk\n${text}\n`);
      const batch = await runBooth([
        "verify",
        "--batch",
        file,
        "--rpc",
        dead,
        "--contract",
        chain.contract,
        "--chain-id",
        String(chain.chainId),
        "--booth",
        chain.booth,
      ]);
      expect(batch.verdicts.map((v) => v.reason)).to.deep.equal(["malformed", "chain-unreachable"]);
      expect(batch.code).to.equal(2);

      // The code was never admitted, so it is still good once the chain answers.
      const later = await booth(["verify", text]);
      expect(later.verdicts[0]!.reason).to.equal("valid");
    });
  });

  describe("when the replay store cannot be written", () => {
    it("says cannot verify and exits 2", async () => {
      const blocker = path.join(work, "a-file");
      await writeFile(blocker, "");
      const { text } = await signOnNode({ chain, signer: alice, tokenId });
      const run = await runBooth([
        "verify",
        text,
        "--rpc",
        chain.rpcUrl,
        "--contract",
        chain.contract,
        "--replay-dir",
        path.join(blocker, "replay"),
      ]);
      expect(run.verdicts[0]!.reason).to.equal("store-unavailable");
      expect(run.code).to.equal(2);
    });
  });

  describe("when it is used wrongly", () => {
    it("explains and exits 64", async () => {
      for (const args of [
        [],
        ["check", "x"],
        ["verify"],
        ["verify", "a", "b"],
        ["verify", "x", "--booth", "nope"],
        ["verify", "x", "--method", "psychic"],
      ]) {
        const run = await runBooth(args);
        expect(run.code, args.join(" ")).to.equal(64);
        expect(run.stderr).to.match(/Usage/);
      }
    });
  });
});
