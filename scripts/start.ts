/**
 * `npm start` (`npm start -- --seed` for demo data): the whole local stack in one command.
 * Hardhat node, Ignition deployment, typed bindings, demo booth, embedded IPFS node and the
 * member app; prints a status table once each answers its health check, and stops every child
 * process on Ctrl-C. Options: --seed, --no-app, --quiet, --chain-port, --ipfs-api-port,
 * --ipfs-gateway-port, --app-port, --data-dir.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { StackHandle } from "./stack/start-stack.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "boolean", default: false },
    "no-app": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    "chain-port": { type: "string" },
    "ipfs-api-port": { type: "string" },
    "ipfs-gateway-port": { type: "string" },
    "app-port": { type: "string" },
    "data-dir": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm start -- [--seed] [--no-app] [--quiet] [--chain-port 8545] [--ipfs-api-port 5001]
                     [--ipfs-gateway-port 8080] [--app-port 5173] [--data-dir .data]

  --seed        create demo members, records, grants and public stories (idempotent)
  --no-app      do not start the member app (chain + IPFS only)
  --data-dir    where the IPFS blocks, logs and the stack's state live; a second stack on other
                ports needs its own`);
  process.exit(0);
}

const port = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    console.error(`--${name} must be a port number (1-65535), got "${value}"`);
    process.exit(2);
  }
  return parsed;
};

let stack: StackHandle | undefined;
let stopping = false;
const shutdown = (signal: string, code: number): void => {
  if (stopping) {
    // A second Ctrl-C: exit now; the exit hook SIGKILLs every child group.
    process.exit(code);
  }
  stopping = true;
  if (!stack) process.exit(code); // Still starting: the exit hook stops what was started.
  console.log(`\n${signal}: stopping the stack…`);
  stack.stop().then(
    () => {
      console.log("Stopped: no process of the stack is left running.");
      process.exit(code);
    },
    (error: unknown) => {
      console.error("Error while stopping:", error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => shutdown("SIGINT", 130));
process.on("SIGTERM", () => shutdown("SIGTERM", 143));
process.on("SIGHUP", () => shutdown("SIGHUP", 129));

console.log("Starting the Bio-Dental local stack…");
// Loaded after the first line is printed: viem, Helia and friends take a moment to import.
const [{ startStack }, { formatStatusTable }, { BaseError }] = await Promise.all([
  import("./stack/start-stack.ts"),
  import("./stack/status-table.ts"),
  import("#lib/errors/base.ts"),
]);
try {
  stack = await startStack({
    seed: values.seed,
    app: !values["no-app"],
    quiet: values.quiet,
    chainPort: port("chain-port", values["chain-port"]),
    ipfsApiPort: port("ipfs-api-port", values["ipfs-api-port"]),
    ipfsGatewayPort: port("ipfs-gateway-port", values["ipfs-gateway-port"]),
    appPort: port("app-port", values["app-port"]),
    ...(values["data-dir"] === undefined
      ? {}
      : {
          stateDir: path.join(values["data-dir"], "stack"),
          ipfsDataDir: path.join(values["data-dir"], "ipfs"),
        }),
  });
} catch (error) {
  console.error(
    `\n${error instanceof BaseError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}
console.log(formatStatusTable(stack));
void stack.died.then((name) => {
  console.error(`\n${name} exited unexpectedly (see ${stack?.logsDir}); stopping the stack.`);
  shutdown("crash", 1);
});
