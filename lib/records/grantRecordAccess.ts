import { type Address, type Hash, bytesToHex, hexToBytes } from "viem";
import { readContract } from "viem/actions";
import { openEnvelope } from "#lib/crypto/envelope/openEnvelope.ts";
import { wrapDataKey } from "#lib/crypto/hpke/wrapDataKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { GranteeHasNoKeyError } from "./errors.ts";
import { fetchEnvelopeHeader } from "./fetchEnvelopeHeader.ts";
import type { OnRecordProgress } from "./progress.ts";
import { recordBinding } from "./recordBinding.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { readRecordPointer } from "./readRecordPointer.ts";
import { SCOPE_READ, hasScope } from "./scopes.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type GrantRecordAccessParameters = {
  tokenId: bigint;
  grantee: Address;
  /** `SCOPE_READ`, `SCOPE_PRESENT` or both. */
  scopes: number;
  /** Unix seconds; must be in the future. */
  expiresAt: bigint;
  /** The owner's X25519 private key, to unwrap the current data key and re-wrap it for the grantee. */
  ownerPrivateKey: Uint8Array;
  onProgress?: OnRecordProgress;
};

export type GrantRecordAccessReturnType = {
  hash: Hash;
  version: bigint;
  wrappedKey: Uint8Array | undefined;
};

/**
 * Grants READ and/or PRESENT. For READ, the current version's data key is unwrapped from the
 * envelope header with the owner's key and wrapped (HPKE) for the grantee's registered key; the
 * wrap travels in the `grantAccess` transaction and its event, never in storage.
 *
 * @throws {GranteeHasNoKeyError} READ for a grantee without a registered encryption key.
 * @example
 * await grantRecordAccess(client, { tokenId, grantee, scopes: SCOPE_READ, expiresAt, ownerPrivateKey: keyPair.privateKey })
 */
export async function grantRecordAccess(
  client: RecordsClient,
  parameters: GrantRecordAccessParameters,
): Promise<GrantRecordAccessReturnType> {
  const { tokenId, grantee, scopes, expiresAt, onProgress } = parameters;
  const { cid, version } = await readRecordPointer(client, tokenId);
  let wrappedKey: Uint8Array | undefined;
  if (hasScope(scopes, SCOPE_READ)) {
    const registered = await readContract(client.publicClient, {
      address: client.contract,
      abi: bioDentalNftAbi,
      functionName: "encryptionKeyOf",
      args: [grantee],
    });
    if (/^0x0+$/.test(registered)) throw new GranteeHasNoKeyError({ grantee });
    const binding = recordBinding(client, { tokenId, version });
    const header = await fetchEnvelopeHeader(client.ipfs, cid);
    const { dataKey } = await openEnvelope({
      header,
      binding,
      privateKey: parameters.ownerPrivateKey,
    });
    wrappedKey = await wrapDataKey({
      dataKey,
      recipientPublicKey: hexToBytes(registered),
      binding,
    });
  }
  const { hash } = await writeBioDental(client, {
    functionName: "grantAccess",
    args: [tokenId, grantee, scopes, expiresAt, wrappedKey ? bytesToHex(wrappedKey) : "0x"],
    onProgress,
  });
  return { hash, version, wrappedKey };
}
