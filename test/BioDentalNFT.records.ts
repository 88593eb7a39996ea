import { expect } from "chai";
import {
  deployFixture,
  ethers,
  loadFixture,
  mintedFixture,
  ONE_DAY,
  READ_AND_PRESENT,
  time,
  timestampOf,
  tokenIdOf,
  WRAPPED_KEY,
} from "./fixtures/bioDental.ts";
import {
  cidV0,
  cidV1,
  DAG_CBOR,
  DAG_JSON,
  DAG_PB,
  digestOf,
  IDENTITY,
  joinHex,
  RAW,
} from "./fixtures/cids.ts";

const DIGEST = digestOf("a record");

/** Well-formed CIDs of every shape the contract stores: v0, one-byte and two-byte v1 codecs. */
const VALID_CIDS: [string, string][] = [
  ["a CIDv0", cidV0("v0 record")],
  ["a CIDv1 raw (0x55)", cidV1("raw record", RAW)],
  ["a CIDv1 dag-pb (0x70)", cidV1("dag-pb record", DAG_PB)],
  ["a CIDv1 dag-cbor (0x71)", cidV1("dag-cbor record", DAG_CBOR)],
  ["a CIDv1 dag-json (0x0129, a two-byte varint)", cidV1("dag-json record", DAG_JSON)],
  [
    "a CIDv1 with the identity codec (0x00), distinct from CIDv0",
    cidV1("identity-codec record", IDENTITY),
  ],
  ["a CIDv1 with the largest one-byte codec (0x7f)", cidV1("codec 0x7f", 0x7f)],
  ["a CIDv1 with the smallest two-byte codec (0x80)", cidV1("codec 0x80", 0x80)],
  ["a CIDv1 with the largest two-byte codec (0x3fff)", cidV1("codec 0x3fff", 0x3fff)],
];

/** Malformed CIDs, each wrong in exactly one way. */
const MALFORMED_CIDS: [string, string][] = [
  ["empty bytes", "0x"],
  ["a lone version byte", "0x01"],
  ["a bare digest (32 bytes, no multihash prefix)", joinHex(DIGEST)],
  ["a CIDv0 with a wrong multihash code (sha2-512's 0x13)", joinHex("1320", DIGEST)],
  ["a CIDv0 whose length byte is not sha2-256's (0x1f)", joinHex("121f", DIGEST)],
  ["a CIDv0 whose length byte is not sha2-256's (0x21)", joinHex("1221", DIGEST)],
  ["a CIDv0 truncated by one byte", joinHex("1220", DIGEST.slice(0, 31))],
  ["a CIDv0 with a trailing byte", joinHex("1220", DIGEST, [0x00])],
  [
    "a CIDv1 raw with a wrong multihash code (blake2b-256's 0xb220 prefix bytes)",
    joinHex("0155b220", DIGEST),
  ],
  ["a CIDv1 raw with a sha2-512 code", joinHex("01551320", DIGEST)],
  ["a CIDv1 raw whose length byte is not sha2-256's", joinHex("01551221", DIGEST)],
  ["a CIDv1 raw truncated by one byte", joinHex("01551220", DIGEST.slice(0, 31))],
  ["a CIDv1 raw with a trailing byte", joinHex("01551220", DIGEST, [0xff])],
  ["a CIDv1 dag-json truncated by one byte", joinHex("01a9021220", DIGEST.slice(0, 31))],
  ["a CIDv1 dag-json with a trailing byte", joinHex("01a9021220", DIGEST, [0x00])],
  ["a CIDv1 dag-json with a wrong multihash code", joinHex("01a9021320", DIGEST)],
  [
    "a CIDv1 with a non-minimal two-byte varint (0x80 0x00 for codec 0)",
    joinHex("0180001220", DIGEST),
  ],
  ["a CIDv1 with a non-minimal two-byte varint (0xd5 0x00 for raw)", joinHex("01d5001220", DIGEST)],
  ["a CIDv1 with a three-byte varint codec (0x80 0x80 0x01)", joinHex("018080011220", DIGEST)],
  [
    "a CIDv1 whose second codec byte sets the continuation bit (0x81 0x81)",
    joinHex("0181811220", DIGEST),
  ],
  ["a CIDv2", joinHex("02551220", DIGEST)],
  [
    "a CIDv0-length blob starting with the v1 version byte",
    joinHex("01551220", DIGEST.slice(0, 30)),
  ],
  ["a CIDv1 whose version byte is 0x00", joinHex("00551220", DIGEST)],
  [
    "a base32 CID string's bytes instead of the binary CID",
    ethers.hexlify(ethers.toUtf8Bytes("bafkreiabcdefghijklmnopqrstuvwx")),
  ],
];

describe("BioDentalNFT records", () => {
  describe("mint", () => {
    describe("when the record CID is well formed", () => {
      for (const [label, cid] of VALID_CIDS) {
        it(`round-trips ${label} exactly through recordOf and RecordUpdated`, async () => {
          const { bioDental, alice } = await loadFixture(deployFixture);
          const tokenId = tokenIdOf(alice.address, 0);
          await expect(bioDental.connect(alice).mint(cid))
            .to.emit(bioDental, "RecordUpdated")
            .withArgs(tokenId, 1n, cid);
          const [storedCid, version] = await bioDental.recordOf(tokenId);
          expect(storedCid).to.equal(cid);
          expect(version).to.equal(1n);
        });
      }
    });

    describe("when Alice mints her first token", () => {
      it("gives it the id nextTokenIdOf predicted: uint160(owner) << 96 | 0", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        const predicted = await bioDental.nextTokenIdOf(alice.address);
        expect(predicted).to.equal(tokenIdOf(alice.address, 0));
        const minted = await bioDental.connect(alice).mint.staticCall(cidV1("r", RAW));
        expect(minted).to.equal(predicted);
        await expect(bioDental.connect(alice).mint(cidV1("r", RAW)))
          .to.emit(bioDental, "Transfer")
          .withArgs(ethers.ZeroAddress, alice.address, predicted);
        expect(await bioDental.ownerOf(predicted)).to.equal(alice.address);
      });

      it("emits Transfer from zero, Locked and RecordUpdated version 1", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        const tokenId = tokenIdOf(alice.address, 0);
        const cid = cidV0("first");
        await expect(bioDental.connect(alice).mint(cid))
          .to.emit(bioDental, "Transfer")
          .withArgs(ethers.ZeroAddress, alice.address, tokenId)
          .and.to.emit(bioDental, "Locked")
          .withArgs(tokenId)
          .and.to.emit(bioDental, "RecordUpdated")
          .withArgs(tokenId, 1n, cid);
      });

      it("records version 1 at the mint's block timestamp", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        const minedAt = await timestampOf(await bioDental.connect(alice).mint(cidV1("r", RAW)));
        const [, version, updatedAt] = await bioDental.recordOf(tokenIdOf(alice.address, 0));
        expect(version).to.equal(1n);
        expect(updatedAt).to.equal(BigInt(minedAt));
      });

      it("counts it in her balance and advances her next id", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        await bioDental.connect(alice).mint(cidV1("r", RAW));
        expect(await bioDental.balanceOf(alice.address)).to.equal(1n);
        expect(await bioDental.nextTokenIdOf(alice.address)).to.equal(tokenIdOf(alice.address, 1));
      });
    });

    describe("when one owner mints several tokens and others mint in between", () => {
      it("numbers each owner's tokens independently, from zero", async () => {
        const { bioDental, alice, bob } = await loadFixture(deployFixture);
        await bioDental.connect(alice).mint(cidV1("a0", RAW));
        await bioDental.connect(bob).mint(cidV1("b0", RAW));
        await bioDental.connect(alice).mint(cidV0("a1"));
        expect(await bioDental.ownerOf(tokenIdOf(alice.address, 0))).to.equal(alice.address);
        expect(await bioDental.ownerOf(tokenIdOf(alice.address, 1))).to.equal(alice.address);
        expect(await bioDental.ownerOf(tokenIdOf(bob.address, 0))).to.equal(bob.address);
        expect(await bioDental.balanceOf(alice.address)).to.equal(2n);
        expect(await bioDental.balanceOf(bob.address)).to.equal(1n);
        expect((await bioDental.recordOf(tokenIdOf(alice.address, 1))).cid).to.equal(cidV0("a1"));
        expect((await bioDental.recordOf(tokenIdOf(alice.address, 0))).cid).to.equal(
          cidV1("a0", RAW),
        );
      });
    });

    describe("when the record CID is malformed", () => {
      for (const [label, cid] of MALFORMED_CIDS) {
        it(`rejects ${label} with BioDentalMalformedCid(cid)`, async () => {
          const { bioDental, alice } = await loadFixture(deployFixture);
          await expect(bioDental.connect(alice).mint(cid))
            .to.be.revertedWithCustomError(bioDental, "BioDentalMalformedCid")
            .withArgs(cid);
        });
      }

      it("mints nothing and leaves the next id unchanged", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        await expect(bioDental.connect(alice).mint("0x")).to.be.revertedWithCustomError(
          bioDental,
          "BioDentalMalformedCid",
        );
        expect(await bioDental.balanceOf(alice.address)).to.equal(0n);
        expect(await bioDental.nextTokenIdOf(alice.address)).to.equal(tokenIdOf(alice.address, 0));
      });
    });
  });

  describe("updateRecord", () => {
    describe("when the owner updates with a well-formed CID", () => {
      it("increments the version, stamps the block time and emits RecordUpdated", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        const next = cidV1("second version", DAG_JSON);
        await time.increase(ONE_DAY);
        const tx = bioDental.connect(alice).updateRecord(tokenId, next);
        await expect(tx).to.emit(bioDental, "RecordUpdated").withArgs(tokenId, 2n, next);
        const minedAt = await timestampOf(await tx);
        const [cid, version, updatedAt] = await bioDental.recordOf(tokenId);
        expect(cid).to.equal(next);
        expect(version).to.equal(2n);
        expect(updatedAt).to.equal(BigInt(minedAt));
      });

      for (const [label, cid] of VALID_CIDS) {
        it(`round-trips ${label}`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await bioDental.connect(alice).updateRecord(tokenId, cid);
          expect((await bioDental.recordOf(tokenId)).cid).to.equal(cid);
        });
      }

      it("does not touch ownership, the lock, grants or the metadata", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        const expiresAt = BigInt((await time.latest()) + ONE_DAY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await expect(bioDental.connect(alice).updateRecord(tokenId, cidV0("v2")))
          .to.not.emit(bioDental, "MetadataUpdate")
          .and.to.not.emit(bioDental, "Transfer");
        expect(await bioDental.ownerOf(tokenId)).to.equal(alice.address);
        expect(await bioDental.locked(tokenId)).to.equal(true);
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(READ_AND_PRESENT),
          expiresAt,
        ]);
      });
    });

    describe("when a strict decoder reads RecordUpdated", () => {
      it("finds exactly the canonical ABI encoding (zero padding included) for every CID shape", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        const tokenId = tokenIdOf(alice.address, 0);
        const coder = ethers.AbiCoder.defaultAbiCoder();
        const topic = bioDental.interface.getEvent("RecordUpdated").topicHash;
        // Mint, then cycle through every shape (lengths 34, 36, 37), so each log follows others.
        const sequence = [VALID_CIDS[4][1], ...VALID_CIDS.map(([, cid]) => cid)];
        for (const [index, cid] of sequence.entries()) {
          const tx =
            index === 0
              ? await bioDental.connect(alice).mint(cid)
              : await bioDental.connect(alice).updateRecord(tokenId, cid);
          const receipt = await tx.wait();
          const logs = receipt!.logs.filter((log) => log.topics[0] === topic);
          expect(logs).to.have.length(1);
          expect(logs[0].topics).to.deep.equal([topic, ethers.toBeHex(tokenId, 32)]);
          expect(logs[0].data).to.equal(coder.encode(["uint64", "bytes"], [index + 1, cid]));
        }
      });
    });

    describe("when the indexer replays RecordUpdated", () => {
      it("rebuilds the whole history of the record, in order", async () => {
        const { bioDental, alice, bob } = await loadFixture(deployFixture);
        const history = [cidV1("v1", RAW), cidV0("v2"), cidV1("v3", DAG_JSON), cidV1("v4", DAG_PB)];
        const tokenId = tokenIdOf(alice.address, 0);
        await bioDental.connect(alice).mint(history[0]);
        // Noise: another owner's record, which the filter on the indexed token id must skip.
        await bioDental.connect(bob).mint(cidV1("bob's record", RAW));
        for (const cid of history.slice(1))
          await bioDental.connect(alice).updateRecord(tokenId, cid);

        const events = await bioDental.queryFilter(
          bioDental.filters.RecordUpdated(tokenId),
          0,
          "latest",
        );
        const replayed = events.map((event) => ({
          version: event.args.version,
          cid: event.args.cid,
        }));
        expect(replayed).to.deep.equal(
          history.map((cid, index) => ({ version: BigInt(index + 1), cid })),
        );

        const [current, version] = await bioDental.recordOf(tokenId);
        expect(current).to.equal(replayed[replayed.length - 1].cid);
        expect(version).to.equal(replayed[replayed.length - 1].version);
      });
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId)", async () => {
        const { bioDental, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(bob).updateRecord(tokenId, cidV0("x")))
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(bob.address, tokenId);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.connect(alice).updateRecord(missing, cidV0("x")))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });

    describe("when the new CID is malformed", () => {
      for (const [label, cid] of MALFORMED_CIDS) {
        it(`rejects ${label} with BioDentalMalformedCid(cid) and keeps the record`, async () => {
          const { bioDental, alice, tokenId, recordCid } = await loadFixture(mintedFixture);
          await expect(bioDental.connect(alice).updateRecord(tokenId, cid))
            .to.be.revertedWithCustomError(bioDental, "BioDentalMalformedCid")
            .withArgs(cid);
          const [stored, version] = await bioDental.recordOf(tokenId);
          expect(stored).to.equal(recordCid);
          expect(version).to.equal(1n);
        });
      }
    });
  });

  describe("recordOf", () => {
    describe("when the token was never minted", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        const missing = tokenIdOf(alice.address, 0);
        await expect(bioDental.recordOf(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });
  });

  describe("nextTokenIdOf", () => {
    describe("when the account never minted", () => {
      it("is the account shifted left by 96 bits", async () => {
        const { bioDental, stranger } = await loadFixture(deployFixture);
        expect(await bioDental.nextTokenIdOf(stranger.address)).to.equal(
          BigInt(stranger.address) << 96n,
        );
        expect(await bioDental.nextTokenIdOf(ethers.ZeroAddress)).to.equal(0n);
      });
    });
  });

  describe("burn", () => {
    describe("when the owner burns", () => {
      it("emits RecordErased(tokenId, owner) and Transfer to the zero address", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(alice).burn(tokenId))
          .to.emit(bioDental, "RecordErased")
          .withArgs(tokenId, alice.address)
          .and.to.emit(bioDental, "Transfer")
          .withArgs(alice.address, ethers.ZeroAddress, tokenId);
      });

      it("clears the record pointer: recordOf, ownerOf and locked revert", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).burn(tokenId);
        for (const call of [
          bioDental.recordOf(tokenId),
          bioDental.ownerOf(tokenId),
          bioDental.locked(tokenId),
        ]) {
          await expect(call)
            .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
            .withArgs(tokenId);
        }
      });

      it("clears every grant: hasAccess is false and grantOf is zero", async () => {
        const { bioDental, alice, bob, carol, tokenId } = await loadFixture(mintedFixture);
        const expiresAt = BigInt((await time.latest()) + ONE_DAY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, carol.address, 1, expiresAt, WRAPPED_KEY);
        await bioDental.connect(alice).burn(tokenId);
        for (const grantee of [bob, carol]) {
          for (const scope of [1, 2, 3])
            expect(await bioDental.hasAccess(tokenId, grantee.address, scope)).to.equal(false);
          expect(await bioDental.grantOf(tokenId, grantee.address)).to.deep.equal([0n, 0n]);
        }
        // The owner too: a burned token grants nothing to anyone.
        expect(await bioDental.hasAccess(tokenId, alice.address, 1)).to.equal(false);
      });

      it("clears the public profile: publicProfileOf and tokenURI revert", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental
          .connect(alice)
          .setPublicProfile(tokenId, "My smile", cidV1("story", RAW), true);
        await bioDental.connect(alice).burn(tokenId);
        await expect(bioDental.publicProfileOf(tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(tokenId);
        await expect(bioDental.tokenURI(tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(tokenId);
      });

      it("decrements the owner's balance", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).mint(cidV0("second"));
        expect(await bioDental.balanceOf(alice.address)).to.equal(2n);
        await bioDental.connect(alice).burn(tokenId);
        expect(await bioDental.balanceOf(alice.address)).to.equal(1n);
      });

      it("never reuses the id: the next mint gets a new one that inherits nothing", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        const expiresAt = BigInt((await time.latest()) + ONE_DAY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await bioDental.connect(alice).burn(tokenId);

        const next = await bioDental.nextTokenIdOf(alice.address);
        expect(next).to.equal(tokenIdOf(alice.address, 1));
        expect(next).to.not.equal(tokenId);
        await bioDental.connect(alice).mint(cidV0("a fresh record"));
        expect(await bioDental.ownerOf(next)).to.equal(alice.address);
        expect(await bioDental.hasAccess(next, bob.address, 1)).to.equal(false);
        expect(await bioDental.grantOf(next, bob.address)).to.deep.equal([0n, 0n]);
        // The burned id stays dead.
        await expect(bioDental.ownerOf(tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(tokenId);
      });
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId) and keeps the token", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(bob).burn(tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(bob.address, tokenId);
        expect(await bioDental.ownerOf(tokenId)).to.equal(alice.address);
      });
    });

    describe("when the token does not exist or is already burned", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 7);
        await expect(bioDental.connect(alice).burn(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
        await bioDental.connect(alice).burn(tokenId);
        await expect(bioDental.connect(alice).burn(tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(tokenId);
      });
    });
  });
});
