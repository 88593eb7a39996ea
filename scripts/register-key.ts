/**
 * `npm run record:register-key`: derives this account's X25519 encryption key from its signature
 * over the fixed EIP-712 message and registers it on-chain (nothing is sent if it already is).
 *
 *   npm run record:register-key -- --account 2
 */
import { parseArgs } from "node:util";
import { bytesToHex } from "viem";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { registerEncryptionKey } from "#lib/records/registerEncryptionKey.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values } = parseArgs({
  options: { ...CONNECTION_OPTIONS, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(`Usage: npm run record:register-key -- [connection options]\n\n${CONNECTION_HELP}`);
  process.exit(0);
}

await runCommand(async () => {
  const { client, account } = await connectCli(values);
  const keys = await deriveMemberKey(client);
  const display = createProgressDisplay();
  const result = await registerEncryptionKey(client, {
    publicKey: keys.publicKey,
    onProgress: display.onProgress,
  });
  display.stop();
  console.log(
    `${account}: encryption key ${bytesToHex(keys.publicKey)} ${result.status}${result.hash ? ` (tx ${result.hash})` : ""}`,
  );
});
