import { signTypedData } from "viem/actions";
import {
  type EncryptionKeyPair,
  deriveEncryptionKey,
} from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { encryptionKeyTypedData } from "#lib/crypto/keys/encryptionKeyTypedData.ts";
import { type RecordsClient, accountOf } from "./recordsClient.ts";

export type DeriveMemberKeyReturnType = EncryptionKeyPair;

/**
 * The member's X25519 key pair, derived from their wallet's signature over the fixed EIP-712
 * message (for a node's unlocked account, `eth_signTypedData_v4` on the node).
 *
 * @example
 * const keyPair = await deriveMemberKey(client)
 */
export async function deriveMemberKey(client: RecordsClient): Promise<DeriveMemberKeyReturnType> {
  const account = accountOf(client);
  const signature = await signTypedData(client.walletClient!, {
    account,
    ...encryptionKeyTypedData(account.address),
  });
  return deriveEncryptionKey({ signature });
}
