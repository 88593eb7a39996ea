import { useState } from "react";
import { useConnection, useDisconnect } from "wagmi";
import { DEV_WALLET_ID } from "../../lib/devWallet/devWalletConnector.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import { ConnectDialog } from "./ConnectDialog.tsx";
import { DevAccountPicker } from "./DevAccountPicker.tsx";
import { Dialog } from "../ui/Dialog.tsx";

/** Connect when disconnected; the account (and for the dev wallet, the account picker) when connected. */
export function WalletButton() {
  const connection = useConnection();
  const disconnect = useDisconnect();
  const [open, setOpen] = useState(false);

  if (connection.status !== "connected") {
    return (
      <>
        <button
          type="button"
          className="button small"
          data-testid="connect-button"
          onClick={() => setOpen(true)}
          disabled={connection.status === "connecting" || connection.status === "reconnecting"}
        >
          {connection.status === "reconnecting" ? "Reconnecting…" : "Connect"}
        </button>
        <ConnectDialog open={open} onClose={() => setOpen(false)} />
      </>
    );
  }

  const isDev = connection.connector?.id === DEV_WALLET_ID;
  return (
    <>
      <button
        type="button"
        className="account-chip"
        data-testid="account-button"
        data-address={connection.address}
        onClick={() => setOpen(true)}
        aria-label={`Account ${connection.address}`}
      >
        <span className={`dot ${isDev ? "dev" : ""}`} aria-hidden="true" />
        {shortAddress(connection.address)}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Your wallet"
        testId="account-dialog"
      >
        <p>
          Connected with <strong>{connection.connector?.name}</strong>
        </p>
        <p className="mono break" data-testid="account-address">
          {connection.address}
        </p>
        {isDev ? <DevAccountPicker /> : null}
        <button
          type="button"
          className="button secondary"
          data-testid="disconnect-button"
          onClick={() => {
            disconnect.mutate();
            setOpen(false);
          }}
        >
          Disconnect
        </button>
      </Dialog>
    </>
  );
}
