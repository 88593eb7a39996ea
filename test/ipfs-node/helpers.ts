import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Node 24 from the project's devDependencies: it runs the TypeScript fixture directly. */
const NODE_24 = path.resolve(here, "../../node_modules/.bin/node");

export async function makeTempDir(prefix = "ipfs-node-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export type ChildNode = { child: ChildProcess; apiUrl: string; gatewayUrl: string };

/** Starts the node in a child process on ephemeral ports and waits for its URLs. */
export async function spawnNode(dataDir: string): Promise<ChildNode> {
  const child = spawn(NODE_24, [path.join(here, "fixtures/serve-node.ts"), dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`node fixture exited early with ${code}`)));
  });
  lines.close();
  const { apiUrl, gatewayUrl } = JSON.parse(first) as { apiUrl: string; gatewayUrl: string };
  return { child, apiUrl, gatewayUrl };
}

export async function killNode(node: ChildNode, signal: NodeJS.Signals): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  const exited = new Promise((resolve) => node.child.once("exit", resolve));
  node.child.kill(signal);
  await exited;
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** POSTs to the RPC API with plain fetch (for the cases clients would hide). */
export async function rpc(
  apiUrl: string,
  command: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${apiUrl}/api/v0/${command}`, { method: "POST", ...init });
}
