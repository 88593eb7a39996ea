import { appConfig } from "../appConfig.ts";
import { createDevWalletProvider } from "./createDevWalletProvider.ts";

/** The one dev wallet of this page: the connector and the account picker share it. */
export const devWalletProvider = createDevWalletProvider({
  rpcUrl: appConfig.rpcUrl,
  chainId: appConfig.chainId,
  storage: typeof localStorage === "undefined" ? undefined : localStorage,
});
