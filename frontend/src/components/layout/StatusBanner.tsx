import type { ReactElement } from "react";
import { useConnection, useSwitchChain } from "wagmi";
import { targetChain } from "../../lib/chains.ts";
import { useDeploymentStatus } from "../../hooks/useDeploymentStatus.ts";
import { useStackHealth } from "../../hooks/useStackHealth.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";

/**
 * One place for "the app cannot fully work right now": chain or IPFS node down, no contract, wrong
 * network in the wallet (with the switch). Quiet when all is well.
 */
export function StatusBanner() {
  const health = useStackHealth();
  const status = useDeploymentStatus();
  const connection = useConnection();
  const switchChain = useSwitchChain();
  const notices: { id: string; title: string; body: string; action?: ReactElement }[] = [];

  if (status.state === "chain-down") {
    notices.push({
      id: "chain-down",
      title: "Blockchain node unreachable",
      body: "Records, grants and the gallery need the chain. If you run the local stack, start it with `npm start`; this page checks again on its own.",
    });
  } else if (status.state === "wrong-node") {
    notices.push({
      id: "wrong-node",
      title: "Unexpected network",
      body: `The node answers for chain ${status.nodeChainId}, but this app is built for ${targetChain.name} (${targetChain.id}).`,
    });
  } else if (status.state === "no-deployment") {
    notices.push({
      id: "no-deployment",
      title: "No contract for this network",
      body: `The app has no Bio-Dental deployment for ${targetChain.name}. Run \`npm start\`, which deploys it and regenerates the bindings.`,
    });
  } else if (status.state === "no-code") {
    notices.push({
      id: "no-code",
      title: "Contract not deployed on this node",
      body: "The chain was restarted without the contract. Restart `npm start` so it deploys again.",
    });
  }
  if (health.data && !health.data.ipfs.ok) {
    notices.push({
      id: "ipfs-down",
      title: "IPFS node unreachable",
      body: "Encrypted records and stories cannot be stored or fetched until the IPFS node is back (`npm start` or `npm run ipfs`).",
    });
  }
  if (connection.status === "connected" && connection.chainId !== targetChain.id) {
    notices.push({
      id: "wrong-chain",
      title: "Your wallet is on another network",
      body: `Switch to ${targetChain.name} to manage your records.`,
      action: (
        <button
          type="button"
          className="button small"
          data-testid="switch-chain"
          disabled={switchChain.isPending}
          onClick={() => switchChain.mutate({ chainId: targetChain.id })}
        >
          {switchChain.isPending ? "Switching…" : `Switch to ${targetChain.name}`}
        </button>
      ),
    });
  }

  return (
    <div className="status-banner" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice notice-warn" data-testid={`status-${notice.id}`}>
          <p className="notice-title">{notice.title}</p>
          <p>{notice.body}</p>
          {notice.action}
        </div>
      ))}
      {switchChain.error ? (
        <ErrorNotice error={switchChain.error} onDismiss={() => switchChain.reset()} />
      ) : null}
    </div>
  );
}
