import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";

/**
 * The member's X25519 key for this tab only: held in memory, never written to storage, gone on
 * reload (the wallet re-derives it with one signature). Keyed by account so switching accounts
 * never uses another member's key.
 */
const keys = new Map<string, EncryptionKeyPair>();
const listeners = new Set<() => void>();

export const sessionKeyStore = {
  get(account: string | undefined): EncryptionKeyPair | undefined {
    return account ? keys.get(account.toLowerCase()) : undefined;
  },
  set(account: string, keyPair: EncryptionKeyPair): void {
    keys.set(account.toLowerCase(), keyPair);
    for (const listener of listeners) listener();
  },
  clear(account: string): void {
    keys.get(account.toLowerCase())?.privateKey.fill(0);
    keys.delete(account.toLowerCase());
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
