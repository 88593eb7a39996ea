/**
 * Keeps an e2e stack running between test runs while you write or debug a journey:
 *
 *   npx node frontend/e2e/support/serveStack.ts            # prints the attach file, Ctrl-C stops
 *   E2E_ATTACH=.data/e2e-dev-attach.json npm run test:e2e
 *
 * The tests then skip the stack start-up. Every run leaves its records on this chain, so a
 * journey must not assume an empty chain (they don't: each run uses its own accounts' new tokens).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, startE2eStack } from "./e2eStack.ts";

const stack = await startE2eStack({ name: "e2e-dev", log: (line) => console.log(line) });
const attachFile = path.join(PROJECT_ROOT, ".data/e2e-dev-attach.json");
const { stop: _stop, stopAll: _stopAll, died: _died, ...described } = stack;
writeFileSync(
  attachFile,
  JSON.stringify(
    described,
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    2,
  ),
);
console.log(
  `\nE2E_ATTACH=${path.relative(PROJECT_ROOT, attachFile)} npm run test:e2e\n(Ctrl-C stops the stack)`,
);

let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  void stack.stopAll().finally(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
void stack.died.then((service) => {
  console.error(`${service} exited; stopping`);
  shutdown();
});
