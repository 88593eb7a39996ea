import { configVariable } from "hardhat/config";
import {
  createHardhatRuntimeEnvironment,
  importUserConfig,
  resolveHardhatConfigPath,
} from "hardhat/hre";
import type { HardhatUserConfig } from "hardhat/types/config";

type Resolvable = { get(): Promise<string> };

/**
 * Reads a secret from the Hardhat keystore (`npx hardhat keystore set NAME`), through Hardhat's
 * own configuration-variable resolution, so the keystore plugin asks for its password as usual.
 *
 * @example
 * const privateKey = await readKeystoreSecret("BIODENTAL_MEMBER_KEY")
 */
export async function readKeystoreSecret(name: string): Promise<string> {
  const network = await networkWithSecret({ url: "http://127.0.0.1:1", accountVariable: name });
  return (network.accounts as Resolvable[])[0]!.get();
}

/**
 * The RPC URL of a network declared in hardhat.config.ts (e.g. `remote`, whose URL is the
 * keystore's BIODENTAL_RPC_URL).
 *
 * @example
 * const rpcUrl = await readNetworkUrl("remote")
 */
export async function readNetworkUrl(networkName: string): Promise<string> {
  const configPath = await resolveHardhatConfigPath();
  const userConfig = await importUserConfig(configPath);
  const hre = await createHardhatRuntimeEnvironment(userConfig, { config: configPath });
  const network = hre.config.networks[networkName] as
    { type: string; url?: string | Resolvable } | undefined;
  if (!network) throw new Error(`no network "${networkName}" in hardhat.config.ts`);
  if (network.type !== "http" || network.url === undefined)
    throw new Error(`network "${networkName}" is not an HTTP network`);
  return typeof network.url === "string" ? network.url : network.url.get();
}

async function networkWithSecret({
  url,
  accountVariable,
}: {
  url: string;
  accountVariable: string;
}) {
  const configPath = await resolveHardhatConfigPath();
  const userConfig: HardhatUserConfig = await importUserConfig(configPath);
  const config: HardhatUserConfig = {
    ...userConfig,
    networks: {
      ...userConfig.networks,
      biodentalCliSecret: {
        type: "http",
        chainType: "l1",
        url,
        accounts: [configVariable(accountVariable)],
      },
    },
  };
  const hre = await createHardhatRuntimeEnvironment(config, { config: configPath });
  return hre.config.networks.biodentalCliSecret as unknown as { accounts: unknown };
}
