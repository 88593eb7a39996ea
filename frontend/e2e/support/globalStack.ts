/**
 * Mocha global fixtures (loaded with `--require`): one stack for every `*.e2e.ts` file of the run,
 * started before the first and stopped after the last, even when a test fails.
 */
import { type E2eStack, startE2eStack } from "./e2eStack.ts";

let current: E2eStack | undefined;

/** The running stack; only valid inside tests (after the global setup). */
export function e2eStack(): E2eStack {
  if (!current) throw new Error("The e2e stack is not running: run the e2e files through `npm run test:e2e` (mocha --require frontend/e2e/support/globalStack.ts)");
  return current;
}

export async function mochaGlobalSetup(): Promise<void> {
  current = await startE2eStack({ log: (line) => console.log(`  [e2e] ${line}`) });
  const stack = current;
  void stack.died.then((service) => {
    console.error(`  [e2e] ${service} exited during the run; see ${stack.logsDir}`);
  });
  // Ctrl-C skips mocha's teardown: stop the children here so none is left behind.
  process.once("SIGINT", () => {
    void stack.stopAll().finally(() => process.exit(130));
  });
}

export async function mochaGlobalTeardown(): Promise<void> {
  await current?.stopAll();
  current = undefined;
}
