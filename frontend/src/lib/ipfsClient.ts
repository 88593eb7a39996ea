import { createIpfsClient } from "#lib/ipfs/create-ipfs-client.ts";
import { appConfig } from "./appConfig.ts";

/**
 * The app's IPFS client (kubo-rpc-client underneath). Imported only by the pages that store or
 * fetch records, so its weight stays out of the landing page.
 */
export const ipfsClient = createIpfsClient({
  rpcUrl: appConfig.ipfsApiUrl,
  authToken: appConfig.ipfsApiToken,
  gatewayUrl: appConfig.ipfsGatewayUrl,
});
