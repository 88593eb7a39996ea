import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "chai";
import { network } from "hardhat";
import {
  type Address,
  bytesToHex,
  createPublicClient,
  createWalletClient,
  custom,
  getAddress,
  hexToBytes,
} from "viem";
import { decryptEnvelope } from "#lib/crypto/envelope/decryptEnvelope.ts";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { createIpfsClient, type IpfsClient } from "#lib/ipfs/create-ipfs-client.ts";
import { cidFromBytes } from "#lib/ipfs/cid.ts";
import { exampleRecord } from "#lib/record/exampleRecord.ts";
import { burnRecord } from "#lib/records/burnRecord.ts";
import { deriveMemberKey } from "#lib/records/deriveMemberKey.ts";
import { grantRecordAccess } from "#lib/records/grantRecordAccess.ts";
import { listGrants } from "#lib/records/listGrants.ts";
import { mintRecord } from "#lib/records/mintRecord.ts";
import { publishStory } from "#lib/records/publishStory.ts";
import { decodePublicStory } from "#lib/records/publicStory.ts";
import { readRecord } from "#lib/records/readRecord.ts";
import { readRecordPointer } from "#lib/records/readRecordPointer.ts";
import { recordBinding } from "#lib/records/recordBinding.ts";
import type { RecordsClient } from "#lib/records/recordsClient.ts";
import { registerEncryptionKey } from "#lib/records/registerEncryptionKey.ts";
import { revokeRecordAccess } from "#lib/records/revokeRecordAccess.ts";
import { SCOPE_PRESENT, SCOPE_READ } from "#lib/records/scopes.ts";
import { readAll, streamFromAsyncIterable } from "#lib/records/streams.ts";
import { startIpfsNode, type RunningIpfsNode } from "../../ipfs-node/start-ipfs-node.ts";
import BioDentalNFTModule from "../../ignition/modules/BioDentalNFTModule.ts";

type Member = { address: Address; client: RecordsClient; keys: EncryptionKeyPair };

const ONE_DAY = 86_400n;

/** 1 MiB of non-repeating bytes: a photo-sized attachment spanning several envelope segments. */
function attachmentBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return readAll(stream);
}

describe("lib/records flows, end to end (in-process chain + embedded IPFS node)", function () {
  this.timeout(120_000);

  let ipfsNode: RunningIpfsNode;
  let ipfs: IpfsClient;
  let dataDir: string;
  let owner: Member;
  let reader: Member;
  let other: Member;
  let stranger: Member;
  let contract: Address;
  let increaseTime: (seconds: number) => Promise<unknown>;

  before(async () => {
    // A chain of its own (not the contract tests' shared one): these flows move time forward.
    const connection = await network.create();
    increaseTime = (seconds) => connection.networkHelpers.time.increase(seconds);
    const fromBlock = BigInt(
      (await connection.provider.request({ method: "eth_blockNumber" })) as string,
    );
    const { bioDental } = await connection.ignition.deploy(BioDentalNFTModule);
    contract = (await bioDental.getAddress()) as Address;

    dataDir = mkdtempSync(path.join(tmpdir(), "records-e2e-"));
    ipfsNode = await startIpfsNode({ apiPort: 0, gatewayPort: 0, dataDir, onError: () => {} });
    ipfs = createIpfsClient({ rpcUrl: ipfsNode.apiUrl, gatewayUrl: ipfsNode.gatewayUrl });

    const transport = custom(connection.provider);
    const publicClient = createPublicClient({ transport });
    const chainId = await publicClient.getChainId();
    const accounts = (await connection.provider.request({ method: "eth_accounts" })) as Address[];
    const member = async (index: number, register: boolean): Promise<Member> => {
      const address = getAddress(accounts[index]!);
      const client: RecordsClient = {
        publicClient,
        walletClient: createWalletClient({ transport, account: address }),
        contract,
        chainId,
        fromBlock,
        ipfs,
      };
      const keys = await deriveMemberKey(client);
      if (register) await registerEncryptionKey(client, { publicKey: keys.publicKey });
      return { address, client, keys };
    };
    owner = await member(1, true);
    reader = await member(2, true);
    other = await member(3, true);
    stranger = await member(4, false);
  });

  after(async () => {
    await ipfsNode?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe("when a member registers an encryption key", () => {
    it("stores the derived key on-chain and does not send a second transaction for the same key", async () => {
      const { readContract } = await import("viem/actions");
      const registered = await readContract(owner.client.publicClient, {
        address: contract,
        abi: bioDentalNftAbi,
        functionName: "encryptionKeyOf",
        args: [owner.address],
      });
      expect(registered).to.equal(bytesToHex(owner.keys.publicKey));
      const again = await registerEncryptionKey(owner.client, { publicKey: owner.keys.publicKey });
      expect(again).to.deep.equal({ status: "already registered", hash: undefined });
    });

    it("derives the same key from the same account every time (deterministic EIP-712 signature)", async () => {
      const again = await deriveMemberKey(owner.client);
      expect(bytesToHex(again.publicKey)).to.equal(bytesToHex(owner.keys.publicKey));
    });
  });

  describe("when the owner mints a record with an attachment", () => {
    let tokenId: bigint;
    let cid: string;
    const photo = attachmentBytes(1024 * 1024 + 17);
    const record = exampleRecord({ story: "Talai's first visit after the Oral Harmony Festival." });

    before(async () => {
      const stages = new Set<string>();
      const minted = await mintRecord(owner.client, {
        record,
        attachments: [{ name: "smile.jpg", mediaType: "image/jpeg", data: photo }],
        ownerPublicKey: owner.keys.publicKey,
        onProgress: (progress) => stages.add(progress.stage),
      });
      tokenId = minted.tokenId;
      cid = minted.cid;
      expect([...stages]).to.include.members(["encrypt-upload", "transaction"]);
    });

    it("mints the predicted token id, pointing at the pinned envelope (version 1)", async () => {
      expect(tokenId).to.equal(BigInt(owner.address) << 96n);
      const pointer = await readRecordPointer(owner.client, tokenId);
      expect(pointer).to.include({ cid, version: 1n, owner: owner.address });
      expect(await ipfs.isPinned(cid)).to.equal(true);
    });

    it("decrypts for the owner: the record and the attachment byte for byte", async () => {
      const opened = await readRecord(owner.client, {
        tokenId,
        reader: owner.address,
        privateKey: owner.keys.privateKey,
      });
      expect(opened.record.story).to.equal(record.story);
      expect(opened.record.teeth).to.deep.equal(record.teeth);
      expect(opened.record.attachments.map((a) => [a.name, a.size])).to.deep.equal([
        ["smile.jpg", photo.length],
      ]);
      expect(bytesToHex(await bytesOf(opened.readAttachment("smile.jpg")))).to.equal(
        bytesToHex(photo),
      );
    });

    it("stores nothing readable on IPFS: the pinned bytes contain neither the story nor the attachment", async () => {
      const pinned = await readAll(streamFromAsyncIterable(ipfs.cat(cid)));
      const text = new TextDecoder("latin1").decode(pinned);
      expect(text).not.to.contain("Oral Harmony Festival");
      expect(bytesToHex(pinned)).not.to.contain(bytesToHex(photo.subarray(4096, 4160)).slice(2));
    });

    it("refuses a reader without a grant (AccessDeniedError)", async () => {
      await expectRejection(
        readRecord(stranger.client, {
          tokenId,
          reader: stranger.address,
          privateKey: stranger.keys.privateKey,
        }),
        "AccessDeniedError",
      );
    });

    describe("and grants READ to a practitioner", () => {
      let expiresAt: bigint;

      before(async () => {
        const now = (await owner.client.publicClient.request({
          method: "eth_getBlockByNumber",
          params: ["latest", false],
        })) as { timestamp: `0x${string}` };
        expiresAt = BigInt(now.timestamp) + 7n * ONE_DAY;
        await grantRecordAccess(owner.client, {
          tokenId,
          grantee: reader.address,
          scopes: SCOPE_READ,
          expiresAt,
          ownerPrivateKey: owner.keys.privateKey,
        });
      });

      it("lets the grantee decrypt with the wrap delivered in the AccessGranted event", async () => {
        const opened = await readRecord(reader.client, {
          tokenId,
          reader: reader.address,
          privateKey: reader.keys.privateKey,
        });
        expect(opened.record.story).to.equal(record.story);
        expect(bytesToHex(await bytesOf(opened.readAttachment(0)))).to.equal(bytesToHex(photo));
      });

      it("lists the grant as active with READ", async () => {
        const { grants } = await listGrants(owner.client, { tokenId });
        expect(grants).to.have.length(1);
        expect(grants[0]).to.include({
          grantee: reader.address,
          scopes: SCOPE_READ,
          expiresAt,
          active: true,
          canRead: true,
        });
      });

      it("refuses READ for a grantee without a registered key (GranteeHasNoKeyError), but allows PRESENT only", async () => {
        await expectRejection(
          grantRecordAccess(owner.client, {
            tokenId,
            grantee: stranger.address,
            scopes: SCOPE_READ,
            expiresAt,
            ownerPrivateKey: owner.keys.privateKey,
          }),
          "GranteeHasNoKeyError",
        );
        const present = await grantRecordAccess(owner.client, {
          tokenId,
          grantee: stranger.address,
          scopes: SCOPE_PRESENT,
          expiresAt,
          ownerPrivateKey: owner.keys.privateKey,
        });
        expect(present.wrappedKey).to.equal(undefined);
        await expectRejection(
          readRecord(stranger.client, {
            tokenId,
            reader: stranger.address,
            privateKey: stranger.keys.privateKey,
          }),
          "AccessDeniedError",
        );
      });

      describe("and, with a second reader, revokes the first", () => {
        let revokedWrap: Uint8Array;
        let oldCid: string;
        let newCid: string;

        before(async () => {
          await grantRecordAccess(owner.client, {
            tokenId,
            grantee: other.address,
            scopes: SCOPE_READ,
            expiresAt,
            ownerPrivateKey: owner.keys.privateKey,
          });
          const { grants } = await listGrants(owner.client, { tokenId });
          revokedWrap = hexToBytes(
            grants.find((grant) => grant.grantee === reader.address)!.wrappedKey,
          );
          oldCid = (await readRecordPointer(owner.client, tokenId)).cid;
          const stages: string[] = [];
          const { reencrypted } = await revokeRecordAccess(owner.client, {
            tokenId,
            grantee: reader.address,
            ownerKeyPair: owner.keys,
            onProgress: (progress) => stages.push(progress.stage),
          });
          expect(reencrypted).to.not.equal(undefined);
          expect(reencrypted!.recipients).to.deep.equal([other.address]);
          expect(stages).to.include.members(["download", "encrypt-upload", "unpin"]);
          newCid = reencrypted!.cid;
        });

        it("points the token at a new version and unpins the old one", async () => {
          const pointer = await readRecordPointer(owner.client, tokenId);
          expect(pointer.version).to.equal(2n);
          expect(pointer.cid).to.equal(newCid).and.not.equal(oldCid);
          expect(await ipfs.isPinned(newCid)).to.equal(true);
          expect(await ipfs.isPinned(oldCid)).to.equal(false);
        });

        it("refuses the revoked grantee through the app path (AccessDeniedError)", async () => {
          await expectRejection(
            readRecord(reader.client, {
              tokenId,
              reader: reader.address,
              privateKey: reader.keys.privateKey,
            }),
            "AccessDeniedError",
          );
        });

        it("leaves the revoked grantee unable to decrypt the new version, even bypassing the access check", async () => {
          const binding = recordBinding(owner.client, { tokenId, version: 2n });
          const ciphertext = () => streamFromAsyncIterable(ipfs.cat(newCid));
          await expectRejection(
            decryptEnvelope({
              ciphertext: ciphertext(),
              binding,
              privateKey: reader.keys.privateKey,
            }),
            "NotARecipientError",
          );
          // The wrap it was given is for version 1's key and binding: useless on version 2.
          await expectRejection(
            decryptEnvelope({
              ciphertext: ciphertext(),
              binding,
              privateKey: reader.keys.privateKey,
              wrappedKey: revokedWrap,
            }),
            "WrongRecipientKeyError",
          );
        });

        it("still lets the remaining reader and the owner decrypt the new version, attachment included", async () => {
          for (const member of [other, owner]) {
            const opened = await readRecord(member.client, {
              tokenId,
              reader: member.address,
              privateKey: member.keys.privateKey,
            });
            expect(opened.version).to.equal(2n);
            expect(bytesToHex(await bytesOf(opened.readAttachment("smile.jpg")))).to.equal(
              bytesToHex(photo),
            );
          }
        });

        it("tells an expired grantee its grant expired (GrantExpiredError)", async () => {
          await increaseTime(Number(8n * ONE_DAY));
          await expectRejection(
            readRecord(other.client, {
              tokenId,
              reader: other.address,
              privateKey: other.keys.privateKey,
            }),
            "GrantExpiredError",
          );
          const { grants } = await listGrants(owner.client, { tokenId });
          expect(grants.find((grant) => grant.grantee === other.address)).to.include({
            active: false,
            canRead: false,
          });
        });
      });
    });

    describe("and publishes a public story with consent", () => {
      it("pins the story in clear and shows it through publicProfileOf", async () => {
        const { storyCid } = await publishStory(owner.client, {
          tokenId,
          title: "Emotional Echoes: a calmer smile",
          story: {
            title: "Emotional Echoes: a calmer smile",
            text: "The festival taught me to breathe before the chair.",
          },
        });
        const [title, cidBytes, consent] = await readProfile(owner.client, tokenId);
        expect(title).to.equal("Emotional Echoes: a calmer smile");
        expect(consent).to.equal(true);
        expect(cidFromBytes(cidBytes)).to.equal(storyCid);
        const story = decodePublicStory(await readAll(streamFromAsyncIterable(ipfs.cat(storyCid))));
        expect(story.text).to.equal("The festival taught me to breathe before the chair.");
      });
    });

    describe("and finally burns it", () => {
      it("erases the token and unpins every version of the payload still pinned", async () => {
        const before = await readRecordPointer(owner.client, tokenId);
        const { unpinned } = await burnRecord(owner.client, { tokenId });
        // Version 1 was unpinned by the revocation; only the current one was still pinned.
        expect(unpinned).to.deep.equal([before.cid]);
        expect(await ipfs.isPinned(before.cid)).to.equal(false);
        await expectRejection(readRecordPointer(owner.client, tokenId), "RecordNotFoundError");
      });
    });
  });
});

async function readProfile(client: RecordsClient, tokenId: bigint) {
  const { readContract } = await import("viem/actions");
  return readContract(client.publicClient, {
    address: client.contract,
    abi: bioDentalNftAbi,
    functionName: "publicProfileOf",
    args: [tokenId],
  });
}

async function expectRejection(promise: Promise<unknown>, name: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).name, (error as Error).message).to.equal(name);
    return;
  }
  expect.fail(`expected ${name}, but it resolved`);
}
