import { existsSync } from "node:fs";
import path from "node:path";
import { type ServiceProcess, spawnService } from "./child-process.ts";
import { AppMissingError, PortBusyError, ServiceStartError } from "./errors.ts";
import { isPortFree } from "./ports.ts";
import { delay, probeHttp } from "./probes.ts";

export const APP_CONFIG_FILE = "frontend/vite.config.ts";

export type StartViteParameters = {
  projectRoot: string;
  host: string;
  port: number;
  /** VITE_* variables telling the app where the stack's services are. */
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number | undefined;
};

export type StartViteReturnType = { url: string; process: ServiceProcess };

/**
 * Starts the Vite dev server for the member app (root frontend/) as a child process group and
 * waits until it serves the page.
 *
 * @throws {AppMissingError} frontend/vite.config.ts is not in the checkout.
 * @throws {PortBusyError} the app port is taken.
 * @throws {ServiceStartError} Vite exited or never served `/`.
 */
export async function startVite({
  projectRoot,
  host,
  port,
  env,
  logFile,
  timeoutMs = 60_000,
}: StartViteParameters): Promise<StartViteReturnType> {
  const configFile = path.join(projectRoot, APP_CONFIG_FILE);
  if (!existsSync(configFile)) throw new AppMissingError({ configFile: APP_CONFIG_FILE });
  if (!(await isPortFree(host, port)))
    throw new PortBusyError({ service: "member app (Vite)", host, port, option: "--app-port" });
  const url = `http://${host}:${port}`;
  const child = spawnService({
    name: "vite",
    command: process.execPath,
    args: [
      path.join(projectRoot, "node_modules/vite/bin/vite.js"),
      "frontend",
      "--config",
      APP_CONFIG_FILE,
      "--host",
      host,
      "--port",
      String(port),
      "--strictPort",
    ],
    cwd: projectRoot,
    // No colour codes: the output goes to a log file.
    env: { ...process.env, ...env, NO_COLOR: "1" },
    logFile,
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.hasExited()) {
      const tail = child.logTail();
      if (/already in use|EADDRINUSE/i.test(tail))
        throw new PortBusyError({ service: "member app (Vite)", host, port, option: "--app-port" });
      throw new ServiceStartError({
        service: "the member app (Vite)",
        reason: "it exited",
        logFile,
        logTail: tail,
      });
    }
    const probe = await probeHttp(url, { timeoutMs: 5_000 });
    if (probe.ok) return { url, process: child };
    await delay(200);
  }
  const tail = child.logTail();
  await child.stop();
  throw new ServiceStartError({
    service: "the member app (Vite)",
    reason: "it did not serve the page in time",
    logFile,
    logTail: tail,
  });
}
