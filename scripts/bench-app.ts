/**
 * `npm run bench:app`: the member app's three budgets, measured the way a member meets them.
 *
 *   1. Initial JavaScript, gzipped: `vite build` (the production build, frontend/dist), then the
 *      entry chunk and its static imports from Vite's manifest, plus the home route's chunk graph
 *      (the landing page cannot render without it); also cross-checked against the JS the browser
 *      actually fetched for the landing page. Goal <= 200 KB.
 *   2. First meaningful render of the home page in headless Chromium on localhost: navigation
 *      start to the landing page's main heading painted (and LCP, FCP), cold cache, median of
 *      several runs. Goal <= 1000 ms.
 *   3. The mint journey: a member with a registered key fills the record form with a 1 MiB
 *      attachment and presses "mint"; from that click to the minted token shown (encrypt, pin,
 *      simulate, sign with the test wallet, confirm), no human time. Goal <= 3000 ms.
 *
 * (2) and (3) run against the local stack started by the same code as `npm start` (free ports,
 * a fresh chain, a throw-away IPFS repository), with a second production build configured for it,
 * served by `vite preview`.
 *
 *   npm run bench:app [-- --render-runs 7 --mint-runs 3 --skip-mint]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { median } from "./bench/median.ts";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../frontend/e2e/support/chromium.ts";
import { type E2eStack, startE2eStack, pickStackPorts } from "../frontend/e2e/support/e2eStack.ts";
import {
  connectWallet,
  mintRecordThroughForm,
  navigateTo,
  registerEncryptionKey,
} from "../frontend/e2e/support/flows.ts";
import { openVisitor } from "../frontend/e2e/support/member.ts";
import { screenshot } from "../frontend/e2e/support/screenshots.ts";
import { generateBindings } from "./stack/bindings.ts";
import { type ServiceProcess, spawnService } from "./stack/child-process.ts";
import { delay, probeHttp } from "./stack/probes.ts";

const { values } = parseArgs({
  options: {
    "render-runs": { type: "string", default: "7" },
    "mint-runs": { type: "string", default: "3" },
    "skip-mint": { type: "boolean", default: false },
  },
});
const RENDER_RUNS = Number(values["render-runs"]);
const MINT_RUNS = Number(values["mint-runs"]);

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VITE = path.join(ROOT, "node_modules/vite/bin/vite.js");
const CONFIG = "frontend/vite.config.ts";
const OFFICIAL_DIST = path.join(ROOT, "frontend/dist");
const BENCH_DIR = path.join(ROOT, ".data/bench-app");
const BENCH_DIST = path.join(BENCH_DIR, "dist");
const RESULTS_FILE = path.join(ROOT, "bench/results/app.json");
const KB = 1000;
const MiB = 1024 * 1024;

const GOALS = { initialJsGzipKB: 200, firstRenderMs: 1000, mintJourneyMs: 3000 } as const;

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

const log = (line: string): void => console.log(`  ${line}`);
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const medianOf = (values: (number | undefined)[]): number | null => {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length ? round(median(present), 0) : null;
};
const gzipKB = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / KB;

async function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const logFile = path.join(BENCH_DIR, `${label}.log`);
  const child = spawnService({
    name: label,
    command: process.execPath,
    args,
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: "1" },
    logFile,
  });
  const { code } = await child.exited;
  await child.stop();
  if (code !== 0) throw new Error(`${label} exited with ${code}:\n${child.logTail(30)}`);
}

/** `vite build` of the app, as `npm run build` does (bindings first, like its prebuild). */
async function build(outDir: string, env: NodeJS.ProcessEnv, label: string): Promise<number> {
  const started = performance.now();
  await run(label, [VITE, "build", "--config", CONFIG, "--outDir", outDir, "--emptyOutDir"], env);
  return performance.now() - started;
}

/** The JS the landing page needs before it can render: entry + static imports, and the home route's graph. */
function initialJs(dist: string): {
  entryFiles: string[];
  homeFiles: string[];
  entryGzipKB: number;
  initialGzipKB: number;
  initialRawKB: number;
} {
  const manifest = JSON.parse(
    readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"),
  ) as Manifest;
  const staticGraph = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) staticGraph(imported, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find(
    (key) => manifest[key]?.isEntry && key.endsWith("index.html"),
  );
  if (!entryKey) throw new Error("no index.html entry in the Vite manifest");
  const homeKey = Object.keys(manifest).find((key) => key.endsWith("src/routes/HomeRoute.tsx"));
  const entry = staticGraph(entryKey);
  // The landing page is in the entry chunk now; a lazy HomeRoute chunk, if one comes back, counts too.
  const withHome = homeKey ? staticGraph(homeKey, new Set(entry)) : new Set(entry);
  const files = (keys: Set<string>): string[] =>
    [...keys]
      .map((key) => manifest[key]?.file)
      .filter((file): file is string => !!file && file.endsWith(".js"));
  const entryFiles = files(entry);
  const allFiles = files(withHome);
  const sum = (list: string[], measure: (file: string) => number): number =>
    list.reduce((total, file) => total + measure(path.join(dist, file)), 0);
  return {
    entryFiles,
    homeFiles: allFiles.filter((file) => !entryFiles.includes(file)),
    entryGzipKB: sum(entryFiles, gzipKB),
    initialGzipKB: sum(allFiles, gzipKB),
    initialRawKB: sum(allFiles, (file) => readFileSync(file).length / KB),
  };
}

async function startPreview(
  dist: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; process: ServiceProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawnService({
    name: "vite preview",
    command: process.execPath,
    args: [
      VITE,
      "preview",
      "--config",
      CONFIG,
      "--outDir",
      dist,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--strictPort",
    ],
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: "1" },
    logFile: path.join(BENCH_DIR, "preview.log"),
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.hasExited()) throw new Error(`vite preview exited:\n${child.logTail()}`);
    if ((await probeHttp(url, { timeoutMs: 2_000 })).ok) return { url, process: child };
    await delay(100);
  }
  await child.stop();
  throw new Error("vite preview did not serve the page in time");
}

type RenderRun = {
  headingMs: number;
  fcpMs: number | undefined;
  lcpMs: number | undefined;
  mainThreadMs: number | undefined;
  scriptMs: number | undefined;
  jsFetched: string[];
};

/** Records, in the page, when the landing page's main heading is first painted. */
function firstRenderProbe(): void {
  const win = window as unknown as { __headingPainted: Promise<number>; __lcp: number | undefined };
  win.__lcp = undefined;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) win.__lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  win.__headingPainted = new Promise((resolve) => {
    const painted = (): void => {
      // rAF runs just before the frame is painted; a message posted from it arrives just after.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    };
    const visible = (): boolean => {
      const heading = document.querySelector("#main h1");
      return (
        !!heading &&
        (heading.textContent ?? "").trim().length > 0 &&
        heading.getBoundingClientRect().height > 0
      );
    };
    const observer = new MutationObserver(() => {
      if (visible()) {
        observer.disconnect();
        painted();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

async function measureFirstRender(
  browser: Browser,
  url: string,
  runs: number,
): Promise<RenderRun[]> {
  const results: RenderRun[] = [];
  for (let i = 0; i < runs; i++) {
    // A new context each run: empty HTTP cache, a first visit.
    const visitor = await openVisitor({ browser, label: `render-${i}` });
    const { page } = visitor;
    const jsFetched: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        jsFetched.push(new URL(response.url()).pathname);
    });
    await page.addInitScript(firstRenderProbe);
    // Main-thread work until the heading is painted: what the page itself costs, which a loaded
    // machine stretches less than the wall-clock time (that also waits for other processes).
    const cdp = await visitor.context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.goto(url, { waitUntil: "load" });
    const headingMs = await page.evaluate(
      () => (window as unknown as { __headingPainted: Promise<number> }).__headingPainted,
    );
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string): number | undefined => {
      const value = metrics.find((entry) => entry.name === name)?.value;
      return value === undefined ? undefined : value * 1000;
    };
    const mainThreadMs = metric("TaskDuration");
    const scriptMs = metric("ScriptDuration");
    // LCP is final once the page is interacted with or hidden; the heading is painted by now.
    const { fcpMs, lcpMs } = await page.evaluate(() => ({
      fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      lcpMs: (window as unknown as { __lcp: number | undefined }).__lcp,
    }));
    visitor.guard.assertClean();
    await visitor.close();
    results.push({ headingMs, fcpMs, lcpMs, mainThreadMs, scriptMs, jsFetched });
    log(
      `render ${i + 1}/${runs}: heading ${headingMs.toFixed(0)} ms, FCP ${fcpMs?.toFixed(0) ?? "-"} ms, LCP ${lcpMs?.toFixed(0) ?? "-"} ms, main thread ${mainThreadMs?.toFixed(0) ?? "-"} ms (script ${scriptMs?.toFixed(0) ?? "-"} ms)`,
    );
  }
  return results;
}

async function measureMintJourney(
  browser: Browser,
  stack: E2eStack,
  appUrl: string,
  runs: number,
): Promise<number[]> {
  const accountIndex = 7;
  const address = await nodeAccount(stack.urls.rpc, accountIndex);
  const member = await openVisitor({
    browser,
    label: "bench-member",
    wallet: { rpcUrl: stack.urls.rpc, chainId: stack.chainId, accountIndex, address },
  });
  try {
    const { page } = member;
    await page.goto(appUrl);
    await connectWallet(page, address);
    await registerEncryptionKey(page);
    // Random bytes, so nothing downstream (compression, deduplication) makes the MiB cheaper than a real scan.
    const attachment = {
      name: "scan-1mib.bin",
      mimeType: "application/octet-stream",
      buffer: randomFillSync(Buffer.alloc(MiB)),
    };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // In-app navigation, as a member goes: a fresh form, and the key stays unlocked in the tab.
      await navigateTo(page, "home");
      await navigateTo(page, "mint");
      const { elapsedMs, tokenId } = await mintRecordThroughForm(page, {
        practitioner: `Dr. Bench ${i + 1}`,
        attachments: [attachment],
      });
      times.push(elapsedMs);
      log(`mint ${i + 1}/${runs}: token ${tokenId} in ${elapsedMs.toFixed(0)} ms`);
    }
    member.guard.assertClean();
    return times;
  } catch (error) {
    const file = await screenshot(member.page, "mint-failure", {
      dir: path.join(ROOT, "screenshots/bench-app"),
    }).catch(() => "(no screenshot)");
    throw new Error(
      `${error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error)} (see ${path.relative(ROOT, file)})`,
    );
  } finally {
    await member.close();
  }
}

/** Which code was measured: the commit, and the files changed on top of it (tracked files only). */
function gitProvenance(): { commit: string | null; changedFiles: string[] } {
  const git = (args: string[]): string | null => {
    const result = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
    // trimEnd only: porcelain lines start with a status column that may be a space.
    return result.status === 0 ? result.stdout.trimEnd() : null;
  };
  const status = git(["status", "--porcelain", "--untracked-files=no"]);
  return {
    commit: git(["rev-parse", "HEAD"]),
    changedFiles: status
      ? status
          .split("\n")
          .filter(Boolean)
          .map((line) => line.slice(3))
      : [],
  };
}

async function nodeAccount(rpcUrl: string, index: number): Promise<string> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_accounts", params: [] }),
  });
  const { result } = (await response.json()) as { result: string[] };
  const account = result[index];
  if (!account) throw new Error(`the node has no account #${index}`);
  return account;
}

// ---------------------------------------------------------------------------------------------
mkdirSync(BENCH_DIR, { recursive: true });
const load = loadavg()[0] ?? 0;
console.log(`bench:app on ${cpus().length} cores, load average ${load.toFixed(1)} at start`);

// 1. The production build, exactly what `npm run build` ships.
await generateBindings({ root: ROOT });
log("vite build → frontend/dist …");
const buildMs = await build(OFFICIAL_DIST, {}, "build");
const sizes = initialJs(OFFICIAL_DIST);
log(
  `built in ${(buildMs / 1000).toFixed(1)} s; entry ${sizes.entryFiles.join(", ")}; home route ${sizes.homeFiles.join(", ")}`,
);

// 2 and 3 against the local stack, with a build configured for it.
let stack: E2eStack | undefined;
let preview: { url: string; process: ServiceProcess } | undefined;
let browser: Browser | undefined;
let renders: RenderRun[] = [];
let mintTimes: number[] = [];
let mintError: string | undefined;
let loadedJs: string[] = [];
let loadedJsGzipKB = 0;
try {
  const ports = await pickStackPorts();
  stack = await startE2eStack({ ports, name: "bench-app", app: false, log });
  const env = {
    VITE_CHAIN_ID: String(stack.chainId),
    VITE_RPC_URL: stack.urls.rpc,
    VITE_IPFS_API_URL: stack.urls.ipfsApi,
    VITE_IPFS_GATEWAY_URL: stack.urls.ipfsGateway,
    // The bench deployment, whatever another stack writes into the shared generated bindings meanwhile.
    VITE_CONTRACT_ADDRESS: stack.addresses.bioDental,
    VITE_DEPLOYMENT_BLOCK: String(stack.deployment.deploymentBlock),
  };
  log("vite build for the bench stack → .data/bench-app/dist …");
  await build(BENCH_DIST, env, "build-bench");
  // Served on the port the stack's IPFS node allows by CORS (the app port).
  preview = await startPreview(BENCH_DIST, ports.app, env);
  browser = await launchChromium();
  renders = await measureFirstRender(browser, preview.url, RENDER_RUNS);
  loadedJs = [...new Set(renders.flatMap((run) => run.jsFetched))];
  loadedJsGzipKB = loadedJs.reduce((total, file) => total + gzipKB(path.join(BENCH_DIST, file)), 0);
  if (!values["skip-mint"]) {
    try {
      mintTimes = await measureMintJourney(browser, stack, preview.url, MINT_RUNS);
    } catch (error) {
      mintError = error instanceof Error ? error.message : String(error);
      log(`mint journey failed: ${mintError}`);
    }
  }
} finally {
  await browser?.close().catch(() => undefined);
  await preview?.process.stop();
  await stack?.stopAll();
  rmSync(BENCH_DIST, { recursive: true, force: true });
}

const firstRenderMs = renders.length ? median(renders.map((run) => run.headingMs)) : undefined;
const lcpValues = renders
  .map((run) => run.lcpMs)
  .filter((value): value is number => value !== undefined);
const fcpValues = renders
  .map((run) => run.fcpMs)
  .filter((value): value is number => value !== undefined);
const mintJourneyMs = mintTimes.length ? median(mintTimes) : undefined;

const results = {
  initialJsGzipKB: round(sizes.initialGzipKB),
  entryJsGzipKB: round(sizes.entryGzipKB),
  initialJsRawKB: round(sizes.initialRawKB),
  landingJsFetchedGzipKB: round(loadedJsGzipKB),
  landingJsFetched: loadedJs,
  firstRenderMs: firstRenderMs === undefined ? null : round(firstRenderMs, 0),
  firstRenderRunsMs: renders.map((run) => round(run.headingMs, 0)),
  // The least disturbed run: on a shared, loaded machine the median says more about the neighbours.
  firstRenderMinMs: renders.length
    ? round(Math.min(...renders.map((run) => run.headingMs)), 0)
    : null,
  lcpMs: lcpValues.length ? round(median(lcpValues), 0) : null,
  // Main-thread busy time (CDP TaskDuration, thread ticks) up to the measurement, and its script part.
  firstRenderMainThreadMs: medianOf(renders.map((run) => run.mainThreadMs)),
  firstRenderScriptMs: medianOf(renders.map((run) => run.scriptMs)),
  fcpMs: fcpValues.length ? round(median(fcpValues), 0) : null,
  mintJourneyMs: mintJourneyMs === undefined ? null : round(mintJourneyMs, 0),
  mintJourneyRunsMs: mintTimes.map((ms) => round(ms, 0)),
  mintJourneyMinMs: mintTimes.length ? round(Math.min(...mintTimes), 0) : null,
  mintAttachmentBytes: MiB,
  mintError: mintError ?? null,
  buildMs: round(buildMs, 0),
  goals: GOALS,
  meetsGoals:
    sizes.initialGzipKB <= GOALS.initialJsGzipKB &&
    firstRenderMs !== undefined &&
    firstRenderMs <= GOALS.firstRenderMs &&
    mintJourneyMs !== undefined &&
    mintJourneyMs <= GOALS.mintJourneyMs,
  method: {
    gzip: "node:zlib level 9 per file, KB = 1000 bytes",
    initialJs:
      "entry chunk + static imports (Vite manifest) + the HomeRoute chunk and its static imports",
    firstRender: `navigation start → #main h1 painted (rAF + message), new browser context (cold cache) per run, median of ${RENDER_RUNS}`,
    mintJourney: `click on the mint button → the minted token shown, 1 MiB attachment, injected test wallet over Hardhat's unlocked account, median of ${MINT_RUNS}`,
  },
  machine: {
    cores: cpus().length,
    loadAverage1mAtStart: round(load, 1),
    loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 1),
  },
  source: gitProvenance(),
  measuredAt: new Date().toISOString(),
};

const mark = (value: number | undefined, goal: number): string =>
  value === undefined ? "–" : value <= goal ? "✓" : "✗";
const rows: [string, string, string, string][] = [
  [
    "initial JS (gzip)",
    `${results.initialJsGzipKB} KB`,
    `<= ${GOALS.initialJsGzipKB} KB`,
    mark(sizes.initialGzipKB, GOALS.initialJsGzipKB),
  ],
  ["  entry only (gzip)", `${results.entryJsGzipKB} KB`, "", ""],
  ["  JS fetched by the landing page (gzip)", `${results.landingJsFetchedGzipKB} KB`, "", ""],
  [
    "first render (heading painted)",
    firstRenderMs === undefined ? "–" : `${results.firstRenderMs} ms`,
    `<= ${GOALS.firstRenderMs} ms`,
    mark(firstRenderMs, GOALS.firstRenderMs),
  ],
  ["  fastest run", `${results.firstRenderMinMs ?? "–"} ms`, "", ""],
  ["  FCP / LCP (median)", `${results.fcpMs ?? "–"} / ${results.lcpMs ?? "–"} ms`, "", ""],
  [
    "  main-thread work (script)",
    `${results.firstRenderMainThreadMs ?? "–"} (${results.firstRenderScriptMs ?? "–"}) ms`,
    "",
    "",
  ],
  [
    "mint journey (1 MiB)",
    mintJourneyMs === undefined ? `– (${mintError ?? "skipped"})` : `${results.mintJourneyMs} ms`,
    `<= ${GOALS.mintJourneyMs} ms`,
    mark(mintJourneyMs, GOALS.mintJourneyMs),
  ],
  ["  fastest run", `${results.mintJourneyMinMs ?? "–"} ms`, "", ""],
];
const widths = [0, 1, 2].map((column) =>
  Math.max(...rows.map((row) => row[column]!.length), ["figure", "value", "goal"][column]!.length),
);
const line = (cells: string[]): string =>
  `| ${cells.map((cell, index) => (index < 3 ? cell.padEnd(widths[index]!) : cell)).join(" | ")} |`;
console.log();
console.log(line(["figure", "value", "goal", ""]));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|---|`);
for (const row of rows) console.log(line(row));
console.log(
  `\nload average ${results.machine.loadAverage1mAtStart} → ${results.machine.loadAverage1mAtEnd} on ${results.machine.cores} cores`,
);

mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.relative(ROOT, RESULTS_FILE)}`);
