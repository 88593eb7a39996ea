import { useMutation } from "@tanstack/react-query";
import { getCode, signTypedData } from "viem/actions";
import { deriveEncryptionKey } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { detectDeterministicSigning } from "#lib/crypto/keys/detectDeterministicSigning.ts";
import { encryptionKeyTypedData } from "#lib/crypto/keys/encryptionKeyTypedData.ts";
import type { RecordProgress } from "#lib/records/progress.ts";
import { accountOf } from "#lib/records/recordsClient.ts";
import { registerEncryptionKey } from "#lib/records/registerEncryptionKey.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { NonDeterministicWalletError } from "../lib/keys/NonDeterministicWalletError.ts";
import { sessionKeyStore } from "../lib/keys/sessionKeyStore.ts";
import { useChainDataRefresh } from "./useChainDataRefresh.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

export type KeySetupStage = { stage: "sign" } | RecordProgress;

/**
 * Creates the member's encryption key from one wallet signature and registers it on-chain.
 * Smart-contract wallets (code at the address) are asked twice first: many sign
 * non-deterministically, and a key derived from such a signature would never come back — those
 * get `NonDeterministicWalletError` and the passphrase path instead.
 */
export function useEncryptionKeySetup() {
  const client = useRecordsClient();
  const refresh = useChainDataRefresh();
  return useMutation({
    mutationFn: async ({ onProgress }: { onProgress?: (progress: KeySetupStage) => void } = {}) => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const account = accountOf(client);
      const sign = () =>
        signTypedData(client.walletClient!, {
          account,
          ...encryptionKeyTypedData(account.address),
        });
      onProgress?.({ stage: "sign" });
      const code = await getCode(client.publicClient, { address: account.address });
      let signature: `0x${string}`;
      if (code && code !== "0x") {
        const result = await detectDeterministicSigning({ sign });
        if (!result.deterministic) throw new NonDeterministicWalletError();
        signature = result.signature;
      } else {
        signature = await sign();
      }
      const keyPair = deriveEncryptionKey({ signature });
      const registration = await registerEncryptionKey(client, {
        publicKey: keyPair.publicKey,
        onProgress,
      });
      sessionKeyStore.set(account.address, keyPair);
      await refresh();
      return registration;
    },
  });
}
