import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { base58btc } from "multiformats/bases/base58";
import { identity } from "multiformats/hashes/identity";

export type PeerIdentity = {
  /** libp2p peer ID string (`12D3KooW…`), what Kubo's `/api/v0/id` returns as `ID`. */
  id: string;
  /** base64 of the libp2p protobuf-encoded public key (`PublicKey` in `/api/v0/id`). */
  publicKey: string;
};

/**
 * Loads the node's Ed25519 identity from `<dataDir>/identity.pem`, creating it on first start.
 * The node never dials anyone, but clients (`ipfs.id()`) parse a real peer ID.
 *
 * @example
 * const { id } = await loadPeerIdentity(".data/ipfs") // "12D3KooW…"
 */
export async function loadPeerIdentity(dataDir: string): Promise<PeerIdentity> {
  const file = path.join(dataDir, "identity.pem");
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    privateKey = generateKeyPairSync("ed25519").privateKey;
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await writeFile(`${file}.tmp`, pem, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }
  const raw = createPublicKey(privateKey).export({ format: "jwk" }).x;
  if (raw === undefined) throw new Error("identity.pem does not hold an Ed25519 key");
  const rawKey = Buffer.from(raw, "base64url");
  // libp2p PublicKey protobuf: field 1 (KeyType) = 1 (Ed25519), field 2 (Data) = 32 key bytes.
  const protobuf = Uint8Array.from([0x08, 0x01, 0x12, rawKey.length, ...rawKey]);
  const digest = identity.digest(protobuf);
  return {
    id: base58btc.baseEncode(digest.bytes),
    publicKey: Buffer.from(protobuf).toString("base64"),
  };
}
