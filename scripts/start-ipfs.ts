/**
 * `npm run ipfs`: the embedded IPFS node (Kubo RPC subset + read-only gateway) on this machine.
 * Configured by IPFS_API_PORT, IPFS_GATEWAY_PORT, IPFS_DATA_DIR, IPFS_HOST, IPFS_CORS_ORIGINS,
 * IPFS_MAX_UPLOAD_BYTES and IPFS_API_TOKEN.
 */
import { IpfsNodeConfigError } from "../ipfs-node/config.ts";
import { PortInUseError, startIpfsNode } from "../ipfs-node/start-ipfs-node.ts";
import { tuneHeapForStreaming } from "../ipfs-node/tune-heap-for-streaming.ts";

tuneHeapForStreaming();
try {
  const node = await startIpfsNode();
  console.log(`IPFS RPC API:  ${node.apiUrl}/api/v0`);
  console.log(`IPFS gateway:  ${node.gatewayUrl}/ipfs/<cid>`);
  console.log(`Data folder:   ${node.dataDir}`);
  console.log("Press Ctrl+C to stop.");
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the IPFS node…`);
    node.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("error while stopping:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof PortInUseError || error instanceof IpfsNodeConfigError) {
    console.error(`Cannot start the IPFS node: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
