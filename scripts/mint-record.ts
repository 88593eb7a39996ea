/**
 * `npm run record:mint`: encrypts a record (JSON, validated against the schema) and its
 * attachments for the account's registered key, pins the envelope to IPFS and mints the token.
 *
 *   npm run record:mint -- record.json --attach xray.png --attach scan.stl [--account 1]
 */
import { createReadStream, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { readContract } from "viem/actions";
import { assertMatchesRegisteredKey } from "#lib/crypto/keys/assertMatchesRegisteredKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { mintRecord } from "#lib/records/mintRecord.ts";
import { describeTokenId } from "#lib/records/tokenId.ts";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectCli } from "./cli/connect.ts";
import { mediaTypeOf } from "./cli/media-type.ts";
import { createProgressDisplay } from "./cli/progress-display.ts";
import { runCommand } from "./cli/run-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...CONNECTION_OPTIONS,
    attach: { type: "string", multiple: true, default: [] },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(`Usage: npm run record:mint -- <record.json> [--attach <file>]... [connection options]

The record JSON follows the schema biodental.record/1 (see lib/record/schema.ts); its
"attachments" list is filled in from the --attach files.

${CONNECTION_HELP}`);
  process.exit(values.help ? 0 : 2);
}

await runCommand(async () => {
  const recordFile = positionals[0]!;
  const record = JSON.parse(await readFile(recordFile, "utf8")) as Parameters<
    typeof mintRecord
  >[1]["record"];
  const attachments = values.attach.map((file) => ({
    name: path.basename(file),
    mediaType: mediaTypeOf(file),
    size: statSync(file).size,
    // Streamed from disk: a multi-gigabyte scan is never held in memory.
    data: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
  }));
  const { client, account, gatewayUrl } = await connectCli(values);
  const keys = await deriveMemberKey(client);
  assertMatchesRegisteredKey({
    derivedPublicKey: keys.publicKey,
    registeredPublicKey: await readContract(client.publicClient, {
      address: client.contract,
      abi: bioDentalNftAbi,
      functionName: "encryptionKeyOf",
      args: [account],
    }),
    account,
  });
  const display = createProgressDisplay();
  const minted = await mintRecord(client, {
    record,
    attachments,
    ownerPublicKey: keys.publicKey,
    onProgress: display.onProgress,
  });
  display.stop();
  console.log(
    `Minted token ${minted.tokenId} (${describeTokenId(minted.tokenId)}, version 1) to ${account}`,
  );
  console.log(`  envelope: ${minted.cid}  ${gatewayUrl}/ipfs/${minted.cid}`);
  console.log(
    `  attachments: ${minted.record.attachments.map((a) => `${a.name} (${a.size} bytes)`).join(", ") || "none"}`,
  );
  console.log(`  tx: ${minted.hash}`);
});
