/**
 * `npm run bench:booth`: how fast a booth answers, against a Hardhat node over JSON-RPC (a child
 * started here, deployed through Ignition like `npm start`), with the floor measured in the same
 * run: one `eth_call` round trip plus one EIP-712 signature recovery.
 *
 *   npm run bench:booth                      # 2,000 sequential + 2,000 batched verifications
 *                                            # (plus 1,000 + 1,000 with the off-chain method)
 *   npm run bench:booth -- --count 500 --concurrency 64
 *
 * Every presentation is fresh, signed by the node's accounts (owners and a PRESENT delegate),
 * and must come back valid: a wrong verdict aborts the run. Verification is the whole booth path
 * (strict decode, identity checks, the contract's verdict, the consented profile, the replay
 * claim in the same file-backed store the CLI uses). Prints a table and writes
 * bench/results/booth.json. Goals: p50 <= 5 ms, p99 <= 20 ms, >= 500 verifications/s on 2 cores.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  type Address,
  type Hex,
  bytesToHex,
  createPublicClient,
  encodeFunctionData,
  http,
  recoverTypedDataAddress,
} from "viem";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { presentationTypedData } from "#lib/booth/presentationTypedData.ts";
import { createFileReplayStore } from "#lib/booth/replay/fileReplayStore.node.ts";
import type { ReplayStore } from "#lib/booth/replay/replayStore.ts";
import { verifyPresentationQr } from "#lib/booth/verifyPresentationQr.ts";
import {
  type BoothChain,
  PROJECT_ROOT,
  pendingTime,
  signOnNode,
  startBoothChain,
} from "../test/scripts/boothChain.ts";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "32" },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const GOALS = { p50Ms: 5, p99Ms: 20, batchPerSecond: 500 };

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function stats(samples: number[]): { p50: number; p99: number; mean: number } {
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function cidOf(label: string): Hex {
  return bytesToHex(CID.createV1(0x55, createDigest(0x12, sha256(utf8ToBytes(label)))).bytes);
}

async function send(
  chain: BoothChain,
  account: Address,
  functionName: "mint" | "grantAccess" | "setPublicProfile",
  args: readonly unknown[],
): Promise<void> {
  const hash = await chain.walletClient.writeContract({
    account,
    chain: null,
    address: chain.contract,
    abi: bioDentalNftAbi,
    functionName,
    args: args as never,
  });
  await chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
}

type Signer = { signer: Address; tokenId: bigint };

/** `count` fresh presentations, valid for the full 120 s, signed by the node in parallel chunks. */
async function signMany(chain: BoothChain, signers: Signer[], count: number): Promise<string[]> {
  const texts: string[] = [];
  for (let start = 0; start < count; start += 64) {
    const chunk = Array.from(
      { length: Math.min(64, count - start) },
      (_, i) => signers[(start + i) % signers.length]!,
    );
    texts.push(
      ...(await Promise.all(
        chunk.map(({ signer, tokenId }) => signOnNode({ chain, signer, tokenId, ttl: 120 })),
      ).then((all) => all.map((s) => s.text))),
    );
  }
  return texts;
}

const loadAverageAtStart = os.loadavg().map((l) => round(l, 2));
process.stdout.write(
  `Starting a Hardhat node and deploying (load average ${loadAverageAtStart.join(" ")})…\n`,
);
const chain = await startBoothChain("bench-booth");
const replayDir = await mkdtemp(path.join(os.tmpdir(), "bench-booth-replay-"));
try {
  const [, alice, bob, carol, dave, delegate] = chain.accounts as Address[];
  const owners = [alice!, bob!, carol!, dave!];
  const signers: Signer[] = [];
  for (const owner of owners) {
    const tokenId = BigInt(owner) << 96n;
    await send(chain, owner, "mint", [cidOf(owner)]);
    signers.push({ signer: owner, tokenId });
  }
  // One token shows a consented profile (so the profile read is part of the path), one is presented by a delegate.
  await send(chain, alice!, "setPublicProfile", [
    signers[0]!.tokenId,
    "Brave smile",
    cidOf("story"),
    true,
  ]);
  await send(chain, bob!, "grantAccess", [
    signers[1]!.tokenId,
    delegate!,
    2,
    (await pendingTime(chain)) + 86_400n,
    "0x",
  ]);
  signers.push({ signer: delegate!, tokenId: signers[1]!.tokenId });

  // Batching on, as in the CLI: the verdict and the profile read share one HTTP request.
  const client = createPublicClient({
    transport: http(chain.rpcUrl, { batch: { wait: 0 }, retryCount: 0 }),
  });
  // The file store the CLI uses, with each claim timed: creating a file is the one disk write of a verdict.
  const fileStore = await createFileReplayStore({ directory: replayDir });
  const claimSamples: number[] = [];
  const replayStore: ReplayStore = {
    ...fileStore,
    async claim(challenge, keepUntil) {
      const t = performance.now();
      try {
        return await fileStore.claim(challenge, keepUntil);
      } finally {
        claimSamples.push(performance.now() - t);
      }
    },
  };
  const identity = {
    chainId: chain.chainId,
    contract: chain.contract,
    booth: chain.booth,
    revocationLookup: { fromBlock: chain.deploymentBlock },
  };

  // ---- the floor: one eth_call round trip and one typed-signature recovery, same process, same node
  const floorSigned = await signOnNode({
    chain,
    signer: alice!,
    tokenId: signers[0]!.tokenId,
    ttl: 120,
  });
  const calldata = encodeFunctionData({
    abi: bioDentalNftAbi,
    functionName: "verifyPresentation",
    args: [floorSigned.presentation, floorSigned.signature],
  });
  const typed = presentationTypedData(floorSigned);
  const ethCall = (): Promise<unknown> =>
    client.request({
      method: "eth_call",
      params: [{ to: chain.contract, data: calldata }, "pending"],
    });
  const recover = (): Promise<Address> =>
    recoverTypedDataAddress({ ...typed, signature: floorSigned.signature });
  for (let i = 0; i < 50; i++) await Promise.all([ethCall(), recover()]);
  for (const text of await signMany(chain, signers, 40)) {
    await verifyPresentationQr(client, {
      ...identity,
      replayStore,
      method: "on-chain",
      input: text,
    });
  }

  // ---- sequential latency: floor and verification samples interleaved one by one, so a load
  // spike from other processes on the machine hits both alike (the machine is shared).
  const callSamples: number[] = [];
  const recoverSamples: number[] = [];
  const floorSamples: number[] = [];
  const onChain: number[] = [];
  const offChain: number[] = [];
  async function timedVerify(
    method: "on-chain" | "off-chain",
    text: string,
    into: number[],
  ): Promise<void> {
    const t = performance.now();
    const verdict = await verifyPresentationQr(client, {
      ...identity,
      replayStore,
      method,
      input: text,
    });
    into.push(performance.now() - t);
    if (!verdict.valid)
      throw new Error(`expected valid, got ${verdict.reason} (${verdict.detail ?? ""})`);
  }
  // Signed in chunks just before use, so no presentation nears its 120 s limit on a loaded machine.
  for (let done = 0; done < COUNT; done += 250) {
    const size = Math.min(250, COUNT - done);
    const texts = await signMany(chain, signers, size + Math.ceil(size / 2));
    for (let i = 0; i < size; i++) {
      let t = performance.now();
      await ethCall();
      const call = performance.now() - t;
      t = performance.now();
      if ((await recover()).toLowerCase() !== alice!.toLowerCase())
        throw new Error("recovery returned the wrong signer");
      const rec = performance.now() - t;
      callSamples.push(call);
      recoverSamples.push(rec);
      floorSamples.push(call + rec);
      await timedVerify("on-chain", texts[i]!, onChain);
      if (i % 2 === 0) await timedVerify("off-chain", texts[size + i / 2]!, offChain);
    }
  }

  // ---- throughput with concurrency. Short rounds of each kind, alternated, so a load spike from
  // the machine's other processes is shared alike; each kind's rate is its count over its summed time.
  async function burst(
    items: number,
    concurrency: number,
    one: (index: number) => Promise<void>,
  ): Promise<number> {
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, items) }, async () => {
        while (next < items) await one(next++);
      }),
    );
    return (performance.now() - t) / 1000;
  }
  const kinds = {
    bare: { count: 0, seconds: 0 },
    onChain: { count: 0, seconds: 0 },
    noProfile: { count: 0, seconds: 0 },
    offChain: { count: 0, seconds: 0 },
  };
  let invalid = 0;
  const verifyInto =
    (texts: string[], method: "on-chain" | "off-chain", readProfile: boolean) =>
    async (i: number) => {
      const verdict = await verifyPresentationQr(client, {
        ...identity,
        replayStore,
        method,
        readProfile,
        input: texts[i]!,
      });
      if (!verdict.valid) invalid++;
    };
  const ROUND = 250;
  for (let done = 0; done < COUNT; done += ROUND) {
    const size = Math.min(ROUND, COUNT - done);
    const half = Math.ceil(size / 2);
    const texts = await signMany(chain, signers, size + 2 * half);
    const onChainTexts = texts.slice(0, size);
    const noProfileTexts = texts.slice(size, size + half);
    const offChainTexts = texts.slice(size + half);
    kinds.bare.seconds += await burst(size, CONCURRENCY, async () => void (await ethCall()));
    kinds.bare.count += size;
    kinds.onChain.seconds += await burst(
      size,
      CONCURRENCY,
      verifyInto(onChainTexts, "on-chain", true),
    );
    kinds.onChain.count += size;
    kinds.noProfile.seconds += await burst(
      half,
      CONCURRENCY,
      verifyInto(noProfileTexts, "on-chain", false),
    );
    kinds.noProfile.count += half;
    kinds.offChain.seconds += await burst(
      half,
      CONCURRENCY,
      verifyInto(offChainTexts, "off-chain", true),
    );
    kinds.offChain.count += half;
  }
  if (invalid > 0) throw new Error(`${invalid} batched verifications were not valid`);
  const rate = (kind: { count: number; seconds: number }): number => kind.count / kind.seconds;
  const ethCallPerSecond = rate(kinds.bare);
  const batchOnChain = { perSecond: rate(kinds.onChain), seconds: kinds.onChain.seconds };
  const batchOffChain = { perSecond: rate(kinds.offChain), seconds: kinds.offChain.seconds };
  // Without the consented-profile read: one eth_call a verdict instead of two, to show what it costs.
  const batchNoProfile = { perSecond: rate(kinds.noProfile), seconds: kinds.noProfile.seconds };
  await replayStore.close();

  const call = stats(callSamples);
  const rec = stats(recoverSamples);
  const floor = stats(floorSamples);
  const on = stats(onChain);
  const claim = stats(claimSamples);
  const off = stats(offChain);
  const result = {
    p50Ms: round(on.p50),
    p99Ms: round(on.p99),
    batchPerSecond: Math.round(batchOnChain.perSecond),
    floorP50Ms: round(floor.p50),
    floorP99Ms: round(floor.p99),
    method:
      "on-chain (one eth_call of verifyPresentation at the pending block, profile read in the same JSON-RPC batch)",
    replayStore: "file (one O_EXCL file per challenge, as the CLI)",
    replayClaim: { p50Ms: round(claim.p50), p99Ms: round(claim.p99), count: claimSamples.length },
    sequential: { count: onChain.length, meanMs: round(on.mean), interleavedWithFloor: true },
    offChain: {
      p50Ms: round(off.p50),
      p99Ms: round(off.p99),
      meanMs: round(off.mean),
      count: offChain.length,
      batchPerSecond: Math.round(batchOffChain.perSecond),
    },
    batch: {
      count: COUNT,
      concurrency: CONCURRENCY,
      seconds: round(batchOnChain.seconds),
      bareEthCallPerSecond: Math.round(ethCallPerSecond),
      withoutProfileReadPerSecond: Math.round(batchNoProfile.perSecond),
      alternatedRoundsOf: 250,
    },
    floor: {
      ethCallP50Ms: round(call.p50),
      ethCallP99Ms: round(call.p99),
      recoverTypedDataP50Ms: round(rec.p50),
      recoverTypedDataP99Ms: round(rec.p99),
      count: floorSamples.length,
    },
    goals: GOALS,
    met: {
      p50: on.p50 <= GOALS.p50Ms,
      p99: on.p99 <= GOALS.p99Ms,
      batchPerSecond: batchOnChain.perSecond >= GOALS.batchPerSecond,
    },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
      node: process.version,
    },
    date: new Date().toISOString(),
  };

  const rows: [string, string, string, string][] = [
    ["floor: eth_call round trip", `${round(call.p50)}`, `${round(call.p99)}`, ""],
    ["floor: EIP-712 recovery (viem)", `${round(rec.p50)}`, `${round(rec.p99)}`, ""],
    ["floor: eth_call + recovery", `${round(floor.p50)}`, `${round(floor.p99)}`, ""],
    [
      "verify, on-chain (default)",
      `${round(on.p50)}`,
      `${round(on.p99)}`,
      `p50 <= ${GOALS.p50Ms}, p99 <= ${GOALS.p99Ms}: ${result.met.p50 && result.met.p99 ? "met" : "NOT met"}`,
    ],
    ["verify, off-chain", `${round(off.p50)}`, `${round(off.p99)}`, ""],
    ["replay claim, file store (all runs)", `${round(claim.p50)}`, `${round(claim.p99)}`, ""],
  ];
  const widths = [34, 10, 10, 30];
  const line = (cells: string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" ");
  console.log(
    `\nBooth verification against a Hardhat node over JSON-RPC (${os.cpus().length} cores, load ${result.machine.loadAverageAtEnd.join(" ")})`,
  );
  console.log(line(["", "p50 ms", "p99 ms", "goal"]));
  for (const row of rows) console.log(line(row));
  console.log(
    line([
      `batch, on-chain, concurrency ${CONCURRENCY}`,
      `${result.batchPerSecond}/s`,
      "",
      `>= ${GOALS.batchPerSecond}/s: ${result.met.batchPerSecond ? "met" : "NOT met"}`,
    ]),
  );
  console.log(
    line([
      `batch, off-chain, concurrency ${CONCURRENCY}`,
      `${result.offChain.batchPerSecond}/s`,
      "",
      "",
    ]),
  );
  console.log(
    line([
      `batch, on-chain, no profile read`,
      `${result.batch.withoutProfileReadPerSecond}/s`,
      "",
      "",
    ]),
  );
  console.log(
    line([
      `floor: bare eth_call, concurrency ${CONCURRENCY}`,
      `${result.batch.bareEthCallPerSecond}/s`,
      "",
      "",
    ]),
  );

  const out = path.join(PROJECT_ROOT, "bench/results/booth.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(PROJECT_ROOT, out)}`);
} finally {
  await chain.stop();
  await rm(replayDir, { recursive: true, force: true });
}
