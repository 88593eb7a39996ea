/**
 * `npm run bench:ipfs [-- --mib 256 --rounds 3]`: the embedded node over RPC (kubo-rpc-client
 * add+pin and cat, server in its own process as in production) next to in-process Helia on disk
 * (createHeliaLight + blockstore-fs + datastore-fs, @helia/unixfs with the same Kubo options,
 * Helia's pinner), on the same pseudo-random data. Each side first warms up on 16 MiB, then runs
 * `--rounds` rounds on fresh data; the median round is reported (one 2-second run on this VM
 * varies by ±15 %), the slowest and fastest beside it. Prints a table, writes
 * bench/results/ipfs.json.
 */
import { spawn } from "node:child_process";
import { createCipheriv } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { create } from "kubo-rpc-client";
import { kuboImporterOptions } from "../ipfs-node/node/kubo-import-options.ts";
import { median } from "./bench/median.ts";
import { startIpfsNode } from "../ipfs-node/start-ipfs-node.ts";
import { tuneHeapForStreaming } from "../ipfs-node/tune-heap-for-streaming.ts";

const MiB = 1024 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === "--serve") {
  // Tuned exactly as `npm run ipfs` runs the node.
  tuneHeapForStreaming();
  let majorGcs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[])
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
  }).observe({ entryTypes: ["gc"] });
  const node = await startIpfsNode({ dataDir: process.argv[3]!, apiPort: 0, gatewayPort: 0 });
  process.stdout.write(JSON.stringify({ apiUrl: node.apiUrl }) + "\n");
  // Told to stop: report what the node's process spent, for the table.
  process.on("SIGTERM", () => {
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ majorGcs, peakRssMiB }) + "\n");
    void node.stop().then(() => process.exit(0));
  });
} else {
  await main();
}

type Round = { addSeconds: number; catSeconds: number; cid: string };

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: { mib: { type: "string", default: "256" }, rounds: { type: "string", default: "3" } },
  });
  const totalMiB = positiveInteger("--mib", args.mib);
  const rounds = positiveInteger("--rounds", args.rounds);
  const data = new Uint8Array(totalMiB * MiB);
  // 1 MiB pieces: how a file or an encryption stream arrives, never one giant buffer.
  function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
    for (let offset = 0; offset < bytes.length; offset += MiB)
      yield bytes.subarray(offset, offset + MiB);
  }
  const warmUp = fillRound(new Uint8Array(16 * MiB), -1);
  const root = await mkdtemp(
    path.join(process.env.BENCH_TMPDIR ?? path.resolve(here, "../.data"), "bench-ipfs-"),
  );
  try {
    // --- Embedded node over RPC, server in its own process -----------------------------------
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), "--serve", path.join(root, "rpc")],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const nextLine = async (): Promise<string> => {
      const { value, done } = await lines.next();
      if (done)
        throw new Error(`the node's process exited (${child.exitCode ?? child.signalCode})`);
      return value;
    };
    const { apiUrl } = JSON.parse(await nextLine()) as { apiUrl: string };
    const ipfs = create({ url: apiUrl });
    const rpcRound = async (bytes: Uint8Array): Promise<Round> => {
      let start = performance.now();
      const added = await ipfs.add(pieces(bytes), { pin: true });
      const addSeconds = (performance.now() - start) / 1000;
      start = performance.now();
      let catBytes = 0;
      for await (const chunk of ipfs.cat(added.cid)) catBytes += chunk.length;
      const catSeconds = (performance.now() - start) / 1000;
      if (catBytes !== bytes.length)
        throw new Error(`RPC cat returned ${catBytes} bytes, expected ${bytes.length}`);
      return { addSeconds, catSeconds, cid: added.cid.toString() };
    };
    await rpcRound(warmUp);
    const rpcRounds: Round[] = [];
    for (let round = 0; round < rounds; round++)
      rpcRounds.push(await rpcRound(fillRound(data, round)));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const server = JSON.parse(await nextLine()) as { majorGcs: number; peakRssMiB: number };
    await exited;

    // --- In-process Helia on disk, same options ----------------------------------------------
    // Loaded only now, so the RPC client above ran without Helia's modules in its heap.
    const [{ unixfs }, { FsBlockstore }, { FsDatastore }, { createHeliaLight }] = await Promise.all(
      [import("@helia/unixfs"), import("blockstore-fs"), import("datastore-fs"), import("helia")],
    );
    const blockstore = new FsBlockstore(path.join(root, "helia/blocks"));
    const datastore = new FsDatastore(path.join(root, "helia/datastore"));
    const helia = createHeliaLight({ blockstore, datastore });
    await helia.start();
    const fs = unixfs(helia);
    const { onProgress: _unused, ...importOptions } = kuboImporterOptions();
    const heliaRound = async (bytes: Uint8Array): Promise<Round> => {
      let start = performance.now();
      const cid = await fs.addByteStream(pieces(bytes), importOptions);
      for await (const _ of helia.pins.add(cid)) {
        // drain
      }
      const addSeconds = (performance.now() - start) / 1000;
      start = performance.now();
      let catBytes = 0;
      for await (const chunk of fs.cat(cid, { offline: true })) catBytes += chunk.length;
      const catSeconds = (performance.now() - start) / 1000;
      if (catBytes !== bytes.length) throw new Error(`Helia cat returned ${catBytes} bytes`);
      return { addSeconds, catSeconds, cid: cid.toString() };
    };
    await heliaRound(warmUp);
    const heliaRounds: Round[] = [];
    for (let round = 0; round < rounds; round++)
      heliaRounds.push(await heliaRound(fillRound(data, round)));
    await helia.stop();
    heliaRounds.forEach((round, index) => {
      if (round.cid !== rpcRounds[index]!.cid)
        throw new Error(`CID mismatch in round ${index}: ${round.cid} vs ${rpcRounds[index]!.cid}`);
    });

    const rates = (list: Round[], key: "addSeconds" | "catSeconds") =>
      list.map((round) => Math.round((totalMiB / round[key]) * 10) / 10).sort((a, b) => a - b);
    const rpcAdd = rates(rpcRounds, "addSeconds");
    const rpcCat = rates(rpcRounds, "catSeconds");
    const heliaAdd = rates(heliaRounds, "addSeconds");
    const heliaCat = rates(heliaRounds, "catSeconds");
    const results = {
      totalMiB,
      rounds,
      cid: rpcRounds[0]!.cid,
      rpcAddPinMiBps: oneDecimal(median(rpcAdd)),
      rpcCatMiBps: oneDecimal(median(rpcCat)),
      inProcessAddPinMiBps: oneDecimal(median(heliaAdd)),
      inProcessCatMiBps: oneDecimal(median(heliaCat)),
      rpcAddPinRoundsMiBps: rpcAdd,
      rpcCatRoundsMiBps: rpcCat,
      inProcessAddPinRoundsMiBps: heliaAdd,
      inProcessCatRoundsMiBps: heliaCat,
      serverMajorGcs: server.majorGcs,
      serverPeakRssMiB: server.peakRssMiB,
      goalRpcAddPinMiBps: 100,
      goalRpcCatMiBps: 250,
      cpus: os.cpus().length,
      loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
      node: process.version,
      date: new Date().toISOString(),
    };
    const spread = (list: number[]) => `${list[0]} … ${list.at(-1)}`;
    console.table([
      {
        path: "embedded node over RPC (kubo-rpc-client)",
        "add+pin MiB/s": results.rpcAddPinMiBps,
        "add+pin range": spread(rpcAdd),
        "cat MiB/s": results.rpcCatMiBps,
        "cat range": spread(rpcCat),
      },
      {
        path: "in-process Helia on disk",
        "add+pin MiB/s": results.inProcessAddPinMiBps,
        "add+pin range": spread(heliaAdd),
        "cat MiB/s": results.inProcessCatMiBps,
        "cat range": spread(heliaCat),
      },
    ]);
    console.log(
      `${totalMiB} MiB per round, median of ${rounds} rounds after a 16 MiB warm-up; goals over RPC: add+pin >= 100, cat >= 250 MiB/s; load average ${results.loadAverage1m} on ${results.cpus} CPUs`,
    );
    console.log(
      `the node's process: ${server.majorGcs} full garbage collections, peak RSS ${server.peakRssMiB} MiB`,
    );
    await mkdir(path.resolve(here, "../bench/results"), { recursive: true });
    await writeFile(
      path.resolve(here, "../bench/results/ipfs.json"),
      JSON.stringify(results, null, 2) + "\n",
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive integer`);
  return value;
}

/**
 * Fills `target` with round `round`'s bytes: an AES-256-CTR keystream under a key made from the
 * round number, fast and incompressible, and the same for both sides so their CIDs must agree.
 */
function fillRound(target: Uint8Array, round: number): Uint8Array {
  const key = Buffer.alloc(32);
  key.writeInt32BE(round);
  const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  const zeros = new Uint8Array(MiB);
  for (let offset = 0; offset < target.length; offset += MiB) {
    const length = Math.min(MiB, target.length - offset);
    target.set(cipher.update(zeros.subarray(0, length)), offset);
  }
  return target;
}
