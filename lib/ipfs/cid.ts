import { base32 } from "multiformats/bases/base32";
import { CID } from "multiformats/cid";
import { MalformedCidError } from "./errors.ts";

const SHA2_256 = 0x12;
const SHA2_256_LENGTH = 32;

export type Hex = `0x${string}`;

/**
 * The binary CID the contract stores (multiformats `CID.bytes`): CIDv0 is `0x12 0x20` + the
 * 32-byte sha2-256 digest; CIDv1 is `0x01` + codec varint + `0x12 0x20` + digest.
 *
 * @example
 * cidToBytes("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").length // 34
 */
export function cidToBytes(cid: string): Uint8Array {
  return assertSha256(parseCid(cid), cid).bytes;
}

/**
 * The `0x…` hex form of {@link cidToBytes}, ready for viem `bytes` arguments.
 *
 * @example
 * cidToHex("Qm…") // "0x1220…"
 */
export function cidToHex(cid: string): Hex {
  return `0x${toHex(cidToBytes(cid))}`;
}

/**
 * Back from the contract's bytes (or their hex) to the usual string: CIDv0 as base58 `Qm…`,
 * CIDv1 as base32 `bafy…`/`bafk…`. Anything else, including non-sha2-256 hashes, throws
 * MalformedCidError.
 *
 * @example
 * cidFromBytes("0x1220…") // "Qm…"
 */
export function cidFromBytes(input: Uint8Array | Hex | string): string {
  const bytes = typeof input === "string" ? fromHex(input) : input;
  let cid: CID;
  try {
    cid = CID.decode(bytes);
  } catch (error) {
    throw new MalformedCidError(`0x${toHex(bytes)}`, { cause: error });
  }
  assertSha256(cid, `0x${toHex(bytes)}`);
  return cid.version === 0 ? cid.toString() : cid.toString(base32);
}

/**
 * Parses a CID string (also accepts `/ipfs/<cid>` and `ipfs://<cid>`), rejecting anything that is
 * not a sha2-256 CID.
 *
 * @example
 * parseCid("ipfs://bafkrei…").version // 1
 */
export function parseCid(input: string): CID {
  const text = input
    .trim()
    .replace(/^ipfs:\/\//, "")
    .replace(/^\/ipfs\//, "");
  let cid: CID;
  try {
    cid = CID.parse(text);
  } catch (error) {
    throw new MalformedCidError(input, { cause: error });
  }
  return assertSha256(cid, input);
}

function assertSha256(cid: CID, input: string): CID {
  if (cid.multihash.code !== SHA2_256 || cid.multihash.size !== SHA2_256_LENGTH) {
    throw new MalformedCidError(input, {
      details: `multihash 0x${cid.multihash.code.toString(16)} is not sha2-256`,
    });
  }
  return cid;
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function fromHex(input: string): Uint8Array {
  const hex = input.startsWith("0x") || input.startsWith("0X") ? input.slice(2) : input;
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) {
    throw new MalformedCidError(input, { details: "expected an even-length hex string" });
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
