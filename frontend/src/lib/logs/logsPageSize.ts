import { LOCAL_CHAIN_ID } from "../appConfig.ts";

/** Blocks per eth_getLogs page: public RPCs commonly cap ranges at 10,000 blocks; the local node has no cap. */
export function logsPageSize(chainId: number): bigint {
  return chainId === LOCAL_CHAIN_ID ? 100_000n : 10_000n;
}
