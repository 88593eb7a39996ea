import { useMutation } from "@tanstack/react-query";
import { createKeyBackup } from "#lib/crypto/keys/createKeyBackup.ts";
import { generateEncryptionKey } from "#lib/crypto/keys/generateEncryptionKey.ts";
import type { RecordProgress } from "#lib/records/progress.ts";
import { accountOf } from "#lib/records/recordsClient.ts";
import { registerEncryptionKey } from "#lib/records/registerEncryptionKey.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { keyBackupLocation } from "../lib/keys/keyBackupLocation.ts";
import { sessionKeyStore } from "../lib/keys/sessionKeyStore.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

export type KeyBackupProgress =
  { stage: "protect"; fraction: number } | { stage: "pin" } | RecordProgress;

/**
 * The fallback for wallets that cannot derive a stable key: a random X25519 key, encrypted under
 * the member's passphrase (scrypt), pinned to IPFS, and registered on-chain.
 */
export function useKeyBackupCreate() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({
      passphrase,
      onProgress,
    }: {
      passphrase: string;
      onProgress?: (progress: KeyBackupProgress) => void;
    }) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const account = accountOf(client).address;
      const keyPair = generateEncryptionKey();
      const backup = await createKeyBackup({
        privateKey: keyPair.privateKey,
        passphrase,
        onProgress: (fraction) => onProgress?.({ stage: "protect", fraction }),
      });
      onProgress?.({ stage: "pin" });
      const { cid } = await client.ipfs.addBytes(backup, { pin: true });
      keyBackupLocation.set(account, cid);
      await registerEncryptionKey(client, { publicKey: keyPair.publicKey, onProgress });
      sessionKeyStore.set(account, keyPair);
      await refresh();
      return { cid, backup };
    },
  });
}
