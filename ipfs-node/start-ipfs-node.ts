import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiHandler } from "./api/create-api-handler.ts";
import { resolveIpfsNodeConfig, type IpfsNodeOptions } from "./config.ts";
import { createGatewayHandler } from "./gateway/create-gateway-handler.ts";
import { createNodeCore } from "./node/create-node.ts";

export type { IpfsNodeOptions } from "./config.ts";

export type RunningIpfsNode = {
  /** Base URL for kubo-rpc-client, e.g. `http://127.0.0.1:5001`. */
  apiUrl: string;
  /** Base URL of the read-only gateway, e.g. `http://127.0.0.1:8080`. */
  gatewayUrl: string;
  dataDir: string;
  /** Closes both servers (in-flight requests are cut) and closes the stores. */
  stop(): Promise<void>;
};

export class PortInUseError extends Error {
  override name = "PortInUseError";
}

/**
 * Starts the embedded IPFS node: offline Helia on disk behind the Kubo RPC subset and a
 * read-only gateway. Pass port 0 for ephemeral ports (tests).
 *
 * @example
 * const node = await startIpfsNode({ apiPort: 0, gatewayPort: 0, dataDir: tmp })
 * const ipfs = create({ url: node.apiUrl })
 * await node.stop()
 */
export async function startIpfsNode(options: IpfsNodeOptions = {}): Promise<RunningIpfsNode> {
  const config = resolveIpfsNodeConfig(options);
  const core = await createNodeCore(config.dataDir);
  const api = createServer(
    createApiHandler({
      core,
      maxUploadBytes: config.maxUploadBytes,
      allowedOrigins: config.corsOrigins,
      apiToken: config.apiToken,
      onError: config.onError,
    }),
  );
  const gateway = createServer(
    createGatewayHandler({ core, allowedOrigins: config.corsOrigins, onError: config.onError }),
  );
  for (const server of [api, gateway]) {
    // Uploads of hundreds of MiB must not hit Node's default 5-minute request timeout mid-way.
    server.requestTimeout = 0;
    server.keepAliveTimeout = 5_000;
  }
  try {
    await listen(api, config.apiPort, config.host, "API");
    await listen(gateway, config.gatewayPort, config.host, "gateway");
  } catch (error) {
    await closeServer(api);
    await closeServer(gateway);
    await core.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    apiUrl: urlOf(api, config.host),
    gatewayUrl: urlOf(gateway, config.host),
    dataDir: config.dataDir,
    stop() {
      stopping ??= (async () => {
        await Promise.all([closeServer(api), closeServer(gateway)]);
        await core.flush();
        await core.stop();
      })();
      return stopping;
    },
  };
}

function listen(server: Server, port: number, host: string, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new PortInUseError(
            `the ${label} port ${host}:${port} is already in use (is another node running?)`,
            { cause: error },
          ),
        );
      } else {
        reject(error);
      }
    };
    const onListening = (): void => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${shownHost}:${port}`;
}
