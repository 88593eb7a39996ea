/**
 * The bindings codegen: the project's only copy of the BioDentalNFT ABI and of its deployed
 * addresses is written here, from Hardhat's artifact and Ignition's deployment folders, so a
 * redeploy can never leave a stale address hand-copied somewhere.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The Ignition future that deploys the token (module id `#` contract name). */
export const BIODENTAL_FUTURE_ID = "BioDentalNFTModule#BioDentalNFT";
export const RENDERER_FUTURE_ID = "BioDentalRendererModule#BioDentalRenderer";

export type BindingsDeployment = {
  chainId: number;
  address: `0x${string}`;
  renderer: `0x${string}` | undefined;
  /** Block of the token's deployment receipt; 0 when the journal is missing (history from genesis). */
  deploymentBlock: number;
};

export type GenerateBindingsParameters = {
  /** Project root (the folder holding artifacts/ and ignition/). Default: the current directory. */
  root?: string | undefined;
  /** Default `<root>/lib/generated/bioDentalNft.ts`. */
  outFile?: string | undefined;
  /** Deployment folders to read besides `<root>/ignition/deployments/chain-<id>` (e.g. a test stack's). */
  extraDeploymentDirs?: readonly string[] | undefined;
  /** Runs `hardhat build` when the artifact is missing. Default true. */
  buildIfMissing?: boolean | undefined;
};

export type GenerateBindingsReturnType = {
  outFile: string;
  deployments: BindingsDeployment[];
  /** False when the file already had exactly this content (so Vite does not reload for nothing). */
  changed: boolean;
};

export class BindingsError extends Error {
  override name = "BindingsError";
}

/**
 * Writes `lib/generated/bioDentalNft.ts` (`bioDentalNftAbi`, `bioDentalNftDeployments`).
 * Idempotent: the same inputs give byte-identical output, and an unchanged file is not rewritten.
 *
 * @example
 * const { deployments } = await generateBindings()
 */
export async function generateBindings(
  parameters: GenerateBindingsParameters = {},
): Promise<GenerateBindingsReturnType> {
  const root = path.resolve(parameters.root ?? process.cwd());
  const outFile = path.resolve(root, parameters.outFile ?? "lib/generated/bioDentalNft.ts");
  const artifactPath = path.join(root, "artifacts/contracts/BioDentalNFT.sol/BioDentalNFT.json");
  if (!existsSync(artifactPath) && (parameters.buildIfMissing ?? true)) buildContracts(root);
  const abi = await readAbi(artifactPath);

  const dirs = await listChainDeploymentDirs(path.join(root, "ignition/deployments"));
  for (const extra of parameters.extraDeploymentDirs ?? []) dirs.push(path.resolve(root, extra));
  const byChain = new Map<number, BindingsDeployment>();
  for (const dir of dirs) {
    const deployment = await readDeployment(dir);
    // An extra folder (listed last) wins over ignition/deployments for the same chain.
    if (deployment) byChain.set(deployment.chainId, deployment);
  }
  const deployments = [...byChain.values()].sort((a, b) => a.chainId - b.chainId);

  const source = renderBindings(abi, deployments);
  const previous = existsSync(outFile) ? await readFile(outFile, "utf8") : undefined;
  if (previous === source) return { outFile, deployments, changed: false };
  await mkdir(path.dirname(outFile), { recursive: true });
  // Write then rename: Vite (watching this file) never sees a half-written module.
  const temporary = `${outFile}.${process.pid}.tmp`;
  await writeFile(temporary, source);
  await rename(temporary, outFile);
  return { outFile, deployments, changed: true };
}

function buildContracts(root: string): void {
  const cli = path.join(root, "node_modules/hardhat/dist/src/cli.js");
  const result = spawnSync(process.execPath, [cli, "build", "--quiet"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0)
    throw new BindingsError(
      "`hardhat build` failed: cannot generate the bindings without the BioDentalNFT artifact",
    );
}

async function readAbi(artifactPath: string): Promise<unknown[]> {
  let artifact: { contractName?: string; abi?: unknown };
  try {
    artifact = JSON.parse(await readFile(artifactPath, "utf8")) as typeof artifact;
  } catch (cause) {
    throw new BindingsError(
      `cannot read the BioDentalNFT artifact at ${artifactPath}: run \`npx hardhat build\``,
      { cause },
    );
  }
  if (
    artifact.contractName !== "BioDentalNFT" ||
    !Array.isArray(artifact.abi) ||
    artifact.abi.length === 0
  ) {
    throw new BindingsError(`${artifactPath} is not the BioDentalNFT artifact (no ABI)`);
  }
  return artifact.abi as unknown[];
}

async function listChainDeploymentDirs(deploymentsRoot: string): Promise<string[]> {
  if (!existsSync(deploymentsRoot)) return [];
  const entries = await readdir(deploymentsRoot, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && /^chain-\d+$/.test(entry.name))
    .map((entry) => path.join(deploymentsRoot, entry.name))
    .sort();
}

type JournalLine = {
  type?: string;
  chainId?: number;
  futureId?: string;
  receipt?: { blockNumber?: number; contractAddress?: string };
};

/**
 * Reads one Ignition deployment folder. The chain id comes from the journal's first line when
 * present (a custom `--deployment-id` folder is not named after its chain), else the folder name.
 */
export async function readDeployment(dir: string): Promise<BindingsDeployment | undefined> {
  const addressesPath = path.join(dir, "deployed_addresses.json");
  if (!existsSync(addressesPath)) return undefined;
  const addresses = JSON.parse(await readFile(addressesPath, "utf8")) as Record<string, string>;
  const address = addresses[BIODENTAL_FUTURE_ID];
  if (!address) return undefined;
  if (!/^0x[0-9a-fA-F]{40}$/.test(address))
    throw new BindingsError(`${addressesPath}: ${BIODENTAL_FUTURE_ID} is not an address`);

  let chainId = Number(/chain-(\d+)$/.exec(dir)?.[1] ?? Number.NaN);
  let deploymentBlock = 0;
  const journalPath = path.join(dir, "journal.jsonl");
  if (existsSync(journalPath)) {
    for (const line of (await readFile(journalPath, "utf8")).split("\n")) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as JournalLine;
      if (entry.type === "DEPLOYMENT_INITIALIZE" && typeof entry.chainId === "number")
        chainId = entry.chainId;
      if (
        entry.type === "TRANSACTION_CONFIRM" &&
        entry.futureId === BIODENTAL_FUTURE_ID &&
        typeof entry.receipt?.blockNumber === "number" &&
        entry.receipt.contractAddress?.toLowerCase() === address.toLowerCase()
      ) {
        deploymentBlock = entry.receipt.blockNumber;
      }
    }
  }
  if (!Number.isSafeInteger(chainId))
    throw new BindingsError(
      `${dir}: cannot tell the chain id (no journal, folder not named chain-<id>)`,
    );
  const renderer = addresses[RENDERER_FUTURE_ID] as `0x${string}` | undefined;
  return { chainId, address: address as `0x${string}`, renderer, deploymentBlock };
}

function renderBindings(abi: unknown[], deployments: BindingsDeployment[]): string {
  const entries = deployments.map((deployment) => {
    const renderer = deployment.renderer ? `, renderer: "${deployment.renderer}"` : "";
    return `  ${deployment.chainId}: { address: "${deployment.address}", deploymentBlock: ${deployment.deploymentBlock}${renderer} },`;
  });
  return [
    "// Generated by scripts/generate-bindings.ts (`npm run generate`) from",
    "// artifacts/contracts/BioDentalNFT.sol/BioDentalNFT.json and ignition/deployments/chain-<id>/.",
    "// Do not edit: regenerated on every build and deploy.",
    "",
    `export const bioDentalNftAbi = ${JSON.stringify(abi, null, 2)} as const;`,
    "",
    "/** Deployed BioDentalNFT per chain id; `deploymentBlock` is where event history starts. */",
    "export const bioDentalNftDeployments = {",
    ...entries,
    "} as const satisfies Record<number, { address: `0x${string}`; deploymentBlock: number; renderer?: `0x${string}` }>;",
    "",
  ].join("\n");
}
