import { useMemo } from "react";
import { useClient, useConnection, useConnectorClient } from "wagmi";
import type { RecordsClient } from "#lib/records/recordsClient.ts";
import { targetChain } from "../lib/chains.ts";
import { ipfsClient } from "../lib/ipfsClient.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

/**
 * The shared library's `RecordsClient` over wagmi: the bare public client (reads batch into one
 * deployless multicall) and, when a wallet is connected on the right chain, its connector client
 * for signatures and transactions. Undefined until the contract answers.
 */
export function useRecordsClient(): RecordsClient | undefined {
  const status = useDeploymentStatus();
  const publicClient = useClient({ chainId: targetChain.id });
  const connection = useConnection();
  const onChain = connection.status === "connected" && connection.chainId === targetChain.id;
  const walletClient = useConnectorClient({ chainId: targetChain.id, query: { enabled: onChain } });
  const deployment = status.state === "ready" ? status.deployment : undefined;
  return useMemo(() => {
    if (!deployment || !publicClient) return undefined;
    return {
      publicClient,
      walletClient: onChain ? walletClient.data : undefined,
      contract: deployment.address,
      chainId: deployment.chainId,
      fromBlock: deployment.deploymentBlock,
      ipfs: ipfsClient,
    };
  }, [deployment, publicClient, onChain, walletClient.data]);
}
