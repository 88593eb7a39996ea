/**
 * `npm run booth -- verify <qr-text | image.png> [--batch FILE] [--booth ADDRESS] [--rpc URL]`
 *
 * The command-line festival booth: verifies presentation QR codes (text, a verify link, or a PNG
 * or JPEG photo of the code) and prints one JSON verdict per code:
 * `{"valid":…,"reason":…,"tokenId":…,"message":…}`. Exit status: 0 valid, 1 invalid, 2 cannot
 * verify (chain or replay store unusable); with --batch, the worst of all lines. 64: bad usage.
 *
 * Defaults are the local stack: RPC http://127.0.0.1:8545, the chain's deployment from
 * lib/generated, the demo booth (Hardhat account #9). Seen challenges are kept on disk under
 * .data/booth/replay/, so a code scanned once is refused even after this command restarts.
 *
 * Options: --booth ADDRESS, --rpc URL, --contract ADDRESS, --chain-id N (skip asking the chain),
 *   --method on-chain|off-chain, --replay-dir DIR, --concurrency N (batch), --durable (fsync claims).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Address, createPublicClient, getAddress, http, isAddress } from "viem";
import { getChainId, getAddresses } from "viem/actions";
import { LOCAL_RPC_URL } from "#lib/chain/localChain.ts";
import { localAccountIndexOf } from "#lib/chain/localStack.ts";
import { readPresentationInput } from "#lib/booth/qr/readPresentationInput.node.ts";
import { createFileReplayStore } from "#lib/booth/replay/fileReplayStore.node.ts";
import type { ReplayStore } from "#lib/booth/replay/replayStore.ts";
import { type Verdict, makeVerdict, verdictToJson } from "#lib/booth/verdict.ts";
import { verifyPresentationQr } from "#lib/booth/verifyPresentationQr.ts";
import { decodePresentationQr } from "#lib/booth/decodePresentationQr.ts";
import { MalformedPresentationError } from "#lib/booth/errors.ts";

const EXIT = { valid: 0, invalid: 1, "cannot-verify": 2, usage: 64 } as const;
const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = `Usage: npm run booth -- verify <qr-text | image.png | image.jpg> [options]
       npm run booth -- verify --batch FILE [options]      (one code or image path per line; "-" = stdin)
Options:
  --booth ADDRESS       this booth (default: the local demo booth, Hardhat account #9)
  --rpc URL             JSON-RPC endpoint (default ${LOCAL_RPC_URL})
  --contract ADDRESS    BioDentalNFT address (default: the chain's deployment in lib/generated)
  --chain-id N          the chain's id (default: asked from the RPC)
  --method on-chain|off-chain   one eth_call (default), or batched reads + local signature check
  --replay-dir DIR      where seen challenges are kept (default .data/booth/replay/<chain>-<contract>-<booth>)
  --concurrency N       parallel verifications in a batch (default 32)
  --durable             fsync every recorded challenge (survives a power cut, not only a restart)
Exit status: 0 valid, 1 invalid, 2 cannot verify (batch: the worst line), 64 usage error.`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return ((error as Error & { shortMessage?: string }).shortMessage ?? error.message).split(
      "\n",
    )[0]!;
  return String(error);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      batch: { type: "string" },
      booth: { type: "string" },
      rpc: { type: "string" },
      contract: { type: "string" },
      "chain-id": { type: "string" },
      method: { type: "string" },
      "replay-dir": { type: "string" },
      concurrency: { type: "string" },
      durable: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  usageError(describe(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [command, ...inputs] = positionals;
if (command !== "verify")
  usageError(command === undefined ? "Missing command." : `Unknown command "${command}".`);
if (values.batch === undefined && inputs.length !== 1)
  usageError("Give exactly one QR text or image, or --batch FILE.");
if (values.batch !== undefined && inputs.length > 0)
  usageError("Give either --batch FILE or one input, not both.");
const methodOption = values.method ?? "on-chain";
if (methodOption !== "on-chain" && methodOption !== "off-chain")
  usageError(`--method must be on-chain or off-chain, got "${methodOption}".`);
const method: "on-chain" | "off-chain" = methodOption;
for (const name of ["booth", "contract"] as const) {
  const value = values[name];
  if (value !== undefined && !isAddress(value, { strict: false }))
    usageError(`--${name} must be an address, got "${value}".`);
}
const concurrency = values.concurrency === undefined ? 32 : Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1)
  usageError(`--concurrency must be a positive whole number.`);
let chainIdOption: number | undefined;
if (values["chain-id"] !== undefined) {
  chainIdOption = Number(values["chain-id"]);
  if (!Number.isSafeInteger(chainIdOption) || chainIdOption < 1)
    usageError(`--chain-id must be a positive whole number.`);
}

const rpcUrl = values.rpc ?? LOCAL_RPC_URL;
const client = createPublicClient({
  transport: http(rpcUrl, { batch: { wait: 0 }, retryCount: 1, timeout: 10_000 }),
});

/** The booth's identity, or why it cannot be established (then nothing can be verified). */
async function resolveIdentity(): Promise<
  | { ok: true; chainId: number; contract: Address; booth: Address; fromBlock: bigint }
  | { ok: false; reason: "chain-unreachable"; detail: string }
> {
  let chainId = chainIdOption;
  if (chainId === undefined) {
    try {
      chainId = await getChainId(client);
    } catch (error) {
      return { ok: false, reason: "chain-unreachable", detail: `${rpcUrl}: ${describe(error)}` };
    }
  }
  let contract: Address;
  let fromBlock = 0n;
  if (values.contract !== undefined) {
    contract = getAddress(values.contract);
  } else {
    try {
      // Imported here: the generated bindings may be missing on a fresh clone, which is then a
      // clear message rather than an import crash.
      const { getDeployment } = await import("#lib/chain/getDeployment.ts");
      const deployment = getDeployment({ chainId });
      contract = deployment.address;
      fromBlock = deployment.deploymentBlock;
    } catch (error) {
      process.stderr.write(`booth: ${describe(error)} Pass --contract ADDRESS.\n`);
      process.exit(EXIT["cannot-verify"]);
    }
  }
  let booth: Address;
  if (values.booth !== undefined) {
    booth = getAddress(values.booth);
  } else {
    try {
      const accounts = await getAddresses(client);
      const demo = accounts[localAccountIndexOf("booth")];
      if (demo === undefined) {
        process.stderr.write(
          `booth: the node at ${rpcUrl} has no demo booth account; pass --booth ADDRESS.\n`,
        );
        process.exit(EXIT.usage);
      }
      booth = demo;
    } catch (error) {
      return { ok: false, reason: "chain-unreachable", detail: `${rpcUrl}: ${describe(error)}` };
    }
  }
  return { ok: true, chainId, contract, booth, fromBlock };
}

async function readInputs(): Promise<string[]> {
  if (values.batch === undefined) return inputs;
  let text: string;
  try {
    text =
      values.batch === "-"
        ? await new Response(process.stdin as unknown as ReadableStream).text()
        : await readFile(values.batch, "utf8");
  } catch (error) {
    process.stderr.write(`booth: cannot read --batch ${values.batch}: ${describe(error)}\n`);
    process.exit(EXIT.usage);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const lines = await readInputs();
if (lines.length === 0) usageError(`--batch ${values.batch} holds no codes.`);
type Booth = Awaited<ReturnType<typeof resolveIdentity>> & {
  replayStore?: ReplayStore;
  storeError?: string;
};
let boothPromise: Promise<Booth> | undefined;

/** Asked once, and only when a code decodes: a malformed code needs no chain. */
function getBooth(): Promise<Booth> {
  boothPromise ??= (async () => {
    const identity: Booth = await resolveIdentity();
    if (!identity.ok) return identity;
    const directory =
      values["replay-dir"] ??
      path.join(
        PROJECT_ROOT,
        ".data/booth/replay",
        `${identity.chainId}-${identity.contract}-${identity.booth}`.toLowerCase(),
      );
    try {
      identity.replayStore = await createFileReplayStore({ directory, durable: values.durable });
    } catch (error) {
      identity.storeError = describe(error);
    }
    return identity;
  })();
  return boothPromise;
}

async function verifyOne(line: string, previousDone: Promise<void>): Promise<Verdict> {
  const input = await readPresentationInput(line);
  if ("error" in input) return makeVerdict({ reason: "malformed", detail: input.error });
  let presentation;
  try {
    ({ presentation } = decodePresentationQr(input.text));
  } catch (error) {
    return makeVerdict({
      reason: "malformed",
      detail: error instanceof MalformedPresentationError ? error.reason : describe(error),
    });
  }
  const booth = await getBooth();
  if (!booth.ok) {
    const { tokenId, holder, notAfter } = presentation;
    return makeVerdict({ reason: booth.reason, detail: booth.detail, tokenId, holder, notAfter });
  }
  if (booth.replayStore === undefined)
    return makeVerdict({ reason: "store-unavailable", detail: booth.storeError });
  return verifyPresentationQr(client, {
    input: input.text,
    chainId: booth.chainId,
    contract: booth.contract,
    booth: booth.booth,
    replayStore: inOrder(booth.replayStore, previousDone),
    method,
    revocationLookup: { fromBlock: booth.fromBlock },
  });
}

/**
 * Claims in input order: the chain checks run concurrently, but a line claims its challenge only
 * after the line before it has finished, so of two copies of one code in a batch the first line
 * is the valid one and the second the replay, every time.
 */
function inOrder(store: ReplayStore, previousDone: Promise<void>): ReplayStore {
  return {
    ...store,
    claim: async (challenge, keepUntil) => (await previousDone, store.claim(challenge, keepUntil)),
  };
}

/** Verifies every line with bounded concurrency, printing verdicts in input order as they complete. */
async function verifyAll(all: string[]): Promise<number> {
  const verdicts: (Verdict | undefined)[] = new Array(all.length);
  let next = 0;
  let printed = 0;
  let worst: number = EXIT.valid;
  const flush = (): void => {
    while (printed < all.length && verdicts[printed] !== undefined) {
      const verdict = verdicts[printed]!;
      process.stdout.write(`${JSON.stringify(verdictToJson(verdict))}\n`);
      worst = Math.max(worst, EXIT[verdict.outcome]);
      verdicts[printed] = undefined;
      printed++;
    }
  };
  const done = all.map(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const index = next++;
      try {
        verdicts[index] = await verifyOne(
          all[index]!,
          index === 0 ? Promise.resolve() : done[index - 1]!.promise,
        );
      } finally {
        done[index]!.resolve();
      }
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, all.length) }, worker));
  flush();
  return worst;
}

const status = await verifyAll(lines);
if (boothPromise !== undefined) await (await boothPromise).replayStore?.close();
process.exitCode = status;
