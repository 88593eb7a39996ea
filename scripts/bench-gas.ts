/**
 * `npm run bench:gas`: the gas each BioDentalNFT operation costs, next to what the usual ways of
 * doing the same job cost (OpenZeppelin, ERC721A and ERC-4907 anchors compiled from their npm
 * packages), in one run on the in-process Hardhat network. Prints a table and writes
 * `bench/results/gas.json`. A missed goal is reported, not fatal: the exit code is non-zero only
 * when the benchmark itself fails.
 *
 * Transactions are measured by their receipt's gasUsed (21,000 intrinsic gas and calldata
 * included). The two views are measured as execution gas, as a forge gas report counts it:
 * eth_estimateGas − 21,000 − calldata cost (EIP-2028: 4 gas per zero byte, 16 per non-zero byte
 * of the transaction data). Every input is fixed (seeded bytes, a fixed clock), so the figures
 * are the same from run to run.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "@noble/hashes/sha2.js";
import type { ContractTransactionResponse, Signer } from "ethers";
import { network } from "hardhat";
import {
  PRESENTATION_DOMAIN_NAME,
  PRESENTATION_DOMAIN_VERSION,
  PRESENTATION_TYPES,
} from "#lib/booth/presentationTypedData.ts";
import { GRANT_ACCESS_TYPES } from "#lib/records/grantAccessTypedData.ts";
import BioDentalNFTModule from "../ignition/modules/BioDentalNFTModule.ts";

const RESULTS_FILE = path.join("bench", "results", "gas.json");
const INTRINSIC_GAS = 21_000n;
const READ = 1;
const PRESENT = 2;
const DAY = 86_400n;
/** The chain's clock starts here (2033-05-18), so grant expiries and deadlines are constants. */
const START = 2_000_000_000n;

/** A row of the table. `anchor` names the row it is compared with. */
type Row = {
  operation: string;
  gasUsed: bigint;
  goal?: bigint;
  anchor?: string;
  maxRatio?: number;
  note: string;
};

/** One entry of bench/results/gas.json. */
type ResultEntry = {
  gasUsed: number;
  goal?: number;
  anchor?: string;
  ratio?: number;
  maxRatio?: number;
  met?: boolean;
  note: string;
};

/**
 * `length` random-looking bytes derived from `label`: calldata cost depends on how many bytes are
 * zero, so fixed inputs keep the figures identical from run to run.
 */
function seededBytes(label: string, length: number): Uint8Array {
  const seed = new TextEncoder().encode(label);
  const out = new Uint8Array(length);
  for (let block = 0; block * 32 < length; block++) {
    const chunk = sha256(Uint8Array.of(...seed, block));
    out.set(chunk.subarray(0, Math.min(32, length - block * 32)), block * 32);
  }
  return out;
}

/** The binary CIDv1 (raw codec, sha2-256 multihash; 36 bytes) of `payload`. */
function cidV1Raw(payload: Uint8Array): Uint8Array {
  return Uint8Array.of(0x01, 0x55, 0x12, 0x20, ...sha256(payload));
}

/** The base32 string form of `cidV1Raw(payload)`: "bafkrei…", 59 characters. */
function cidV1RawString(payload: Uint8Array): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "b";
  for (const byte of cidV1Raw(payload)) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** EIP-2028 calldata cost: 4 gas per zero byte, 16 per non-zero byte. */
function calldataCost(data: string): bigint {
  let cost = 0n;
  for (let i = 2; i < data.length; i += 2) cost += data.slice(i, i + 2) === "00" ? 4n : 16n;
  return cost;
}

function formatGas(n: bigint | number): string {
  return n.toLocaleString("en-US");
}

const { ethers, ignition, provider } = await network.create();

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null || receipt.status !== 1) throw new Error("a benchmark transaction failed");
  return receipt.gasUsed;
}

/** Execution gas of a view call: eth_estimateGas − intrinsic gas − calldata cost. */
async function viewExecutionGas(to: string, data: string): Promise<bigint> {
  const estimate = await ethers.provider.estimateGas({ to, data });
  return estimate - INTRINSIC_GAS - calldataCost(data);
}

async function latestTimestamp(): Promise<bigint> {
  const block = await ethers.provider.getBlock("latest");
  if (block === null) throw new Error("the network has no latest block");
  return BigInt(block.timestamp);
}

await provider.request({ method: "evm_setNextBlockTimestamp", params: [Number(START)] });
await provider.request({ method: "evm_mine", params: [] });

const signers: Signer[] = await ethers.getSigners();

/** `contract.connect(signer)` keeping the contract's own type (typechain widens it to BaseContract). */
function signedBy<T extends { connect(runner: Signer): unknown }>(contract: T, signer: Signer): T {
  return contract.connect(signer) as T;
}
if (signers.length < 15)
  throw new Error(`the benchmark needs 15 accounts, the network has ${signers.length}`);
const [organizer, member, grantee, relayer, sigGrantee, readGrantee, delegate, boothAccount] =
  signers;
const [anchorMinter, ozOwner, uriOwner, erc721aWarm, erc721aOwner, rentalOwner, renter] =
  signers.slice(8);
const memberAddress = await member.getAddress();
const expiresAt = START + 30n * DAY;

const rows: Row[] = [];

// ---------------------------------------------------------------- BioDentalNFT

const deployed = await ignition.deploy(BioDentalNFTModule, {
  parameters: { BioDentalNFTModule: { organizer: await organizer.getAddress() } },
});
const bioDentalAddress = await deployed.bioDental.getAddress();
const bioDental = await ethers.getContractAt("BioDentalNFT", bioDentalAddress);
const asMember = signedBy(bioDental, member);

const tokenId = await bioDental.nextTokenIdOf(memberAddress);
rows.push({
  operation: "mint",
  gasUsed: await gasOf(asMember.mint(cidV1Raw(seededBytes("record v1", 64)))),
  goal: 100_000n,
  anchor: "anchor.ozUriStorageMint",
  maxRatio: 0.75,
  note: "fresh owner, CIDv1 raw sha2-256 (36 bytes)",
});
const secondTokenId = await bioDental.nextTokenIdOf(memberAddress);
rows.push({
  operation: "mintSecond",
  gasUsed: await gasOf(asMember.mint(cidV1Raw(seededBytes("second record", 64)))),
  anchor: "anchor.ozUriStorageMint",
  note: "the same owner's second token",
});
rows.push({
  operation: "updateRecord",
  gasUsed: await gasOf(asMember.updateRecord(tokenId, cidV1Raw(seededBytes("record v2", 64)))),
  goal: 35_000n,
  note: "version 2, CIDv1 raw (36 bytes)",
});

const granteeAddress = await grantee.getAddress();
rows.push({
  operation: "grantAccess",
  gasUsed: await gasOf(
    asMember.grantAccess(
      tokenId,
      granteeAddress,
      READ | PRESENT,
      expiresAt,
      seededBytes("wrapped key 1", 80),
    ),
  ),
  goal: 60_000n,
  anchor: "anchor.erc4907SetUser",
  note: "fresh grant, READ|PRESENT, 80-byte wrappedKey",
});
rows.push({
  operation: "revokeAccess",
  gasUsed: await gasOf(asMember.revokeAccess(tokenId, granteeAddress)),
  goal: 30_000n,
  note: "the grant above",
});

// The member signs; another account submits and pays.
const { chainId } = await ethers.provider.getNetwork();
const domain = {
  name: PRESENTATION_DOMAIN_NAME,
  version: PRESENTATION_DOMAIN_VERSION,
  chainId,
  verifyingContract: bioDentalAddress,
};
const sigGranteeAddress = await sigGrantee.getAddress();
const signedKey = seededBytes("wrapped key 2", 80);
const deadline = START + DAY;
const grantSignature = await member.signTypedData(
  domain,
  { GrantAccess: [...GRANT_ACCESS_TYPES.GrantAccess] },
  {
    tokenId,
    grantee: sigGranteeAddress,
    scopes: READ | PRESENT,
    expiresAt,
    wrappedKey: signedKey,
    nonce: await bioDental.nonces(memberAddress),
    deadline,
  },
);
rows.push({
  operation: "grantAccessBySig",
  gasUsed: await gasOf(
    signedBy(bioDental, relayer).grantAccessBySig(
      tokenId,
      sigGranteeAddress,
      READ | PRESENT,
      expiresAt,
      signedKey,
      deadline,
      grantSignature,
    ),
  ),
  goal: 80_000n,
  anchor: "anchor.erc4907SetUser",
  note: "relayed by another account, EOA signature, fresh grantee, 80-byte wrappedKey",
});

rows.push({
  operation: "useNonce",
  gasUsed: await gasOf(asMember.useNonce()),
  note: "cancels the member's unsubmitted signed grants (nonce slot already non-zero)",
});

rows.push({
  operation: "setEncryptionKey",
  gasUsed: await gasOf(asMember.setEncryptionKey(seededBytes("x25519 public key", 32))),
  note: "the account's first key",
});

const boothAddress = await boothAccount.getAddress();
rows.push({
  operation: "registerBooth",
  gasUsed: await gasOf(
    signedBy(bioDental, organizer).registerBooth(boothAddress, "Smile Lab booth #7"),
  ),
  note: "18-character name",
});

rows.push({
  operation: "setPublicProfile",
  gasUsed: await gasOf(
    asMember.setPublicProfile(
      secondTokenId,
      "My smile journey",
      cidV1Raw(seededBytes("public story", 64)),
      true,
    ),
  ),
  note: "16-character title, story CIDv1, consent on",
});

// hasAccess: a grantee (two cold slots: the token's owner word and the grant), and the owner (one).
const readGranteeAddress = await readGrantee.getAddress();
await gasOf(
  asMember.grantAccess(
    tokenId,
    readGranteeAddress,
    READ,
    expiresAt,
    seededBytes("wrapped key 3", 80),
  ),
);
if (!(await bioDental.hasAccess(tokenId, readGranteeAddress, READ)))
  throw new Error("the READ grant does not hold");
rows.push({
  operation: "hasAccess",
  gasUsed: await viewExecutionGas(
    bioDentalAddress,
    bioDental.interface.encodeFunctionData("hasAccess", [tokenId, readGranteeAddress, READ]),
  ),
  goal: 5_000n,
  note: "view, execution gas; a grantee with a live READ grant",
});
rows.push({
  operation: "hasAccess.owner",
  gasUsed: await viewExecutionGas(
    bioDentalAddress,
    bioDental.interface.encodeFunctionData("hasAccess", [tokenId, memberAddress, READ]),
  ),
  goal: 5_000n,
  note: "view, execution gas; the owner",
});

/** Execution gas of a valid presentation of `tokenId` at the booth, signed by `holder`. */
async function presentationGas(holder: Signer): Promise<bigint> {
  const presentation = {
    tokenId,
    holder: await holder.getAddress(),
    booth: boothAddress,
    challenge: ethers.hexlify(seededBytes("booth challenge", 32)),
    notAfter: (await latestTimestamp()) + 60n,
  };
  const signature = await holder.signTypedData(
    domain,
    { Presentation: [...PRESENTATION_TYPES.Presentation] },
    presentation,
  );
  const [valid, reason] = await bioDental.verifyPresentation(presentation, signature);
  if (!valid) throw new Error(`the benchmark's presentation is invalid (reason ${reason})`);
  return viewExecutionGas(
    bioDentalAddress,
    bioDental.interface.encodeFunctionData("verifyPresentation", [presentation, signature]),
  );
}
rows.push({
  operation: "verifyPresentation",
  gasUsed: await presentationGas(member),
  goal: 15_000n,
  note: "view, execution gas; the owner presents, EOA signature, active booth",
});
await gasOf(
  asMember.grantAccess(
    tokenId,
    await delegate.getAddress(),
    PRESENT,
    expiresAt,
    seededBytes("wrapped key 4", 80),
  ),
);
rows.push({
  operation: "verifyPresentation.delegate",
  gasUsed: await presentationGas(delegate),
  goal: 15_000n,
  note: "view, execution gas; a PRESENT grantee presents (one more cold slot)",
});

rows.push({
  operation: "burn",
  gasUsed: await gasOf(asMember.burn(secondTokenId)),
  note: "a token with a public profile",
});

// ---------------------------------------------------------------- anchors

const ozSafeMint = await ethers.deployContract("OzSafeMintAnchor");
const ozUriStorage = await ethers.deployContract("OzUriStorageAnchor");
const erc721a = await ethers.deployContract("Erc721aAnchor");
const erc4907 = await ethers.deployContract("Erc4907Anchor");

rows.push({
  operation: "anchor.ozSafeMint",
  gasUsed: await gasOf(signedBy(ozSafeMint, anchorMinter).safeMint(await ozOwner.getAddress(), 1n)),
  note: "OpenZeppelin ERC721 _safeMint to an EOA, fresh owner",
});
const uri = cidV1RawString(seededBytes("record v1", 64));
if (uri.length !== 59) throw new Error(`the CIDv1 string has ${uri.length} characters, not 59`);
rows.push({
  operation: "anchor.ozUriStorageMint",
  gasUsed: await gasOf(
    signedBy(ozUriStorage, anchorMinter).mint(await uriOwner.getAddress(), 1n, uri),
  ),
  note: `OpenZeppelin ERC721URIStorage _safeMint + 59-character token URI (${uri.slice(0, 12)}…)`,
});
// Only the first mint ever pays for ERC721A's global counter leaving zero; measure a later one.
await gasOf(signedBy(erc721a, erc721aWarm).mint(1n));
rows.push({
  operation: "anchor.erc721aMint1",
  gasUsed: await gasOf(signedBy(erc721a, erc721aOwner).mint(1n)),
  note: "ERC721A _mint of 1 to a fresh owner, counter already non-zero",
});
await gasOf(signedBy(erc4907, anchorMinter).mint(await rentalOwner.getAddress(), 1n));
rows.push({
  operation: "anchor.erc4907SetUser",
  gasUsed: await gasOf(
    signedBy(erc4907, rentalOwner).setUser(1n, await renter.getAddress(), expiresAt),
  ),
  note: "minimal ERC-4907 setUser, fresh user",
});

// ---------------------------------------------------------------- report

const byOperation = new Map(rows.map((row) => [row.operation, row]));
const results: Record<string, ResultEntry> = {};
const table: Record<string, string>[] = [];
let missed = 0;

for (const row of rows) {
  const entry: ResultEntry = { gasUsed: Number(row.gasUsed), note: row.note };
  const checks: boolean[] = [];
  if (row.goal !== undefined) {
    entry.goal = Number(row.goal);
    checks.push(row.gasUsed <= row.goal);
  }
  let ratioText = "";
  if (row.anchor !== undefined) {
    const anchor = byOperation.get(row.anchor);
    if (anchor === undefined) throw new Error(`unknown anchor ${row.anchor}`);
    const ratio = Number(row.gasUsed) / Number(anchor.gasUsed);
    entry.anchor = row.anchor;
    entry.ratio = Math.round(ratio * 1000) / 1000;
    ratioText = ratio.toFixed(3);
    if (row.maxRatio !== undefined) {
      entry.maxRatio = row.maxRatio;
      checks.push(ratio <= row.maxRatio);
      ratioText += ` (goal ≤ ${row.maxRatio})`;
    }
  }
  if (checks.length > 0) {
    entry.met = checks.every(Boolean);
    if (!entry.met) missed += 1;
  }
  results[row.operation] = entry;
  table.push({
    operation: row.operation,
    gasUsed: formatGas(row.gasUsed),
    goal: row.goal === undefined ? "" : `≤ ${formatGas(row.goal)}`,
    anchor: row.anchor ?? "",
    ratio: ratioText,
    met: entry.met === undefined ? "" : entry.met ? "✓" : "✗",
  });
}

console.table(table);
console.log(
  [
    "gasUsed of a transaction: its receipt (21,000 intrinsic + calldata + execution).",
    "gasUsed of a view (hasAccess, verifyPresentation): execution gas = eth_estimateGas − 21,000 −",
    "  calldata cost (EIP-2028: 4 gas per zero byte, 16 per non-zero byte of the tx data).",
    "ratio: gasUsed / the anchor's gasUsed.",
    ...rows.map((row) => `  ${row.operation}: ${row.note}`),
    missed === 0 ? "Every goal met." : `${missed} goal(s) missed (✗).`,
  ].join("\n"),
);

await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Wrote ${RESULTS_FILE}`);
