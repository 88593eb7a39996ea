import { useMutation } from "@tanstack/react-query";
import { readContract } from "viem/actions";
import { assertMatchesRegisteredKey } from "#lib/crypto/keys/assertMatchesRegisteredKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { accountOf } from "#lib/records/recordsClient.ts";
import { PreconditionError } from "../lib/errors/appErrors.ts";
import { sessionKeyStore } from "../lib/keys/sessionKeyStore.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/**
 * Re-derives the member's key with one signature and checks it against the registered one, so a
 * different wallet, account or a non-deterministic signer fails clearly instead of encrypting
 * records nobody can open.
 */
export function useEncryptionKeyUnlock() {
  const client = useRecordsClient();
  return useMutation({
    mutationFn: async () => {
      if (!client?.walletClient)
        throw new PreconditionError("Connect your wallet on the right network first.");
      const account = accountOf(client).address;
      const [keyPair, registered] = await Promise.all([
        deriveMemberKey(client),
        readContract(client.publicClient, {
          address: client.contract,
          abi: bioDentalNftAbi,
          functionName: "encryptionKeyOf",
          args: [account],
        }),
      ]);
      assertMatchesRegisteredKey({
        derivedPublicKey: keyPair.publicKey,
        registeredPublicKey: registered,
        account,
      });
      sessionKeyStore.set(account, keyPair);
      return keyPair.publicKey;
    },
  });
}
