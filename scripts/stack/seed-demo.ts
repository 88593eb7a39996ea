import { type Address, createWalletClient, http } from "viem";
import { readContract } from "viem/actions";
import { createLocalChain } from "#lib/chain/localChain.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { createRecordsClient } from "#lib/records/createRecordsClient.ts";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { grantRecordAccess } from "#lib/records/grantRecordAccess.ts";
import { mintRecord } from "#lib/records/mintRecord.ts";
import { publishRecordVersion } from "#lib/records/publishRecordVersion.ts";
import { publishStory } from "#lib/records/publishStory.ts";
import type { RecordsClient } from "#lib/records/recordsClient.ts";
import { registerEncryptionKey } from "#lib/records/registerEncryptionKey.ts";
import { type StepReporter, createStepReporter } from "./progress.ts";
import { PRACTITIONER_INDEX, SEED_MEMBERS, type SeedAttachment } from "./seed-data.ts";

export type SeedDemoParameters = {
  rpcUrl: string;
  chainId: number;
  contract: Address;
  /** The deployment block. */
  fromBlock?: bigint | undefined;
  ipfsApiUrl: string;
  progress?: StepReporter | undefined;
};

export type SeedDemoReturnType = {
  members: {
    name: string;
    address: Address;
    status: "seeded" | "already seeded";
    tokenIds: bigint[];
  }[];
  practitioner: Address;
};

/**
 * Creates the demo cast's keys, encrypted records (pinned, minted), a grant to the practitioner
 * and the "Emotional Echoes" stories, through the same lib/records flows the app uses. A member
 * who already owns a token is left as is, so seeding twice changes nothing.
 *
 * @example
 * await seedDemo({ rpcUrl, chainId: 31337, contract, ipfsApiUrl: "http://127.0.0.1:5001" })
 */
export async function seedDemo(parameters: SeedDemoParameters): Promise<SeedDemoReturnType> {
  const progress = parameters.progress ?? createStepReporter({ quiet: true });
  const chain = createLocalChain({ rpcUrl: parameters.rpcUrl });
  const accounts = await createWalletClient({
    chain,
    transport: http(parameters.rpcUrl),
  }).getAddresses();
  const clientFor = (index: number): RecordsClient => {
    const account = accounts[index];
    if (!account)
      throw new Error(
        `the node has no account #${index}: seeding needs Hardhat's default accounts`,
      );
    return createRecordsClient({
      rpcUrl: parameters.rpcUrl,
      chain: { ...chain, id: parameters.chainId },
      contract: parameters.contract,
      fromBlock: parameters.fromBlock ?? 0n,
      ipfsApiUrl: parameters.ipfsApiUrl,
      account,
    });
  };

  const practitioner = clientFor(PRACTITIONER_INDEX);
  await progress.step(
    "Seed: Dr. Liora Voss registers her encryption key",
    async () => {
      const keys = await deriveMemberKey(practitioner);
      return registerEncryptionKey(practitioner, { publicKey: keys.publicKey });
    },
    (result) => result.status,
  );

  const members: SeedDemoReturnType["members"] = [];
  for (const member of SEED_MEMBERS) {
    const client = clientFor(member.index);
    const address = client.walletClient!.account.address;
    const owned = await readContract(client.publicClient, {
      address: client.contract,
      abi: bioDentalNftAbi,
      functionName: "balanceOf",
      args: [address],
    });
    if (owned > 0n) {
      members.push({ name: member.name, address, status: "already seeded", tokenIds: [] });
      progress.info(`  ✔ Seed: ${member.name} already has records, left as is`);
      continue;
    }
    const tokenIds = await progress.step(
      `Seed: ${member.name}'s key, records, grants and story`,
      async (note) => {
        const keys = await deriveMemberKey(client);
        await registerEncryptionKey(client, { publicKey: keys.publicKey });
        const ids: bigint[] = [];
        for (const seed of member.records) {
          note("encrypting and minting");
          const { tokenId } = await mintRecord(client, {
            record: seed.record,
            attachments: toSources(seed.attachments),
            ownerPublicKey: keys.publicKey,
          });
          ids.push(tokenId);
          if (seed.grant) {
            note("granting Dr. Liora Voss access");
            const block = await client.publicClient.request({
              method: "eth_getBlockByNumber",
              params: ["latest", false],
            });
            const expiresAt = BigInt(block!.timestamp) + BigInt(seed.grant.days * 86_400);
            await grantRecordAccess(client, {
              tokenId,
              grantee: practitioner.walletClient!.account.address,
              scopes: seed.grant.scopes,
              expiresAt,
              ownerPrivateKey: keys.privateKey,
            });
          }
          for (const update of seed.updates ?? []) {
            note("adding a follow-up version");
            await publishRecordVersion(client, {
              tokenId,
              ownerKeyPair: keys,
              content: { record: update.record, attachments: toSources(update.attachments) },
            });
          }
          if (seed.story) {
            note("publishing the Emotional Echoes story");
            await publishStory(client, {
              tokenId,
              title: seed.story.title,
              story: { title: seed.story.title, text: seed.story.text, mood: seed.story.mood },
              consent: seed.story.consent,
            });
          }
        }
        return ids;
      },
      (ids) => `${ids.length} record${ids.length === 1 ? "" : "s"}`,
    );
    members.push({ name: member.name, address, status: "seeded", tokenIds });
  }
  return { members, practitioner: practitioner.walletClient!.account.address };
}

function toSources(attachments: SeedAttachment[]) {
  return attachments.map((attachment) => ({
    name: attachment.name,
    mediaType: attachment.mediaType,
    data: new TextEncoder().encode(attachment.text),
  }));
}
