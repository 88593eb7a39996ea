/** Shown in place of an action that needs the IPFS node while it is down. */
export function IpfsDownNotice({ action }: { action: string }) {
  return (
    <div className="notice notice-warn" role="status" data-testid="ipfs-down-notice">
      <p className="notice-title">The IPFS node is not reachable</p>
      <p>
        Encrypted records live on IPFS, so you cannot {action} until it is back. This page retries
        on its own.
      </p>
    </div>
  );
}
