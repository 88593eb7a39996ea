import { useConnect, useConnectors } from "wagmi";
import { DEV_WALLET_ID } from "../../lib/devWallet/devWalletConnector.ts";
import { useStackHealth } from "../../hooks/useStackHealth.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";

export type ConnectDialogProps = { open: boolean; onClose: () => void };

/**
 * The wallets this browser offers: every EIP-6963 wallet (MetaMask, Rabby, …) by its own name and
 * icon, plus, on the local chain, the clearly labelled dev wallet.
 */
export function ConnectDialog({ open, onClose }: ConnectDialogProps) {
  const connectors = useConnectors();
  const connect = useConnect();
  const health = useStackHealth();
  const browserWallets = connectors.filter((connector) => connector.id !== DEV_WALLET_ID);
  const devWallet = connectors.find((connector) => connector.id === DEV_WALLET_ID);

  return (
    <Dialog open={open} onClose={onClose} title="Connect a wallet" testId="connect-dialog">
      <p className="muted">
        Your wallet is your key: it proves you own your records and unlocks their encryption.
        Nothing is sent until you confirm.
      </p>
      {browserWallets.length > 0 ? (
        <ul className="wallet-list" aria-label="Browser wallets">
          {browserWallets.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                className="wallet-option"
                data-testid={`connect-${connector.id}`}
                disabled={connect.isPending}
                onClick={() => connect.mutate({ connector }, { onSuccess: onClose })}
              >
                {connector.icon ? (
                  <img src={connector.icon} alt="" width={28} height={28} />
                ) : (
                  <span className="wallet-icon-fallback" aria-hidden="true" />
                )}
                <span>{connector.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="notice notice-info" data-testid="no-browser-wallet">
          <p className="notice-title">No browser wallet found</p>
          <p>
            Install a wallet extension such as MetaMask or Rabby, or open this page in your phone
            wallet's browser. Wallets announce themselves to the page (EIP-6963), so they appear
            here on their own.
          </p>
        </div>
      )}
      {devWallet ? (
        <div className="dev-wallet-option">
          <button
            type="button"
            className="wallet-option dev"
            data-testid="connect-dev-wallet"
            disabled={connect.isPending || health.data?.chain.ok === false}
            onClick={() => connect.mutate({ connector: devWallet }, { onSuccess: onClose })}
          >
            {devWallet.icon ? <img src={devWallet.icon} alt="" width={28} height={28} /> : null}
            <span>{devWallet.name}</span>
          </button>
          <p className="hint">
            For development only: signs with the funded accounts of the local Hardhat node. No key
            is stored in this page.
          </p>
        </div>
      ) : null}
      {connect.isPending ? (
        <p role="status" aria-live="polite">
          Waiting for your wallet…
        </p>
      ) : null}
      {connect.error ? <ErrorNotice error={connect.error} /> : null}
    </Dialog>
  );
}
