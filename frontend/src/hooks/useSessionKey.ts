import { useSyncExternalStore } from "react";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { sessionKeyStore } from "../lib/keys/sessionKeyStore.ts";

/** The unlocked encryption key of `account` in this tab, if any. */
export function useSessionKey(account: Address | undefined): EncryptionKeyPair | undefined {
  return useSyncExternalStore(
    sessionKeyStore.subscribe,
    () => sessionKeyStore.get(account),
    () => undefined,
  );
}
