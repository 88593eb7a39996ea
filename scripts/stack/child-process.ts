import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { delay } from "./probes.ts";

export type ServiceProcess = {
  name: string;
  pid: number;
  logFile: string;
  /** Settles when the child (the group leader) exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether the leader has exited. */
  hasExited(): boolean;
  /** The last lines the child wrote (stdout and stderr share the log file). */
  logTail(lines?: number): string;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`, until no member is left. */
  stop(graceMs?: number): Promise<void>;
};

export type SpawnServiceParameters = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv | undefined;
  /** stdout and stderr go here, never to the terminal the stack prints its table on. */
  logFile: string;
  /** Append to the log instead of truncating it. */
  appendLog?: boolean | undefined;
};

/** Every group this process started and has not stopped yet, for the last-resort exit hook. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * Starts a long-running child in its own process group, so stopping it also stops whatever it
 * spawned (Vite's esbuild service, for one) and a Ctrl-C in the terminal reaches only the stack,
 * which then stops the children in order.
 *
 * @example
 * const node = spawnService({ name: "hardhat node", command: process.execPath, args: [cli, "node"], cwd, logFile })
 * await node.stop()
 */
export function spawnService({
  name,
  command,
  args,
  cwd,
  env,
  logFile,
  appendLog,
}: SpawnServiceParameters): ServiceProcess {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = openSync(logFile, appendLog ? "a" : "w");
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${name} (${command})`);
  liveGroups.add(pid);
  installExitHook();
  let exitedFlag = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      exitedFlag = true;
      resolve({ code, signal });
    });
    child.once("error", () => {
      exitedFlag = true;
      resolve({ code: null, signal: null });
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    pid,
    logFile,
    exited,
    hasExited: () => exitedFlag,
    logTail: (lines = 15) => readTail(logFile, lines),
    stop(graceMs = 5_000) {
      stopping ??= stopGroup(pid, exited, graceMs).finally(() => liveGroups.delete(pid));
      return stopping;
    },
  };
}

async function stopGroup(pgid: number, exited: Promise<unknown>, graceMs: number): Promise<void> {
  signalGroup(pgid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  await Promise.race([exited, delay(graceMs)]);
  // The leader may be gone while members of its group linger: wait for the group, not the leader.
  while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pgid)) {
    signalGroup(pgid, "SIGKILL");
    for (let i = 0; i < 100 && groupAlive(pgid); i++) await delay(20);
  }
  await Promise.race([exited, delay(1_000)]);
}

/** Whether any process in group `pgid` still exists (signal 0 probes without sending anything). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // If the stack dies without stop() (an uncaught error), take the children with it: `exit`
  // handlers must be synchronous, so this is SIGKILL, no grace.
  process.once("exit", () => {
    for (const pgid of liveGroups) signalGroup(pgid, "SIGKILL");
  });
}

function readTail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
