/**
 * `npm run record:show`: fetches and decrypts a token's current record for its owner or a READ
 * grantee, prints it, and with --out writes the attachments to a folder (streamed, decrypted as
 * they download).
 *
 *   npm run record:show -- <tokenId> [--out ./attachments] [--json] [--account 4]
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { readRecord } from "#lib/records/readRecord.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { formatRecord } from "./cli/format-record.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...CONNECTION_OPTIONS,
    out: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(
    `Usage: npm run record:show -- <tokenId> [--out <folder>] [--json] [connection options]\n\n${CONNECTION_HELP}`,
  );
  process.exit(values.help ? 0 : 2);
}

await runCommand(async () => {
  const tokenId = BigInt(positionals[0]!);
  const { client, account } = await connectCli(values);
  const keys = await deriveMemberKey(client);
  const display = createProgressDisplay();
  const opened = await readRecord(client, {
    tokenId,
    reader: account,
    privateKey: keys.privateKey,
    onProgress: display.onProgress,
  });
  if (values.json) {
    display.stop();
    console.log(
      JSON.stringify(
        {
          tokenId: tokenId.toString(),
          owner: opened.owner,
          version: opened.version.toString(),
          cid: opened.cid,
          record: opened.record,
        },
        null,
        2,
      ),
    );
  } else {
    display.stop();
    console.log(
      formatRecord({
        tokenId,
        owner: opened.owner,
        reader: account,
        version: opened.version,
        cid: opened.cid,
        record: opened.record,
      }),
    );
  }
  if (values.out) {
    await mkdir(values.out, { recursive: true });
    // In stored order: the payload is one forward stream.
    for (const attachment of opened.record.attachments) {
      const file = path.join(values.out, path.basename(attachment.name));
      await opened
        .readAttachment(attachment.name)
        .pipeTo(Writable.toWeb(createWriteStream(file)) as WritableStream<Uint8Array>);
      console.log(`  wrote ${file} (${attachment.size} bytes)`);
    }
  }
  await opened.cancel();
});
