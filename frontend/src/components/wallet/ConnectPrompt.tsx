import { useState } from "react";
import { ConnectDialog } from "./ConnectDialog.tsx";

/** Shown by pages that need a wallet, in place of their content. */
export function ConnectPrompt({ reason }: { reason: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="card" data-testid="connect-prompt">
      <h2>Connect your wallet</h2>
      <p>{reason}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Connect a wallet
      </button>
      <ConnectDialog open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
