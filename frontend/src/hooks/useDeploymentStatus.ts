import { useBytecode } from "wagmi";
import { type Deployment, deployment } from "../lib/deployment.ts";
import { targetChain } from "../lib/chains.ts";
import { useStackHealth } from "./useStackHealth.ts";

export type DeploymentStatus =
  | { state: "checking"; deployment: Deployment | undefined }
  | { state: "ready"; deployment: Deployment }
  | { state: "chain-down"; deployment: Deployment | undefined; error?: string | undefined }
  | { state: "wrong-node"; deployment: Deployment | undefined; nodeChainId: number }
  | { state: "no-deployment"; deployment: undefined }
  | { state: "no-code"; deployment: Deployment };

/**
 * Whether the app can talk to its contract: the node answers, is the configured chain, and has
 * code at the generated address (a restarted local chain without a redeploy has none). Every
 * chain query in the app is enabled only when this says `ready`.
 */
export function useDeploymentStatus(): DeploymentStatus {
  const health = useStackHealth();
  const chainOk = health.data?.chain.ok === true;
  const nodeChainId = health.data?.chain.chainId;
  const sameChain = nodeChainId === undefined || nodeChainId === targetChain.id;
  const code = useBytecode({
    address: deployment?.address,
    chainId: targetChain.id,
    query: { enabled: Boolean(deployment) && chainOk && sameChain, staleTime: 30_000 },
  });
  if (!deployment) return { state: "no-deployment", deployment: undefined };
  if (!health.data) return { state: "checking", deployment };
  if (!chainOk) return { state: "chain-down", deployment, error: health.data.chain.error };
  if (!sameChain && nodeChainId !== undefined)
    return { state: "wrong-node", deployment, nodeChainId };
  if (code.isPending) return { state: "checking", deployment };
  if (code.isError) return { state: "chain-down", deployment, error: code.error.message };
  if (!code.data || code.data === "0x") return { state: "no-code", deployment };
  return { state: "ready", deployment };
}
