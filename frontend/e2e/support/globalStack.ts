/**
 * Mocha global fixtures (loaded with `--require`): one stack for every `*.e2e.ts` file of the run,
 * started before the first and stopped after the last, even when a test fails. With
 * `E2E_ATTACH=<file>` the run uses a stack kept up by `serveStack.ts` instead.
 */
import { readFileSync } from "node:fs";
import { type E2eStack, startE2eStack } from "./e2eStack.ts";

/** What a test may use of the stack (an attached one has no process handles). */
export type E2eStackInfo = Pick<
  E2eStack,
  "urls" | "chainId" | "addresses" | "accounts" | "app" | "logsDir"
>;

let current: E2eStackInfo | undefined;
let owned: E2eStack | undefined;

/** The running stack; only valid inside tests (after the global setup). */
export function e2eStack(): E2eStackInfo {
  if (!current)
    throw new Error(
      "The e2e stack is not running: run the e2e files through `npm run test:e2e` (mocha --require frontend/e2e/support/globalStack.ts)",
    );
  return current;
}

export async function mochaGlobalSetup(): Promise<void> {
  const attach = process.env.E2E_ATTACH;
  if (attach) {
    current = JSON.parse(readFileSync(attach, "utf8")) as E2eStackInfo;
    console.log(`  [e2e] attached to the stack at ${current.app} (${attach})`);
    return;
  }
  const stack = await startE2eStack({ log: (line) => console.log(`  [e2e] ${line}`) });
  owned = stack;
  current = stack;
  void stack.died.then((service) => {
    console.error(`  [e2e] ${service} exited during the run; see ${stack.logsDir}`);
  });
  // Ctrl-C skips mocha's teardown: stop the children here so none is left behind.
  process.once("SIGINT", () => {
    void stack.stopAll().finally(() => process.exit(130));
  });
}

export async function mochaGlobalTeardown(): Promise<void> {
  await owned?.stopAll();
  owned = undefined;
  current = undefined;
}
