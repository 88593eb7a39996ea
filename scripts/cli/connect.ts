import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  isHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { getDeployment } from "#lib/chain/getDeployment.ts";
import { LOCAL_CHAIN_ID } from "#lib/chain/localChain.ts";
import { LOCAL_STACK } from "#lib/chain/localStack.ts";
import { createRecordsClient } from "#lib/records/createRecordsClient.ts";
import type { RecordsClient } from "#lib/records/recordsClient.ts";
import { promptHidden } from "./prompt.ts";

/** Options every record command takes (`parseArgs` format). */
export const CONNECTION_OPTIONS = {
  rpc: { type: "string" },
  network: { type: "string" },
  account: { type: "string" },
  "keystore-key": { type: "string" },
  "prompt-key": { type: "boolean", default: false },
  "ipfs-api": { type: "string" },
  "ipfs-gateway": { type: "string" },
  contract: { type: "string" },
} as const;

export const CONNECTION_HELP = `Connection:
  --rpc <url>             JSON-RPC URL (default ${LOCAL_STACK.rpcUrl}, the local stack)
  --network <name>        a network from hardhat.config.ts instead (e.g. remote: URL from the keystore)
  --account <index>       an unlocked account of the local dev node (default 1, Talai Rina in the demo)
  --keystore-key <NAME>   a private key stored with \`npx hardhat keystore set NAME\` (real networks)
  --prompt-key            type the private key at a hidden prompt (real networks)
  --ipfs-api <url>        Kubo RPC API (default ${LOCAL_STACK.ipfsApiUrl}; token from IPFS_API_TOKEN)
  --ipfs-gateway <url>    gateway for printed links (default ${LOCAL_STACK.ipfsGatewayUrl})
  --contract <address>    BioDentalNFT address (default: the generated bindings for the chain)`;

export type ConnectionValues = {
  rpc?: string | undefined;
  network?: string | undefined;
  account?: string | undefined;
  "keystore-key"?: string | undefined;
  "prompt-key"?: boolean | undefined;
  "ipfs-api"?: string | undefined;
  "ipfs-gateway"?: string | undefined;
  contract?: string | undefined;
};

export type CliConnection = {
  client: RecordsClient;
  account: Address;
  chainId: number;
  rpcUrl: string;
  gatewayUrl: string;
};

/**
 * Builds the records client of a CLI command from its options. On the local dev chain the node's
 * unlocked accounts sign (the node answers `eth_signTypedData_v4`); on any other chain the key
 * comes from the Hardhat keystore or a hidden prompt, never from a file or an argument.
 *
 * @example
 * const { client, account } = await connectCli(values)
 */
export async function connectCli(values: ConnectionValues): Promise<CliConnection> {
  // Hardhat (for its keystore and network config) loads only when asked for: it is slow to import.
  const keystore = () => import("./keystore.ts");
  const rpcUrl =
    values.rpc ??
    (values.network ? await (await keystore()).readNetworkUrl(values.network) : LOCAL_STACK.rpcUrl);
  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (cause) {
    throw new Error(
      `no chain answers at ${rpcUrl}${rpcUrl === LOCAL_STACK.rpcUrl ? " (start the local stack with `npm start`)" : ""}`,
      { cause },
    );
  }
  const chain: Chain = defineChain({
    id: chainId,
    name: chainId === LOCAL_CHAIN_ID ? "Hardhat (local)" : `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });

  let account: Address | Account;
  if (values["keystore-key"])
    account = toAccount(
      await (await keystore()).readKeystoreSecret(values["keystore-key"]),
      `keystore entry ${values["keystore-key"]}`,
    );
  else if (values["prompt-key"])
    account = toAccount(await promptHidden("Private key (0x…, not echoed): "), "the typed key");
  else {
    if (chainId !== LOCAL_CHAIN_ID && values.account === undefined) {
      throw new Error(
        `chain ${chainId} is not the local dev chain: choose the key with --keystore-key <NAME> or --prompt-key`,
      );
    }
    const index = values.account === undefined ? 1 : Number(values.account);
    if (!Number.isInteger(index) || index < 0)
      throw new Error(`--account must be an account index, got "${values.account}"`);
    const unlocked = await createWalletClient({ transport: http(rpcUrl) }).getAddresses();
    const address = unlocked[index];
    if (!address)
      throw new Error(
        `the node at ${rpcUrl} has no unlocked account #${index} (it has ${unlocked.length})`,
      );
    account = address;
  }

  const deployment = values.contract
    ? { address: values.contract as Address, deploymentBlock: 0n }
    : getDeployment({ chainId });
  const gatewayUrl = values["ipfs-gateway"] ?? LOCAL_STACK.ipfsGatewayUrl;
  const client = createRecordsClient({
    rpcUrl,
    chain,
    contract: deployment.address,
    fromBlock: deployment.deploymentBlock,
    ipfsApiUrl: values["ipfs-api"] ?? LOCAL_STACK.ipfsApiUrl,
    ipfsGatewayUrl: gatewayUrl,
    ipfsAuthToken: process.env.IPFS_API_TOKEN || undefined,
    account,
  });
  return { client, account: client.walletClient!.account.address, chainId, rpcUrl, gatewayUrl };
}

function toAccount(secret: string, what: string): Account {
  const key = secret.trim().startsWith("0x") ? secret.trim() : `0x${secret.trim()}`;
  if (!isHex(key) || key.length !== 66) throw new Error(`${what} is not a 32-byte hex private key`);
  return privateKeyToAccount(key);
}
