/**
 * `npm run record:burn`: erases a token (pointer and grants cleared on-chain) and unpins every
 * version of its encrypted payload from the IPFS node.
 *
 *   npm run record:burn -- <tokenId> --yes
 */
import { parseArgs } from "node:util";
import { burnRecord } from "#lib/records/burnRecord.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...CONNECTION_OPTIONS,
    yes: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(
    `Usage: npm run record:burn -- <tokenId> --yes [connection options]\n\n${CONNECTION_HELP}`,
  );
  process.exit(values.help ? 0 : 2);
}
if (!values.yes) {
  console.error(
    "Burning erases the record for good (grantees lose access, the payload is unpinned). Add --yes to confirm.",
  );
  process.exit(2);
}

await runCommand(async () => {
  const tokenId = BigInt(positionals[0]!);
  const { client } = await connectCli(values);
  const display = createProgressDisplay();
  const { hash, unpinned } = await burnRecord(client, { tokenId, onProgress: display.onProgress });
  display.stop();
  console.log(
    `Burned token ${tokenId} (tx ${hash}); unpinned ${unpinned.length} version(s): ${unpinned.join(", ")}`,
  );
});
