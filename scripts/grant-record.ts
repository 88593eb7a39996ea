/**
 * `npm run record:grant`: grants READ and/or PRESENT on a token until a date. For READ the
 * record's data key is re-wrapped for the grantee's registered key and delivered in the
 * transaction's event.
 *
 *   npm run record:grant -- <tokenId> <grantee> [--scopes read,present] [--days 30 | --until 2025-12-31]
 */
import { parseArgs } from "node:util";
import { type Address, getAddress } from "viem";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { grantRecordAccess } from "#lib/records/grantRecordAccess.ts";
import { SCOPE_PRESENT, SCOPE_READ } from "#lib/records/scopes.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...CONNECTION_OPTIONS,
    scopes: { type: "string", default: "read" },
    days: { type: "string" },
    until: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || positionals.length !== 2) {
  console.log(`Usage: npm run record:grant -- <tokenId> <grantee> [--scopes read|present|read,present] [--days N | --until YYYY-MM-DD]

Default: READ for 30 days.

${CONNECTION_HELP}`);
  process.exit(values.help ? 0 : 2);
}

await runCommand(async () => {
  const tokenId = BigInt(positionals[0]!);
  const grantee: Address = getAddress(positionals[1]!);
  let scopes = 0;
  for (const word of values.scopes.split(",").map((s) => s.trim().toLowerCase())) {
    if (word === "read") scopes |= SCOPE_READ;
    else if (word === "present") scopes |= SCOPE_PRESENT;
    else throw new Error(`unknown scope "${word}": use read, present or read,present`);
  }
  const { client } = await connectCli(values);
  const latest = await client.publicClient.request({
    method: "eth_getBlockByNumber",
    params: ["latest", false],
  });
  const now = BigInt(latest!.timestamp);
  const expiresAt = values.until
    ? BigInt(Math.floor(Date.parse(`${values.until}T23:59:59Z`) / 1000))
    : now + BigInt(Math.round(Number(values.days ?? "30") * 86_400));
  if (expiresAt <= now) throw new Error("the expiry must be in the future");
  const keys = await deriveMemberKey(client);
  const display = createProgressDisplay();
  const result = await grantRecordAccess(client, {
    tokenId,
    grantee,
    scopes,
    expiresAt,
    ownerPrivateKey: keys.privateKey,
    onProgress: display.onProgress,
  });
  display.stop();
  console.log(
    `Granted ${values.scopes.toUpperCase()} on token ${tokenId} (version ${result.version}) to ${grantee} until ${new Date(Number(expiresAt) * 1000).toISOString()}`,
  );
  console.log(`  tx: ${result.hash}`);
});
