import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContractEventArgs, ContractEventName, GetContractEventsReturnType } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { useClient } from "wagmi";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { targetChain } from "../lib/chains.ts";
import { type LogWindow, fetchLogsIncrementally } from "../lib/logs/fetchLogsIncrementally.ts";
import { logsPageSize } from "../lib/logs/logsPageSize.ts";
import { queryKeys } from "../lib/queryKeys.ts";
import { useDeploymentStatus } from "./useDeploymentStatus.ts";

type Abi = typeof bioDentalNftAbi;

export type EventLog<N extends ContractEventName<Abi>> = GetContractEventsReturnType<
  Abi,
  N,
  true
>[number];

export type UseEventHistoryParameters<N extends ContractEventName<Abi>> = {
  eventName: N;
  /** Indexed-argument filter (arrays mean "any of"), applied by the node. */
  args?: ContractEventArgs<Abi, N> | undefined;
  enabled?: boolean | undefined;
};

/**
 * The history of one event of the contract, filtered by indexed arguments, read from the
 * deployment block in pages and cached in TanStack Query. A refetch (e.g. after a receipt
 * invalidates `["chain"]`) only asks for the blocks mined since the cached window.
 *
 * @example
 * const history = useEventHistory({ eventName: "RecordUpdated", args: { tokenId } })
 */
export function useEventHistory<const N extends ContractEventName<Abi>>({
  eventName,
  args,
  enabled = true,
}: UseEventHistoryParameters<N>) {
  const status = useDeploymentStatus();
  // The bare client with tree-shaken actions: a decorated public client drags every action (and secp256k1) into the page.
  const client = useClient({ chainId: targetChain.id });
  const queryClient = useQueryClient();
  const deployment = status.state === "ready" ? status.deployment : undefined;
  const queryKey = queryKeys.eventHistory(
    targetChain.id,
    deployment?.address ?? "",
    eventName,
    args as Record<string, unknown> | undefined,
  );

  return useQuery({
    queryKey,
    enabled: enabled && Boolean(deployment) && Boolean(client),
    structuralSharing: false,
    queryFn: async (): Promise<LogWindow<EventLog<N>>> => {
      if (!deployment || !client)
        throw new Error("unreachable: the query is disabled without a deployment");
      const previous = queryClient.getQueryData<LogWindow<EventLog<N>>>(queryKey);
      const latestBlock = await getBlockNumber(client, { cacheTime: 0 });
      return fetchLogsIncrementally({
        previous,
        fromBlock: deployment.deploymentBlock,
        latestBlock,
        pageSize: logsPageSize(targetChain.id),
        fetchRange: ({ fromBlock, toBlock }) =>
          getContractEvents(client, {
            address: deployment.address,
            abi: bioDentalNftAbi,
            eventName,
            args,
            fromBlock,
            toBlock,
            strict: true,
          }) as Promise<EventLog<N>[]>,
      });
    },
  });
}
