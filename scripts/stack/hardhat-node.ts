import path from "node:path";
import { type ServiceProcess, spawnService } from "./child-process.ts";
import { PortBusyError, ServiceStartError } from "./errors.ts";
import { isPortFree } from "./ports.ts";
import { delay, probeChain } from "./probes.ts";

export type EnsureHardhatNodeParameters = {
  projectRoot: string;
  host: string;
  port: number;
  logFile: string;
  /** Use a chain already answering on the port instead of failing. Default true. */
  reuse?: boolean | undefined;
  timeoutMs?: number | undefined;
};

export type EnsureHardhatNodeReturnType = {
  rpcUrl: string;
  chainId: number;
  /** Undefined when an already-running chain was reused (and so is not ours to stop). */
  process: ServiceProcess | undefined;
};

/**
 * Starts `hardhat node` on `host:port` as a child process, or reuses a chain that already
 * answers JSON-RPC there (a second `npm start`, or a node the developer started by hand).
 *
 * @throws {PortBusyError} the port is taken by something that does not speak JSON-RPC.
 * @throws {ServiceStartError} the node exited or did not answer in time.
 */
export async function ensureHardhatNode(
  parameters: EnsureHardhatNodeParameters,
): Promise<EnsureHardhatNodeReturnType> {
  const { projectRoot, host, port, logFile } = parameters;
  const rpcUrl = `http://${host}:${port}`;
  const reuse = parameters.reuse ?? true;
  if (!(await isPortFree(host, port))) {
    // Taken: a chain we can reuse, or something else. A busy machine can be slow to answer, so
    // give it a generous timeout before calling the port foreign.
    const existing = reuse ? await probeChain(rpcUrl, 5_000) : undefined;
    if (existing?.ok) return { rpcUrl, chainId: existing.chainId!, process: undefined };
    throw new PortBusyError({
      service: "Hardhat node (JSON-RPC)",
      host,
      port,
      option: "--chain-port",
    });
  }

  // process.execPath, not `npx`: npm scripts run Node 24, which Hardhat 3 needs, while the
  // shell's `node` may be older.
  const cli = path.join(projectRoot, "node_modules/hardhat/dist/src/cli.js");
  const child = spawnService({
    name: "hardhat node",
    command: process.execPath,
    args: [cli, "node", "--hostname", host, "--port", String(port)],
    cwd: projectRoot,
    logFile,
  });
  const deadline = Date.now() + (parameters.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.hasExited()) {
      const tail = child.logTail();
      if (/EADDRINUSE|address already in use/i.test(tail)) {
        throw new PortBusyError({
          service: "Hardhat node (JSON-RPC)",
          host,
          port,
          option: "--chain-port",
        });
      }
      throw new ServiceStartError({
        service: "the Hardhat node",
        reason: "it exited",
        logFile,
        logTail: tail,
      });
    }
    const probe = await probeChain(rpcUrl, 1_000);
    if (probe.ok) return { rpcUrl, chainId: probe.chainId!, process: child };
    await delay(200);
  }
  const tail = child.logTail();
  await child.stop();
  throw new ServiceStartError({
    service: "the Hardhat node",
    reason: "it did not answer eth_chainId in time",
    logFile,
    logTail: tail,
  });
}
