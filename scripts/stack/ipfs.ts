import { PortInUseError, startIpfsNode } from "../../ipfs-node/start-ipfs-node.ts";
import { tuneHeapForStreaming } from "../../ipfs-node/tune-heap-for-streaming.ts";
import { PortBusyError } from "./errors.ts";
import { isPortFree } from "./ports.ts";
import { probeHttp, probeIpfsApi } from "./probes.ts";

export type EnsureIpfsNodeParameters = {
  host: string;
  apiPort: number;
  gatewayPort: number;
  dataDir: string;
  /** Browser origins allowed by CORS: the app's. */
  corsOrigins: string[];
  /** Reuse an IPFS node already answering on both ports. Default true. */
  reuse?: boolean | undefined;
};

export type EnsureIpfsNodeReturnType = {
  apiUrl: string;
  gatewayUrl: string;
  /** Undefined when an already-running node was reused. */
  stop: (() => Promise<void>) | undefined;
};

/**
 * Starts the embedded IPFS node in this process (no child to lose), or reuses one already
 * answering the Kubo RPC API on the same ports (e.g. `npm run ipfs` in another terminal).
 *
 * @throws {PortBusyError} naming the API or gateway port, when something else holds it.
 */
export async function ensureIpfsNode(
  parameters: EnsureIpfsNodeParameters,
): Promise<EnsureIpfsNodeReturnType> {
  const { host, apiPort, gatewayPort, dataDir, corsOrigins } = parameters;
  const apiUrl = `http://${host}:${apiPort}`;
  const gatewayUrl = `http://${host}:${gatewayPort}`;
  const apiFree = await isPortFree(host, apiPort);
  const gatewayFree = await isPortFree(host, gatewayPort);
  if (!apiFree || !gatewayFree) {
    if ((parameters.reuse ?? true) && !apiFree && !gatewayFree) {
      const [api, gateway] = await Promise.all([
        probeIpfsApi(apiUrl, 5_000),
        probeHttp(`${gatewayUrl}/ipfs/`, { expectStatus: [400, 404], timeoutMs: 5_000 }),
      ]);
      if (api.ok && gateway.ok) return { apiUrl, gatewayUrl, stop: undefined };
    }
    if (!apiFree)
      throw new PortBusyError({
        service: "IPFS RPC API",
        host,
        port: apiPort,
        option: "--ipfs-api-port",
      });
    throw new PortBusyError({
      service: "IPFS gateway",
      host,
      port: gatewayPort,
      option: "--ipfs-gateway-port",
    });
  }
  try {
    tuneHeapForStreaming();
    const node = await startIpfsNode({ host, apiPort, gatewayPort, dataDir, corsOrigins });
    return { apiUrl: node.apiUrl, gatewayUrl: node.gatewayUrl, stop: () => node.stop() };
  } catch (error) {
    // Lost a race for the port between the check and the bind.
    if (error instanceof PortInUseError) {
      const port = error.message.includes("gateway") ? gatewayPort : apiPort;
      throw new PortBusyError({
        service: port === apiPort ? "IPFS RPC API" : "IPFS gateway",
        host,
        port,
        option: port === apiPort ? "--ipfs-api-port" : "--ipfs-gateway-port",
      });
    }
    throw error;
  }
}
