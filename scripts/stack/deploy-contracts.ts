import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { type Hex, createPublicClient, http } from "viem";
import { LOCAL_CHAIN_ID } from "#lib/chain/localChain.ts";
import {
  BIODENTAL_FUTURE_ID,
  RENDERER_FUTURE_ID,
  type BindingsDeployment,
  readDeployment,
} from "./bindings.ts";
import { spawnService } from "./child-process.ts";
import { DeploymentError, ServiceStartError } from "./errors.ts";

export const DEPLOY_MODULE = "ignition/modules/BioDentalNFTModule.ts";

export type EnsureDeploymentParameters = {
  projectRoot: string;
  rpcUrl: string;
  chainId: number;
  /** Ignition deployment id; default `chain-<chainId>` (what `hardhat ignition deploy` uses). */
  deploymentId?: string | undefined;
  logFile: string;
  /** Called before a slow step (build, deploy) so the caller can show progress. */
  onStep?: ((step: "build" | "deploy", reason: string) => void) | undefined;
};

export type EnsureDeploymentReturnType = BindingsDeployment & {
  deploymentDir: string;
  status: "reused" | "deployed" | "redeployed";
  /** Why a recorded deployment was not reused. */
  reason: string | undefined;
};

/**
 * Makes sure BioDentalNFT is deployed on the chain behind `rpcUrl` through the Ignition module.
 * A recorded deployment is reused when its transaction is still on this chain and the contracts
 * have not changed; on the local chain a stale record (the node was restarted, or the contracts
 * changed) is wiped and redeployed. Elsewhere a stale record is an error, never wiped.
 *
 * @example
 * const { address, status } = await ensureDeployment({ projectRoot, rpcUrl, chainId: 31337, logFile })
 */
export async function ensureDeployment(
  parameters: EnsureDeploymentParameters,
): Promise<EnsureDeploymentReturnType> {
  const { projectRoot, rpcUrl, chainId, logFile, onStep } = parameters;
  const deploymentId = parameters.deploymentId ?? `chain-${chainId}`;
  const deploymentDir = path.join(projectRoot, "ignition/deployments", deploymentId);
  const cli = path.join(projectRoot, "node_modules/hardhat/dist/src/cli.js");

  const staleSources = artifactsOutdated(projectRoot);
  if (staleSources) {
    onStep?.("build", staleSources);
    // --force: after `hardhat test --coverage` the cache calls the instrumented artifacts
    // up to date, and a plain build would leave them (too large to deploy) in place.
    await runLogged(
      "hardhat build",
      process.execPath,
      [cli, "build", "--force"],
      projectRoot,
      logFile,
    );
    const still = artifactsOutdated(projectRoot);
    if (still) throw new DeploymentError(`\`hardhat build\` ran, but ${still}.`);
  }

  const recorded = await readDeployment(deploymentDir);
  let reason: string | undefined;
  if (recorded) {
    reason = await whyNotReusable(projectRoot, deploymentDir, recorded, rpcUrl);
    if (reason === undefined) return { ...recorded, deploymentDir, status: "reused", reason };
    if (chainId !== LOCAL_CHAIN_ID) {
      throw new DeploymentError(
        `The recorded deployment ${deploymentDir} does not match chain ${chainId}: ${reason}.`,
        {
          metaMessages: [
            "It is not a local chain, so it is not wiped automatically: check the RPC URL, or redeploy deliberately.",
          ],
        },
      );
    }
    // The folder is git-ignored local state of a dev chain; Ignition would refuse to continue it.
    rmSync(deploymentDir, { recursive: true, force: true });
  }

  onStep?.("deploy", reason ?? "no deployment recorded");
  const custom = deploymentId !== `chain-${chainId}`;
  if (custom) ignoreFolder(deploymentDir);
  const child = path.join(projectRoot, "scripts/stack/ignition-deploy.child.ts");
  await runLogged(
    "Ignition deploy",
    process.execPath,
    [child, rpcUrl, DEPLOY_MODULE, deploymentId],
    projectRoot,
    logFile,
  );
  // Again: on a restarted local chain Ignition wipes the folder before writing it.
  if (custom) ignoreFolder(deploymentDir);
  const deployed = await readDeployment(deploymentDir);
  if (!deployed)
    throw new DeploymentError(
      `Ignition reported success but ${deploymentDir} has no ${BIODENTAL_FUTURE_ID} address.`,
    );
  return { ...deployed, deploymentDir, status: recorded ? "redeployed" : "deployed", reason };
}

/**
 * Makes a custom deployment folder (test stacks, second stacks) ignore itself in git: only
 * `chain-31337/` is listed in .gitignore, and these ids are not known in advance.
 */
function ignoreFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, ".gitignore"),
    "# local deployment of a test or second stack (scripts/stack)\n*\n",
  );
}

/** Undefined when the recorded deployment is live on this chain and matches the current contracts. */
async function whyNotReusable(
  projectRoot: string,
  deploymentDir: string,
  recorded: BindingsDeployment,
  rpcUrl: string,
): Promise<string | undefined> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  const code = await client.getCode({ address: recorded.address });
  if (!code || code === "0x")
    return `no contract at ${recorded.address}: the chain was reset since the deployment`;
  const confirm = readConfirmation(deploymentDir);
  if (confirm) {
    // Same address is not proof: a fresh node replaying the same deploy gets the same address.
    const receipt = await client
      .getTransactionReceipt({ hash: confirm.hash })
      .catch(() => undefined);
    if (!receipt || receipt.blockHash !== confirm.blockHash)
      return "the deployment transaction is not on this chain: the chain was reset";
  }
  for (const [futureId, artifact] of [
    [BIODENTAL_FUTURE_ID, "artifacts/contracts/BioDentalNFT.sol/BioDentalNFT.json"],
    [RENDERER_FUTURE_ID, "artifacts/contracts/BioDentalRenderer.sol/BioDentalRenderer.json"],
  ] as const) {
    const deployedWith = readBytecode(path.join(deploymentDir, "artifacts", `${futureId}.json`));
    const current = readBytecode(path.join(projectRoot, artifact));
    if (deployedWith !== undefined && current !== undefined && deployedWith !== current) {
      return `${futureId.split("#")[1]} changed since it was deployed`;
    }
  }
  return undefined;
}

function readConfirmation(deploymentDir: string): { hash: Hex; blockHash: Hex } | undefined {
  const journal = path.join(deploymentDir, "journal.jsonl");
  if (!existsSync(journal)) return undefined;
  let found: { hash: Hex; blockHash: Hex } | undefined;
  for (const line of readFileSync(journal, "utf8").split("\n")) {
    if (!line.includes("TRANSACTION_CONFIRM")) continue;
    const entry = JSON.parse(line) as {
      type?: string;
      futureId?: string;
      hash?: Hex;
      receipt?: { blockHash?: Hex };
    };
    if (
      entry.type === "TRANSACTION_CONFIRM" &&
      entry.futureId === BIODENTAL_FUTURE_ID &&
      entry.hash &&
      entry.receipt?.blockHash
    ) {
      found = { hash: entry.hash, blockHash: entry.receipt.blockHash };
    }
  }
  return found;
}

function readBytecode(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { bytecode?: string }).bytecode;
  } catch {
    return undefined;
  }
}

/**
 * A reason to run `hardhat build` first: no artifact, a Solidity source newer than it, or an
 * artifact left instrumented by `hardhat test --coverage` (Hardhat 3 writes the instrumented
 * build into artifacts/; it is bigger than the 24 KiB limit a plain node enforces, and it is
 * not the code anyone means to deploy).
 */
export function artifactsOutdated(projectRoot: string): string | undefined {
  const artifact = path.join(projectRoot, "artifacts/contracts/BioDentalNFT.sol/BioDentalNFT.json");
  if (!existsSync(artifact)) return "no artifacts yet";
  const builtAt = statSync(artifact).mtimeMs;
  const newest = newestMtime(path.join(projectRoot, "contracts"));
  if (newest > builtAt) return "contracts changed since the last build";
  if (isCoverageBuild(projectRoot, artifact)) return "the artifacts are a coverage build";
  return undefined;
}

const COVERAGE_MARKER = "__NomicFoundationCoverage";

function isCoverageBuild(projectRoot: string, artifact: string): boolean {
  const { buildInfoId } = JSON.parse(readFileSync(artifact, "utf8")) as { buildInfoId?: string };
  if (!buildInfoId) return false;
  const buildInfo = path.join(projectRoot, "artifacts/build-info", `${buildInfoId}.json`);
  return existsSync(buildInfo) && readFileSync(buildInfo, "utf8").includes(COVERAGE_MARKER);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith(".sol")) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** A one-shot child (build, deploy), in its own group like the services so a stop reaches it too. */
async function runLogged(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  logFile: string,
): Promise<void> {
  const child = spawnService({ name: label, command, args, cwd, logFile, appendLog: true });
  const { code } = await child.exited;
  await child.stop();
  if (code !== 0) {
    throw new ServiceStartError({
      service: `\`${label}\``,
      reason: `it exited with code ${code}`,
      logFile,
      logTail: child.logTail(20),
    });
  }
}
