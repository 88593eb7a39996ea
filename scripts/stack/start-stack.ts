import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Address, createPublicClient, createWalletClient, http } from "viem";
import {
  DEMO_BOOTH_NAME,
  LOCAL_DEMO_ACCOUNTS,
  type LocalAccountRole,
  localAccountIndexOf,
} from "#lib/chain/localStack.ts";
import { generateBindings } from "./bindings.ts";
import type { ServiceProcess } from "./child-process.ts";
import { ensureDeployment } from "./deploy-contracts.ts";
import { ensureHardhatNode } from "./hardhat-node.ts";
import { type ProbeResult, probeChain, probeHttp, probeIpfsApi } from "./probes.ts";
import { createStepReporter } from "./progress.ts";
import { claimStateFile } from "./state-file.ts";
import { startVite } from "./vite.ts";

export type StartStackOptions = {
  /** Default: this checkout (two folders above this file). */
  projectRoot?: string | undefined;
  host?: string | undefined;
  chainPort?: number | undefined;
  ipfsApiPort?: number | undefined;
  ipfsGatewayPort?: number | undefined;
  appPort?: number | undefined;
  /** Relative to the project root. Default `.data/ipfs`. */
  ipfsDataDir?: string | undefined;
  /** Logs and the state file. Default `.data/stack`; use one per concurrent stack. */
  stateDir?: string | undefined;
  /**
   * Ignition deployment id; default `chain-<id>` for the default state folder, else
   * `chain-<id>-<state folder's parent name>`, so two stacks never fight over one deployment record.
   */
  deploymentId?: string | undefined;
  /** Start the member app (Vite). Default true. */
  app?: boolean | undefined;
  /** Reuse a chain / IPFS node already answering on the ports. Default true. */
  reuse?: boolean | undefined;
  /** Create the demo members, records, grants and stories (idempotent). */
  seed?: boolean | undefined;
  /** No progress output (tests). */
  quiet?: boolean | undefined;
};

export type DemoAccountStatus = {
  index: number;
  address: Address;
  role: LocalAccountRole;
  name: string;
};

export type HealthReport = Record<
  "chain" | "contract" | "ipfsApi" | "ipfsGateway" | "app",
  ProbeResult | { ok: true; detail: "not started" }
>;

export type StackHandle = {
  urls: { rpc: string; ipfsApi: string; ipfsGateway: string; app: string | undefined };
  chainId: number;
  addresses: {
    bioDental: Address;
    renderer: Address | undefined;
    organizer: Address;
    booth: Address;
  };
  deployment: {
    status: "reused" | "deployed" | "redeployed";
    reason: string | undefined;
    deploymentBlock: number;
    deploymentDir: string;
  };
  services: {
    chain: "started" | "reused";
    ipfs: "started" | "reused";
    app: "started" | "disabled";
    booth: "registered" | "already active";
  };
  accounts: DemoAccountStatus[];
  health: HealthReport;
  seed: unknown;
  logsDir: string;
  /** The child process groups this stack started (group id = leader pid); empty when all were reused. */
  processes: { name: string; pid: number }[];
  /** Resolves with a service's name if a child process exits while the stack is up (it crashed). */
  died: Promise<string>;
  /** Stops every child process group and the IPFS node this call started; idempotent. */
  stop(): Promise<void>;
};

const DEFAULT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Starts the whole local stack, the same way for `npm start` and for the end-to-end tests:
 * Hardhat node (or the one already running), Ignition deployment (reused when still valid),
 * bindings codegen, demo booth, embedded IPFS node, Vite; then checks each one's health.
 * If any step fails, whatever was already started is stopped before the error is rethrown.
 *
 * @example
 * const stack = await startStack({ chainPort: 18545, ipfsApiPort: 15001, ipfsGatewayPort: 18080, appPort: 15173, quiet: true })
 * try { ... stack.urls.app ... } finally { await stack.stop() }
 */
export async function startStack(options: StartStackOptions = {}): Promise<StackHandle> {
  const projectRoot = path.resolve(options.projectRoot ?? DEFAULT_ROOT);
  const host = options.host ?? "127.0.0.1";
  const ports = {
    chain: options.chainPort ?? 8545,
    ipfsApi: options.ipfsApiPort ?? 5001,
    ipfsGateway: options.ipfsGatewayPort ?? 8080,
    app: options.appPort ?? 5173,
  };
  const stateDir = path.resolve(projectRoot, options.stateDir ?? ".data/stack");
  const logsDir = path.join(stateDir, "logs");
  const progress = createStepReporter({ quiet: options.quiet });
  const reuse = options.reuse ?? true;
  const withApp = options.app ?? true;

  const state = claimStateFile(stateDir);
  const defaultStateDir = path.resolve(projectRoot, ".data/stack");
  const deploymentIdFor = (chainId: number): string | undefined =>
    options.deploymentId ??
    (stateDir === defaultStateDir
      ? undefined
      : `chain-${chainId}-${path.basename(path.dirname(stateDir)).replace(/[^\w-]/g, "_")}`);
  const children: ServiceProcess[] = [];
  let stopIpfs: (() => Promise<void>) | undefined;
  let restoreBindings = false;
  let stopped: Promise<void> | undefined;
  let reportDeath: (name: string) => void = () => {};
  const died = new Promise<string>((resolve) => {
    reportDeath = resolve;
  });
  const watch = (child: ServiceProcess): void => {
    children.push(child);
    state.addChild(child.name, child.pid, child.name === "vite" ? "vite" : "hardhat");
    void child.exited.then(() => {
      if (!stopped) reportDeath(child.name);
    });
  };
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      // Reverse start order: the app first (it talks to the rest), the chain last.
      for (const child of [...children].reverse()) {
        await child.stop();
        state.removeChild(child.pid);
      }
      await stopIpfs?.();
      if (restoreBindings)
        await generateBindings({ root: projectRoot, buildIfMissing: false }).catch(() => undefined);
      state.release();
    })();
    return stopped;
  };

  try {
    const chain = await progress.step(
      `Hardhat node on ${host}:${ports.chain}`,
      () =>
        ensureHardhatNode({
          projectRoot,
          host,
          port: ports.chain,
          logFile: path.join(logsDir, "hardhat-node.log"),
          reuse,
        }),
      (result) => (result.process ? "started" : "already running, reused"),
    );
    if (chain.process) watch(chain.process);

    const deployment = await progress.step(
      "BioDentalNFT deployment (Ignition)",
      (note) =>
        ensureDeployment({
          projectRoot,
          rpcUrl: chain.rpcUrl,
          chainId: chain.chainId,
          deploymentId: deploymentIdFor(chain.chainId),
          logFile: path.join(logsDir, "deploy.log"),
          onStep: (step, reason) =>
            note(step === "build" ? `compiling (${reason})` : `deploying (${reason})`),
        }),
      (result) =>
        `${result.status} at ${result.address}${result.reason ? ` (${result.reason})` : ""}`,
    );

    const customDeployment = deploymentIdFor(chain.chainId) !== undefined;
    await progress.step(
      "Typed bindings (lib/generated/bioDentalNft.ts)",
      async () => {
        const result = await generateBindings({
          root: projectRoot,
          extraDeploymentDirs: customDeployment ? [deployment.deploymentDir] : [],
        });
        // A test stack's deployment is not left in the shared bindings after it stops.
        restoreBindings = customDeployment && result.changed;
        return result;
      },
      (result) => (result.changed ? "written" : "unchanged"),
    );

    const accountAddresses = await createWalletClient({
      transport: http(chain.rpcUrl),
    }).getAddresses();
    const accountAt = (index: number): Address => {
      const address = accountAddresses[index];
      if (!address)
        throw new Error(
          `the node at ${chain.rpcUrl} has no account #${index} (it has ${accountAddresses.length})`,
        );
      return address;
    };
    const organizer = accountAt(localAccountIndexOf("organizer"));
    const booth = accountAt(localAccountIndexOf("booth"));
    // Imported only now: it needs the generated bindings, which a fresh clone has only after the step above.
    const { ensureDemoBooth } = await import("./demo-booth.ts");
    const boothResult = await progress.step(
      `Demo booth "${DEMO_BOOTH_NAME}"`,
      () =>
        ensureDemoBooth({
          rpcUrl: chain.rpcUrl,
          contract: deployment.address,
          organizer,
          booth,
          name: DEMO_BOOTH_NAME,
        }),
      (result) => result.status,
    );

    const appUrl = `http://${host}:${ports.app}`;
    const ipfs = await progress.step(
      `IPFS node on ${host}:${ports.ipfsApi} (gateway ${ports.ipfsGateway})`,
      async () =>
        // Helia is the heaviest import of the stack: load it when its step comes.
        (await import("./ipfs.ts")).ensureIpfsNode({
          host,
          apiPort: ports.ipfsApi,
          gatewayPort: ports.ipfsGateway,
          dataDir: path.resolve(projectRoot, options.ipfsDataDir ?? ".data/ipfs"),
          corsOrigins: [appUrl, `http://localhost:${ports.app}`],
          reuse,
        }),
      (result) => (result.stop ? "started" : "already running, reused"),
    );
    stopIpfs = ipfs.stop;

    let app: { url: string } | undefined;
    if (withApp) {
      const vite = await progress.step(`Member app (Vite) on ${appUrl}`, () =>
        startVite({
          projectRoot,
          host,
          port: ports.app,
          logFile: path.join(logsDir, "vite.log"),
          env: {
            // The address too: while a second stack runs, the shared generated bindings may list its deployment.
            VITE_CONTRACT_ADDRESS: deployment.address,
            VITE_DEPLOYMENT_BLOCK: String(deployment.deploymentBlock),
            VITE_CHAIN_ID: String(chain.chainId),
            VITE_RPC_URL: chain.rpcUrl,
            VITE_IPFS_API_URL: ipfs.apiUrl,
            VITE_IPFS_GATEWAY_URL: ipfs.gatewayUrl,
          },
        }),
      );
      watch(vite.process);
      app = vite;
    }

    const urls = {
      rpc: chain.rpcUrl,
      ipfsApi: ipfs.apiUrl,
      ipfsGateway: ipfs.gatewayUrl,
      app: app?.url,
    };
    const health = await progress.step("Health checks", () =>
      checkHealth(urls, chain.chainId, deployment.address),
    );
    const unhealthy = Object.entries(health).filter(([, result]) => !result.ok);
    if (unhealthy.length > 0) {
      throw new Error(
        `unhealthy: ${unhealthy.map(([name, result]) => `${name} (${result.ok ? "" : result.error})`).join(", ")}`,
      );
    }

    const accounts: DemoAccountStatus[] = LOCAL_DEMO_ACCOUNTS.filter(
      (account) => account.index < accountAddresses.length,
    ).map((account) => ({ ...account, address: accountAt(account.index) }));

    let seed: unknown;
    if (options.seed) {
      const { seedDemo } = await import("./seed-demo.ts");
      seed = await seedDemo({
        rpcUrl: chain.rpcUrl,
        chainId: chain.chainId,
        contract: deployment.address,
        fromBlock: BigInt(deployment.deploymentBlock),
        ipfsApiUrl: ipfs.apiUrl,
        progress,
      });
    }

    return {
      urls,
      chainId: chain.chainId,
      addresses: { bioDental: deployment.address, renderer: deployment.renderer, organizer, booth },
      deployment: {
        status: deployment.status,
        reason: deployment.reason,
        deploymentBlock: deployment.deploymentBlock,
        deploymentDir: deployment.deploymentDir,
      },
      services: {
        chain: chain.process ? "started" : "reused",
        ipfs: ipfs.stop ? "started" : "reused",
        app: app ? "started" : "disabled",
        booth: boothResult.status,
      },
      accounts,
      health,
      seed,
      logsDir,
      processes: children.map((child) => ({ name: child.name, pid: child.pid })),
      died,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function checkHealth(
  urls: StackHandle["urls"],
  chainId: number,
  contract: Address,
): Promise<HealthReport> {
  const [chain, contractCode, ipfsApi, ipfsGateway, app] = await Promise.all([
    probeChain(urls.rpc),
    createPublicClient({ transport: http(urls.rpc) })
      .getCode({ address: contract })
      .then(
        (code): ProbeResult =>
          code && code !== "0x"
            ? { ok: true, detail: `${(code.length - 2) / 2} bytes of code` }
            : { ok: false, error: "no code" },
        (error: unknown): ProbeResult => ({ ok: false, error: String(error) }),
      ),
    probeIpfsApi(urls.ipfsApi),
    // `/ipfs/` without a CID is a 400 in Kubo's error format: proof the gateway (not some other server) answers.
    probeHttp(`${urls.ipfsGateway}/ipfs/`, { expectStatus: [400, 404] }),
    urls.app
      ? probeHttp(urls.app)
      : Promise.resolve({ ok: true as const, detail: "not started" as const }),
  ]);
  const chainResult: ProbeResult =
    chain.ok && chain.chainId !== chainId
      ? { ok: false, error: `chain id changed to ${chain.chainId}` }
      : chain;
  return { chain: chainResult, contract: contractCode, ipfsApi, ipfsGateway, app };
}
