/**
 * `npm run record:revoke`: revokes a grantee, then re-encrypts the record under a new data key
 * for the owner and the remaining readers (new version, `updateRecord`) and unpins the old one.
 *
 *   npm run record:revoke -- <tokenId> <grantee>
 */
import { parseArgs } from "node:util";
import { getAddress } from "viem";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { revokeRecordAccess } from "#lib/records/revokeRecordAccess.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { ...CONNECTION_OPTIONS, help: { type: "boolean", short: "h" } },
});
if (values.help || positionals.length !== 2) {
  console.log(
    `Usage: npm run record:revoke -- <tokenId> <grantee> [connection options]\n\n${CONNECTION_HELP}`,
  );
  process.exit(values.help ? 0 : 2);
}

await runCommand(async () => {
  const tokenId = BigInt(positionals[0]!);
  const grantee = getAddress(positionals[1]!);
  const { client } = await connectCli(values);
  const keys = await deriveMemberKey(client);
  const display = createProgressDisplay();
  const { hash, reencrypted } = await revokeRecordAccess(client, {
    tokenId,
    grantee,
    ownerKeyPair: keys,
    onProgress: display.onProgress,
  });
  display.stop();
  console.log(`Revoked ${grantee} on token ${tokenId} (tx ${hash})`);
  if (reencrypted) {
    console.log(
      `  re-encrypted as version ${reencrypted.version}: ${reencrypted.cid} (tx ${reencrypted.hash})`,
    );
    console.log(
      `  readers of the new version: the owner${reencrypted.recipients.map((r) => `, ${r}`).join("")}`,
    );
    if (reencrypted.skipped.length)
      console.log(`  left out (no registered key): ${reencrypted.skipped.join(", ")}`);
    console.log(`  unpinned the previous version ${reencrypted.previousCid}`);
    console.log(
      "  Note: what the grantee already decrypted, it keeps; it cannot read this or later versions.",
    );
  } else {
    console.log("  The grant had no READ scope: nothing to re-encrypt.");
  }
});
