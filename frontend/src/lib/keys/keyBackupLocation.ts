/**
 * Where this browser last saw the member's passphrase backup (its CID). Only a pointer to a
 * public, passphrase-encrypted file: the member also downloads the file and notes the CID, so a
 * new device can restore from either.
 */
const key = (account: string) => `biodental.keyBackup.${account.toLowerCase()}`;

export const keyBackupLocation = {
  get(account: string): string | undefined {
    try {
      return localStorage.getItem(key(account)) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(account: string, cid: string): void {
    try {
      localStorage.setItem(key(account), cid);
    } catch {
      // Private mode: the member still has the downloaded file and the CID on screen.
    }
  },
};
