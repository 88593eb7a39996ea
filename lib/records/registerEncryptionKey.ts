import type { Hash } from "viem";
import { readContract } from "viem/actions";
import { publicKeyToBytes32 } from "#lib/crypto/keys/publicKeyBytes32.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import type { OnRecordProgress } from "./progress.ts";
import { type RecordsClient, accountOf } from "./recordsClient.ts";
import { writeBioDental } from "./writeBioDental.ts";

export type RegisterEncryptionKeyParameters = {
  publicKey: Uint8Array;
  onProgress?: OnRecordProgress;
};

export type RegisterEncryptionKeyReturnType = {
  status: "registered" | "replaced" | "already registered";
  hash: Hash | undefined;
};

/**
 * Registers the member's X25519 public key with `setEncryptionKey`, unless exactly this key is
 * already registered (so running it twice costs nothing).
 *
 * @example
 * const { publicKey } = await deriveMemberKey(client)
 * await registerEncryptionKey(client, { publicKey })
 */
export async function registerEncryptionKey(
  client: RecordsClient,
  { publicKey, onProgress }: RegisterEncryptionKeyParameters,
): Promise<RegisterEncryptionKeyReturnType> {
  const account = accountOf(client);
  const wanted = publicKeyToBytes32(publicKey);
  const registered = await readContract(client.publicClient, {
    address: client.contract,
    abi: bioDentalNftAbi,
    functionName: "encryptionKeyOf",
    args: [account.address],
  });
  if (registered.toLowerCase() === wanted.toLowerCase())
    return { status: "already registered", hash: undefined };
  const { hash } = await writeBioDental(client, {
    functionName: "setEncryptionKey",
    args: [wanted],
    onProgress,
  });
  return { status: /^0x0+$/.test(registered) ? "registered" : "replaced", hash };
}
