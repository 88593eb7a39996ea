/**
 * `npm run bench:ipfs [-- --mib 256]`: the embedded node over RPC (kubo-rpc-client add+pin and
 * cat, server in its own process as in production) next to in-process Helia on disk
 * (createHeliaLight + blockstore-fs + datastore-fs, @helia/unixfs with the same Kubo options,
 * Helia's pinner), on the same random data. Prints a table, writes bench/results/ipfs.json.
 */
import { spawn } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { create } from "kubo-rpc-client";
import { kuboImporterOptions } from "../ipfs-node/node/kubo-import-options.ts";
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

async function main(): Promise<void> {
  const mibIndex = process.argv.indexOf("--mib");
  const totalMiB = mibIndex > 0 ? Number(process.argv[mibIndex + 1]) : 256;
  const data = new Uint8Array(totalMiB * MiB);
  for (let offset = 0; offset < data.length; offset += MiB) randomFillSync(data, offset, MiB);
  // 1 MiB pieces: how a file or an encryption stream arrives, never one giant buffer.
  function* pieces(): Generator<Uint8Array> {
    for (let offset = 0; offset < data.length; offset += MiB)
      yield data.subarray(offset, offset + MiB);
  }
  const root = await mkdtemp(
    path.join(process.env.BENCH_TMPDIR ?? path.resolve(here, "../.data"), "bench-ipfs-"),
  );
  const results: Record<string, number | string> = {};
  try {
    // --- Embedded node over RPC, server in its own process -----------------------------------
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), "--serve", path.join(root, "rpc")],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
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
    let start = performance.now();
    const added = await ipfs.add(pieces(), { pin: true });
    const rpcAddSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    let catBytes = 0;
    for await (const chunk of ipfs.cat(added.cid)) catBytes += chunk.length;
    const rpcCatSeconds = (performance.now() - start) / 1000;
    if (catBytes !== data.length)
      throw new Error(`RPC cat returned ${catBytes} bytes, expected ${data.length}`);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const server = JSON.parse(await nextLine()) as { majorGcs: number; peakRssMiB: number };
    await exited;

    // Loaded only now, so the RPC client above ran without Helia's modules in its heap.
    const [{ unixfs }, { FsBlockstore }, { FsDatastore }, { createHeliaLight }] = await Promise.all(
      [import("@helia/unixfs"), import("blockstore-fs"), import("datastore-fs"), import("helia")],
    );

    // --- In-process Helia on disk, same options ----------------------------------------------
    const blockstore = new FsBlockstore(path.join(root, "helia/blocks"));
    const datastore = new FsDatastore(path.join(root, "helia/datastore"));
    const helia = createHeliaLight({ blockstore, datastore });
    await helia.start();
    const fs = unixfs(helia);
    start = performance.now();
    const { onProgress: _unused, ...importOptions } = kuboImporterOptions();
    const heliaCid = await fs.addByteStream(pieces(), importOptions);
    for await (const _ of helia.pins.add(heliaCid)) {
      // drain
    }
    const inProcessAddSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    let heliaBytes = 0;
    for await (const chunk of fs.cat(heliaCid, { offline: true })) heliaBytes += chunk.length;
    const inProcessCatSeconds = (performance.now() - start) / 1000;
    await helia.stop();
    if (heliaBytes !== data.length) throw new Error(`Helia cat returned ${heliaBytes} bytes`);
    if (heliaCid.toString() !== added.cid.toString())
      throw new Error(`CID mismatch: ${heliaCid} vs ${added.cid}`);

    const rate = (seconds: number) => Math.round((totalMiB / seconds) * 10) / 10;
    Object.assign(results, {
      totalMiB,
      cid: added.cid.toString(),
      rpcAddPinMiBps: rate(rpcAddSeconds),
      rpcCatMiBps: rate(rpcCatSeconds),
      inProcessAddPinMiBps: rate(inProcessAddSeconds),
      inProcessCatMiBps: rate(inProcessCatSeconds),
      serverMajorGcs: server.majorGcs,
      serverPeakRssMiB: server.peakRssMiB,
      goalRpcAddPinMiBps: 100,
      goalRpcCatMiBps: 250,
      cpus: os.cpus().length,
      loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
      node: process.version,
      date: new Date().toISOString(),
    });
    console.table([
      {
        path: "embedded node over RPC (kubo-rpc-client)",
        "add+pin MiB/s": results.rpcAddPinMiBps,
        "cat MiB/s": results.rpcCatMiBps,
      },
      {
        path: "in-process Helia on disk",
        "add+pin MiB/s": results.inProcessAddPinMiBps,
        "cat MiB/s": results.inProcessCatMiBps,
      },
    ]);
    console.log(
      `${totalMiB} MiB random data, CID ${results.cid}; goals over RPC: add+pin >= 100, cat >= 250 MiB/s; load average ${results.loadAverage1m} on ${results.cpus} CPUs`,
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
