/**
 * Runs Hardhat Ignition's own `ignition deploy` task against any JSON-RPC URL: the same code as
 * `hardhat ignition deploy <module> --network localhost`, but the `localhost` URL comes from
 * the command line, so a stack on another port (tests) deploys exactly like `npm start` does.
 * Run as a child process by `deploy-contracts.ts`, which keeps Hardhat out of the stack's process.
 *
 *   node scripts/stack/ignition-deploy.child.ts <rpcUrl> <modulePath> [deploymentId] [--reset]
 */
import { createHardhatRuntimeEnvironment, importUserConfig, resolveHardhatConfigPath } from "hardhat/hre";
import type { HardhatUserConfig } from "hardhat/config";

const [rpcUrl, modulePath, deploymentId, ...flags] = process.argv.slice(2);
if (!rpcUrl || !modulePath) {
  console.error("usage: ignition-deploy.child.ts <rpcUrl> <modulePath> [deploymentId] [--reset]");
  process.exit(2);
}

const configPath = await resolveHardhatConfigPath();
const userConfig: HardhatUserConfig = await importUserConfig(configPath);
const config: HardhatUserConfig = {
  ...userConfig,
  networks: {
    ...userConfig.networks,
    localhost: { type: "http", chainType: "l1", url: rpcUrl },
  },
};
const hre = await createHardhatRuntimeEnvironment(config, { config: configPath, network: "localhost" });
const result = await hre.tasks.getTask(["ignition", "deploy"]).run({
  modulePath,
  deploymentId: deploymentId && deploymentId !== "-" ? deploymentId : undefined,
  reset: flags.includes("--reset"),
});
if (result === null || result === undefined || result.type !== "SUCCESSFUL_DEPLOYMENT") {
  console.error(`Ignition deployment did not succeed: ${JSON.stringify(result?.type ?? result)}`);
  process.exit(1);
}
process.exit(0);
