import { expect } from "chai";
import { network } from "hardhat";
import {
  type Address,
  type EIP1193RequestFn,
  createPublicClient,
  createWalletClient,
  custom,
  getAddress,
  keccak256,
  toHex,
} from "viem";
import { getEventHistory } from "#lib/chain/getEventHistory.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import BioDentalNFTModule from "../../ignition/modules/BioDentalNFTModule.ts";

/** A binary CIDv1 (raw, sha2-256) of some bytes: what `mint` accepts. */
function cidOf(seed: string): `0x${string}` {
  return `0x01551220${keccak256(toHex(seed)).slice(2)}`;
}

describe("lib/chain getEventHistory (paged event history)", function () {
  this.timeout(120_000);

  let provider: { request: EIP1193RequestFn };
  let contract: Address;
  let fromBlock: bigint;
  const minters: Address[] = [];

  before(async () => {
    const connection = await network.create();
    provider = connection.provider as unknown as { request: EIP1193RequestFn };
    const { bioDental } = await connection.ignition.deploy(BioDentalNFTModule);
    contract = getAddress(await bioDental.getAddress());
    const client = createPublicClient({ transport: custom(provider) });
    fromBlock = await client.getBlockNumber();
    const accounts = (await provider.request({ method: "eth_accounts" })) as Address[];
    // Twelve mints, one block each, from three accounts.
    for (let i = 0; i < 12; i++) {
      const account = getAddress(accounts[1 + (i % 3)]!);
      minters.push(account);
      const wallet = createWalletClient({ transport: custom(provider), account });
      const hash = await wallet.writeContract({
        address: contract,
        abi: bioDentalNftAbi,
        functionName: "mint",
        args: [cidOf(`record ${i}`)],
        chain: null,
      });
      await client.waitForTransactionReceipt({ hash });
    }
  });

  it("reads every event from the given block in pages, in order, and says how far it read", async () => {
    const client = createPublicClient({ transport: custom(provider) });
    const pages: { fromBlock: bigint; toBlock: bigint }[] = [];
    const { logs, toBlock } = await getEventHistory({
      client,
      address: contract,
      abi: bioDentalNftAbi,
      eventName: "RecordUpdated",
      fromBlock,
      pageSize: 5n,
      onPage: (page) => pages.push(page),
    });
    expect(logs.map((log) => log.args.cid)).to.deep.equal(
      minters.map((_, i) => cidOf(`record ${i}`)),
    );
    expect(toBlock).to.equal(await client.getBlockNumber());
    expect(pages.length).to.be.greaterThan(2);
    for (const page of pages) expect(page.toBlock - page.fromBlock).to.be.lessThan(5n);
  });

  it("filters by indexed arguments on the node", async () => {
    const client = createPublicClient({ transport: custom(provider) });
    const owner = minters[0]!;
    const { logs } = await getEventHistory({
      client,
      address: contract,
      abi: bioDentalNftAbi,
      eventName: "RecordUpdated",
      args: { tokenId: BigInt(owner) << 96n },
      fromBlock,
    });
    expect(logs).to.have.length(1);
    expect(logs[0]!.args.cid).to.equal(cidOf("record 0"));
  });

  it("halves the page while a provider refuses the range as too large", async () => {
    const limit = 3n;
    const refusing: EIP1193RequestFn = (async (args: { method: string; params?: unknown }) => {
      if (args.method === "eth_getLogs") {
        const [filter] = args.params as [{ fromBlock: `0x${string}`; toBlock: `0x${string}` }];
        if (BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n > limit) {
          throw Object.assign(new Error("query exceeds max block range 3"), { code: -32005 });
        }
      }
      return provider.request(args as never);
    }) as EIP1193RequestFn;
    const client = createPublicClient({
      transport: custom({ request: refusing }, { retryCount: 0 }),
    });
    const pages: bigint[] = [];
    const { logs } = await getEventHistory({
      client,
      address: contract,
      abi: bioDentalNftAbi,
      eventName: "RecordUpdated",
      fromBlock,
      pageSize: 64n,
      onPage: (page) => pages.push(page.toBlock - page.fromBlock + 1n),
    });
    expect(logs).to.have.length(12);
    for (const size of pages) expect(size <= limit).to.equal(true);
  });

  it("gives up with EventHistoryError when even the smallest page is refused", async () => {
    const broken: EIP1193RequestFn = (async (args: { method: string }) => {
      if (args.method === "eth_getLogs")
        throw Object.assign(new Error("logs disabled"), { code: -32000 });
      return provider.request(args as never);
    }) as EIP1193RequestFn;
    const client = createPublicClient({
      transport: custom({ request: broken }, { retryCount: 0 }),
    });
    try {
      await getEventHistory({
        client,
        address: contract,
        abi: bioDentalNftAbi,
        eventName: "RecordUpdated",
        fromBlock,
      });
      expect.fail("expected EventHistoryError");
    } catch (error) {
      expect((error as Error).name).to.equal("EventHistoryError");
    }
  });
});
