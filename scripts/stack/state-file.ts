import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StackAlreadyRunningError } from "./errors.ts";
import { groupAlive } from "./child-process.ts";

type StackState = {
  /** The process that runs the stack (npm start, or a test). */
  pid: number;
  /** Child process groups it started, with a word their command line must contain. */
  children: { name: string; pgid: number; marker: string }[];
};

export type StateFile = {
  file: string;
  addChild(name: string, pgid: number, marker: string): void;
  removeChild(pgid: number): void;
  release(): void;
};

/**
 * Claims the stack's state folder: refuses if a live stack owns it, and stops the children a
 * crashed earlier run left behind (a `kill -9` of the stack cannot stop them itself). A child is
 * only stopped if its command line still matches what was recorded, so a reused pid is spared.
 *
 * @example
 * const state = claimStateFile(".data/stack")
 */
export function claimStateFile(stateDir: string): StateFile {
  const file = path.join(stateDir, "stack.json");
  mkdirSync(stateDir, { recursive: true });
  if (existsSync(file)) {
    const previous = readState(file);
    if (previous && previous.pid !== process.pid && processAlive(previous.pid)) {
      throw new StackAlreadyRunningError({ pid: previous.pid, stateDir });
    }
    for (const child of previous?.children ?? []) {
      if (groupAlive(child.pgid) && commandLineOf(child.pgid).includes(child.marker)) {
        try {
          process.kill(-child.pgid, "SIGKILL");
        } catch {
          // Gone meanwhile.
        }
      }
    }
  }
  const state: StackState = { pid: process.pid, children: [] };
  const save = (): void => writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  save();
  return {
    file,
    addChild(name, pgid, marker) {
      state.children.push({ name, pgid, marker });
      save();
    },
    removeChild(pgid) {
      state.children = state.children.filter((child) => child.pgid !== pgid);
      save();
    },
    release() {
      rmSync(file, { force: true });
    },
  };
}

function readState(file: string): StackState | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as StackState;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    // No /proc (macOS): without proof that the pid is still ours, leave it alone.
    return "";
  }
}
