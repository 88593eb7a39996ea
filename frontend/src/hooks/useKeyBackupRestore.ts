import { useMutation } from "@tanstack/react-query";
import { bytesToHex } from "viem";
import { readContract } from "viem/actions";
import { EncryptionKeyMismatchError } from "#lib/crypto/errors.ts";
import { openKeyBackup, readKeyBackupPublicKey } from "#lib/crypto/keys/openKeyBackup.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { accountOf } from "#lib/records/recordsClient.ts";
import { readAll, streamFromAsyncIterable } from "#lib/records/streams.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { keyBackupLocation } from "../lib/keys/keyBackupLocation.ts";
import { sessionKeyStore } from "../lib/keys/sessionKeyStore.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

export type KeyBackupSource = { cid: string } | { file: Blob };

/**
 * Opens the passphrase backup (from IPFS by CID, or a downloaded file) and unlocks the key, after
 * checking that the backup is the registered key before spending a second on scrypt.
 */
export function useKeyBackupRestore() {
  const client = useRecordsClient();
  return useMutation({
    mutationFn: async ({
      source,
      passphrase,
      onProgress,
    }: {
      source: KeyBackupSource;
      passphrase: string;
      onProgress?: (fraction: number) => void;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const account = accountOf(client).address;
      const backup =
        "cid" in source
          ? await readAll(streamFromAsyncIterable(client.ipfs.cat(source.cid.trim())))
          : new Uint8Array(await source.file.arrayBuffer());
      const registered = await readContract(client.publicClient, {
        address: client.contract,
        abi: bioDentalNftAbi,
        functionName: "encryptionKeyOf",
        args: [account],
      });
      const listed = readKeyBackupPublicKey(backup);
      if (listed.toLowerCase() !== registered.toLowerCase())
        throw new EncryptionKeyMismatchError({ derived: listed, registered });
      const keyPair = await openKeyBackup({ backup, passphrase, onProgress });
      if (bytesToHex(keyPair.publicKey) !== registered.toLowerCase())
        throw new EncryptionKeyMismatchError({
          derived: bytesToHex(keyPair.publicKey),
          registered,
        });
      sessionKeyStore.set(account, keyPair);
      if ("cid" in source) keyBackupLocation.set(account, source.cid.trim());
      return keyPair.publicKey;
    },
  });
}
