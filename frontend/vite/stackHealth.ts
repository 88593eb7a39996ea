import type { IncomingMessage, ServerResponse } from "node:http";
import { type Plugin, loadEnv } from "vite";

/** What `/__health` answers: one probe per local service, made by the server, not the browser. */
export type StackHealth = {
  chain: { ok: boolean; chainId?: number; blockNumber?: string; error?: string };
  ipfs: { ok: boolean; version?: string; error?: string };
};

const PROBE_TIMEOUT_MS = 1500;

/**
 * Serves `GET /__health` from the dev and preview servers. Browsers log every refused connection
 * in the console and scripts cannot silence that, so the app asks this same-origin endpoint first
 * and only talks to the chain and IPFS node once they answer.
 */
export function stackHealth(): Plugin {
  let rpcUrl = "http://127.0.0.1:8545";
  let ipfsApiUrl = "http://127.0.0.1:5001";
  const handle = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.url?.split("?")[0] !== "/__health") return next();
    probe(rpcUrl, ipfsApiUrl).then((health) => {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Cache-Control", "no-store");
      res.end(JSON.stringify(health));
    }, next);
  };
  return {
    name: "biodental-stack-health",
    configResolved(config) {
      const env = loadEnv(config.mode, config.envDir || config.root, "VITE_");
      rpcUrl = env.VITE_RPC_URL || rpcUrl;
      ipfsApiUrl = env.VITE_IPFS_API_URL || ipfsApiUrl;
    },
    configureServer(server) {
      server.middlewares.use(handle);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handle);
    },
  };
}

async function probe(rpcUrl: string, ipfsApiUrl: string): Promise<StackHealth> {
  const [chain, ipfs] = await Promise.all([probeChain(rpcUrl), probeIpfs(ipfsApiUrl)]);
  return { chain, ipfs };
}

async function probeChain(rpcUrl: string): Promise<StackHealth["chain"]> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify([
        { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] },
        { jsonrpc: "2.0", id: 2, method: "eth_blockNumber", params: [] },
      ]),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const replies = (await response.json()) as { id: number; result?: string }[];
    const chainId = replies.find((r) => r.id === 1)?.result;
    const blockNumber = replies.find((r) => r.id === 2)?.result;
    if (!chainId) return { ok: false, error: "the node answered without a chain id" };
    return {
      ok: true,
      chainId: Number(chainId),
      blockNumber: blockNumber ? BigInt(blockNumber).toString() : undefined,
    };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

async function probeIpfs(ipfsApiUrl: string): Promise<StackHealth["ipfs"]> {
  try {
    const response = await fetch(`${ipfsApiUrl}/api/v0/version`, {
      method: "POST",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const body = (await response.json()) as { Version?: string };
    return { ok: true, version: body.Version };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
