import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type StackHandle, startStack } from "../../../scripts/stack/start-stack.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export type StackPorts = { chain: number; ipfsApi: number; ipfsGateway: number; app: number };

/** A port the system just handed out as free (bound to port 0, then released). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Never `npm start`'s 8545/5001/8080/5173, nor fixed ports another stack on this machine may
 * hold: free ports picked at start, unless E2E_CHAIN_PORT, E2E_IPFS_API_PORT,
 * E2E_IPFS_GATEWAY_PORT and E2E_APP_PORT choose them.
 */
export async function pickStackPorts(): Promise<StackPorts> {
  const taken = new Set<number>();
  const pick = async (name: string): Promise<number> => {
    if (process.env[name]) return Number(process.env[name]);
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    return port;
  };
  return {
    chain: await pick("E2E_CHAIN_PORT"),
    ipfsApi: await pick("E2E_IPFS_API_PORT"),
    ipfsGateway: await pick("E2E_IPFS_GATEWAY_PORT"),
    app: await pick("E2E_APP_PORT"),
  };
}

/** Test runs' state folders (logs, state file), under the git-ignored .data/. */
const RUNS_DIR = ".data/e2e-runs";
const RUN_ID = /^(?:e2e|bench-app|e2e-dev)[\w-]*-(\d+)$/;

/**
 * Removes what runs killed before their clean-up left behind: their Ignition journals (which
 * would show as untracked files) and state folders, once their process is gone.
 */
function sweepAbandonedRuns(): void {
  for (const dir of [
    path.join(PROJECT_ROOT, "ignition/deployments"),
    path.join(PROJECT_ROOT, RUNS_DIR),
  ]) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const pid = Number(RUN_ID.exec(entry)?.[1]);
      if (!pid || processAlive(pid)) continue;
      rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type E2eStack = StackHandle & { app: string; stopAll(): Promise<void> };

export type StartE2eStackParameters = {
  /** Default: `pickStackPorts()`. */
  ports?: StackPorts | undefined;
  /** Names the state folder and the Ignition deployment, so two test stacks never share them. */
  name?: string | undefined;
  /** Start Vite (the dev server `npm start` runs). Default true. */
  app?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
};

/**
 * The stack of `npm start` (same `startStack` code) on test ports, with a fresh chain (never
 * reusing one), its own Ignition deployment id and a throw-away IPFS repository. `stopAll` stops
 * every process, removes the IPFS repository and the test deployment's journal, and restores the
 * shared bindings.
 *
 * @example
 * const stack = await startE2eStack()
 * try { await page.goto(stack.app) } finally { await stack.stopAll() }
 */
export async function startE2eStack({
  ports: chosenPorts,
  name = "e2e",
  app = true,
  log = () => {},
}: StartE2eStackParameters = {}): Promise<E2eStack> {
  const ports = chosenPorts ?? (await pickStackPorts());
  sweepAbandonedRuns();
  // One state folder and one Ignition deployment id per run, so concurrent runs (two engineers,
  // or a test beside the benchmark) never continue each other's journal.
  const runId = `${name}-${process.pid}`;
  const ipfsDataDir = mkdtempSync(path.join(tmpdir(), `biodental-${name}-ipfs-`));
  const started = Date.now();
  log(
    `starting the ${name} stack (chain :${ports.chain}, IPFS :${ports.ipfsApi}/:${ports.ipfsGateway}, app :${ports.app})…`,
  );
  let stack: StackHandle;
  try {
    stack = await startStack({
      projectRoot: PROJECT_ROOT,
      chainPort: ports.chain,
      ipfsApiPort: ports.ipfsApi,
      ipfsGatewayPort: ports.ipfsGateway,
      appPort: ports.app,
      ipfsDataDir,
      stateDir: `${RUNS_DIR}/${runId}`,
      deploymentId: runId,
      app,
      reuse: false,
      // E2E_VERBOSE=1 shows the stack's own step-by-step progress with timings.
      quiet: process.env.E2E_VERBOSE !== "1",
    });
  } catch (error) {
    rmSync(ipfsDataDir, { recursive: true, force: true });
    throw error;
  }
  log(
    `${name} stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.urls.app ?? "(no app)"} → contract ${stack.addresses.bioDental}`,
  );
  let stopping: Promise<void> | undefined;
  return {
    ...stack,
    app: stack.urls.app ?? "",
    stopAll() {
      stopping ??= (async () => {
        await stack.stop();
        rmSync(ipfsDataDir, { recursive: true, force: true });
        // A fresh chain every run: its journal is useless afterwards, and not for git.
        rmSync(stack.deployment.deploymentDir, { recursive: true, force: true });
        // The run's logs stay in .data/e2e-runs/ for a post-mortem; the next run sweeps them.
      })();
      return stopping;
    },
  };
}
