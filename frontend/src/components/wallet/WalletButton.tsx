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
  // Two dialogs, two states: the connect dialog's "open" must not carry over to the account dialog.
  const [connectOpen, setConnectOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);

  if (connection.status !== "connected") {
    return (
      <>
        <button
          type="button"
          className="button small"
          data-testid="connect-button"
          onClick={() => setConnectOpen(true)}
          disabled={connection.status === "connecting" || connection.status === "reconnecting"}
        >
          {connection.status === "reconnecting" ? "Reconnecting…" : "Connect"}
        </button>
        <ConnectDialog open={connectOpen} onClose={() => setConnectOpen(false)} />
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
        onClick={() => setAccountOpen(true)}
        aria-label={`Account ${connection.address}`}
      >
        <span className={`dot ${isDev ? "dev" : ""}`} aria-hidden="true" />
        {shortAddress(connection.address)}
      </button>
      <Dialog
        open={accountOpen}
        onClose={() => setAccountOpen(false)}
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
            setAccountOpen(false);
          }}
        >
          Disconnect
        </button>
      </Dialog>
    </>
  );
}
