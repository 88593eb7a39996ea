import type { Address, Hash } from "viem";
import { readContract } from "viem/actions";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import type { OnRecordProgress } from "./progress.ts";
import {
  type PublishRecordVersionReturnType,
  publishRecordVersion,
} from "./publishRecordVersion.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { SCOPE_READ, hasScope } from "./scopes.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type RevokeRecordAccessParameters = {
  tokenId: bigint;
  grantee: Address;
  ownerKeyPair: EncryptionKeyPair;
  onProgress?: OnRecordProgress;
};

export type RevokeRecordAccessReturnType = {
  hash: Hash;
  /** The re-encrypted version, when the grantee could read (a PRESENT-only grant needs none). */
  reencrypted: PublishRecordVersionReturnType | undefined;
};

/**
 * Revokes every scope of `grantee`, then, if it held READ, re-encrypts the record as a new
 * version under a new data key for the owner and the remaining readers, points the token at it
 * and unpins the old version. What the grantee already decrypted, it keeps: revocation protects
 * future versions, not the past (see the README's threat model).
 *
 * @example
 * const { reencrypted } = await revokeRecordAccess(client, { tokenId, grantee, ownerKeyPair, onProgress })
 */
export async function revokeRecordAccess(
  client: RecordsClient,
  parameters: RevokeRecordAccessParameters,
): Promise<RevokeRecordAccessReturnType> {
  const { tokenId, grantee, ownerKeyPair, onProgress } = parameters;
  const [scopes] = await readContract(client.publicClient, {
    address: client.contract,
    abi: bioDentalNftAbi,
    functionName: "grantOf",
    args: [tokenId, grantee],
  });
  const { hash } = await writeBioDental(client, {
    functionName: "revokeAccess",
    args: [tokenId, grantee],
    onProgress,
  });
  // An expired READ grant still delivered a key to the current version: re-encrypt for it too.
  const reencrypted = hasScope(scopes, SCOPE_READ)
    ? await publishRecordVersion(client, { tokenId, ownerKeyPair, onProgress })
    : undefined;
  return { hash, reencrypted };
}
