import { BaseError } from "#lib/errors/base.ts";

/** No BioDentalNFT deployment is known for this chain (not in lib/generated/bioDentalNft.ts). */
export class DeploymentNotFoundError extends BaseError {
  override name = "DeploymentNotFoundError";
  readonly chainId: number;
  constructor({ chainId, knownChainIds }: { chainId: number; knownChainIds: number[] }) {
    super(`BioDentalNFT is not deployed on chain ${chainId}.`, {
      metaMessages: [
        knownChainIds.length
          ? `Known chains: ${knownChainIds.join(", ")}.`
          : "No deployment is known yet.",
        "Deploy with Ignition, then run `npm run generate` (`npm start` does both on the local chain).",
      ],
    });
    this.chainId = chainId;
  }
}

/** The JSON-RPC endpoint did not answer (node down, wrong URL, port closed). */
export class ChainUnreachableError extends BaseError {
  override name = "ChainUnreachableError";
  readonly rpcUrl: string;
  constructor({ rpcUrl, cause }: { rpcUrl: string; cause?: unknown }) {
    super(`The chain's JSON-RPC endpoint at ${rpcUrl} does not answer.`, {
      cause,
      metaMessages: ["Is the node running? Locally, `npm start` starts one on 127.0.0.1:8545."],
    });
    this.rpcUrl = rpcUrl;
  }
}

/** Paging shrank the block range to its minimum and the RPC still refused `eth_getLogs`. */
export class EventHistoryError extends BaseError {
  override name = "EventHistoryError";
  constructor({
    fromBlock,
    toBlock,
    cause,
  }: {
    fromBlock: bigint;
    toBlock: bigint;
    cause: unknown;
  }) {
    super(`Could not read event logs for blocks ${fromBlock}–${toBlock}.`, { cause });
  }
}
