/**
 * Deploys an Ignition module to any JSON-RPC URL with Hardhat Ignition's own engine
 * (`@nomicfoundation/ignition-core`'s `deploy`, as `hardhat ignition deploy` calls it), writing
 * the same journal and `deployed_addresses.json` under ignition/deployments/<deploymentId>.
 *
 * Two differences from the CLI task, both deliberate: the URL comes from the command line (so a
 * stack on another port deploys exactly like `npm start`), and it deploys the artifacts already
 * built instead of running a `production`-profile build first. That build recompiles everything
 * with solc-js whenever the default profile built last (minutes on a small machine), for the same
 * settings and bytecode; `deploy-contracts.ts` runs `hardhat build` when sources changed.
 *
 *   node scripts/stack/ignition-deploy.child.ts <rpcUrl> <modulePath> <deploymentId>
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  HardhatArtifactResolver,
  PrettyEventHandler,
} from "@nomicfoundation/hardhat-ignition/helpers";
import { deploy } from "@nomicfoundation/ignition-core";
import type { HardhatUserConfig } from "hardhat/config";
import {
  createHardhatRuntimeEnvironment,
  importUserConfig,
  resolveHardhatConfigPath,
} from "hardhat/hre";

const [rpcUrl, modulePath, deploymentId] = process.argv.slice(2);
if (!rpcUrl || !modulePath || !deploymentId) {
  console.error("usage: ignition-deploy.child.ts <rpcUrl> <modulePath> <deploymentId>");
  process.exit(2);
}

const configPath = await resolveHardhatConfigPath();
const userConfig: HardhatUserConfig = await importUserConfig(configPath);
const config: HardhatUserConfig = {
  ...userConfig,
  networks: { ...userConfig.networks, stack: { type: "http", chainType: "l1", url: rpcUrl } },
};
const hre = await createHardhatRuntimeEnvironment(config, { config: configPath, network: "stack" });
const connection = await hre.network.create("stack");
const ignitionModule = (
  (await import(pathToFileURL(path.resolve(modulePath)).href)) as {
    default: Parameters<typeof deploy>[0]["ignitionModule"];
  }
).default;
const accounts = (await connection.provider.request({ method: "eth_accounts" })) as string[];
const result = await deploy({
  config: hre.config.ignition,
  provider: connection.provider,
  artifactResolver: new HardhatArtifactResolver(hre.artifacts),
  executionEventListener: new PrettyEventHandler(hre.interruptions),
  deploymentDir: path.join(hre.config.paths.ignition, "deployments", deploymentId),
  ignitionModule,
  deploymentParameters: {},
  accounts,
});
if (result.type !== "SUCCESSFUL_DEPLOYMENT") {
  console.error(`Ignition deployment did not succeed: ${JSON.stringify(result, null, 2)}`);
  process.exit(1);
}
process.exit(0);
