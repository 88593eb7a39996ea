import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
  createPublicClient,
  createWalletClient,
  http,
} from "viem";
import { DEMO_BOOTH_NAME, localAccountIndexOf } from "#lib/chain/localStack.ts";
import { createPresentation } from "#lib/booth/createPresentation.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { presentationTypedData } from "#lib/booth/presentationTypedData.ts";
import type { SignedPresentation } from "#lib/booth/types.ts";
import { ensureDemoBooth } from "../../scripts/stack/demo-booth.ts";
import { ensureDeployment } from "../../scripts/stack/deploy-contracts.ts";
import { ensureHardhatNode } from "../../scripts/stack/hardhat-node.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A port the OS just handed out, so parallel runs and a running `npm start` never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export type BoothChain = {
  rpcUrl: string;
  chainId: number;
  contract: Address;
  deploymentBlock: bigint;
  /** The node's unlocked accounts (Hardhat's defaults): 0 organizer, 9 the demo booth. */
  accounts: readonly Address[];
  booth: Address;
  publicClient: PublicClient;
  walletClient: WalletClient;
  stop(): Promise<void>;
};

/**
 * A `hardhat node` child on a free port with BioDentalNFT deployed through Ignition and the demo
 * booth registered: the same code `npm start` runs (scripts/stack), minus IPFS and the app. Its
 * Ignition deployment gets its own id and is removed on stop, so it never touches the dev stack's.
 */
export async function startBoothChain(label: string): Promise<BoothChain> {
  const port = await freePort();
  const logDir = path.join(PROJECT_ROOT, ".data/test", `${label}-${port}`);
  const node = await ensureHardhatNode({
    projectRoot: PROJECT_ROOT,
    host: "127.0.0.1",
    port,
    logFile: path.join(logDir, "hardhat-node.log"),
    reuse: false,
    timeoutMs: 180_000,
  });
  const deploymentId = `${label}-${port}`;
  const stop = async (): Promise<void> => {
    await node.process?.stop();
    rmSync(path.join(PROJECT_ROOT, "ignition/deployments", deploymentId), {
      recursive: true,
      force: true,
    });
  };
  try {
    const deployment = await ensureDeployment({
      projectRoot: PROJECT_ROOT,
      rpcUrl: node.rpcUrl,
      chainId: node.chainId,
      deploymentId,
      logFile: path.join(logDir, "deploy.log"),
    });
    const publicClient = createPublicClient({
      transport: http(node.rpcUrl, { batch: { wait: 0 } }),
    });
    const walletClient = createWalletClient({ transport: http(node.rpcUrl) });
    const accounts = await walletClient.getAddresses();
    const booth = accounts[localAccountIndexOf("booth")]!;
    await ensureDemoBooth({
      rpcUrl: node.rpcUrl,
      contract: deployment.address,
      organizer: accounts[0]!,
      booth,
      name: DEMO_BOOTH_NAME,
    });
    return {
      rpcUrl: node.rpcUrl,
      chainId: node.chainId,
      contract: deployment.address,
      deploymentBlock: BigInt(deployment.deploymentBlock),
      accounts,
      booth,
      publicClient,
      walletClient,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The time the pending block carries: what the booth's `verifyPresentation` call sees. */
export async function pendingTime(chain: BoothChain): Promise<bigint> {
  const block = (await chain.publicClient.request({
    method: "eth_getBlockByNumber",
    params: ["pending", false],
  })) as { timestamp: Hex };
  return BigInt(block.timestamp);
}

/** Moves the chain's clock forward and mines, like a festival day passing. */
export async function advanceTime(chain: BoothChain, seconds: number): Promise<void> {
  await chain.publicClient.request({
    method: "evm_increaseTime" as never,
    params: [seconds] as never,
  });
  await chain.publicClient.request({ method: "evm_mine" as never, params: [] as never });
}

export type SignOnNodeParameters = {
  chain: BoothChain;
  /** An unlocked node account: the node itself signs (eth_signTypedData_v4), a third EIP-712 implementation. */
  signer: Address;
  tokenId: bigint;
  holder?: Address;
  booth?: Address;
  chainId?: bigint;
  verifyingContract?: Address;
  ttl?: number;
  notAfter?: bigint;
};

/** A presentation signed by the node's account, and its QR text. */
export async function signOnNode(
  p: SignOnNodeParameters,
): Promise<SignedPresentation & { text: string }> {
  const now = await pendingTime(p.chain);
  const presentation = createPresentation({
    tokenId: p.tokenId,
    holder: p.holder ?? p.signer,
    booth: p.booth ?? p.chain.booth,
    now,
    ttlSeconds: 30,
  });
  if (p.notAfter !== undefined) presentation.notAfter = p.notAfter;
  else if (p.ttl !== undefined) presentation.notAfter = now + BigInt(p.ttl);
  const chainId = p.chainId ?? BigInt(p.chain.chainId);
  const verifyingContract = p.verifyingContract ?? p.chain.contract;
  const signature = await p.chain.walletClient.signTypedData({
    account: p.signer,
    ...presentationTypedData({ chainId, verifyingContract, presentation }),
  });
  const signed: SignedPresentation = { chainId, verifyingContract, presentation, signature };
  return { ...signed, text: encodePresentationQr(signed) };
}
