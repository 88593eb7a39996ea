import { expect } from "chai";
import {
  ethers,
  loadFixture,
  mintedFixture,
  ONE_DAY,
  PRESENT,
  READ,
  READ_AND_PRESENT,
  time,
  tokenIdOf,
  WRAPPED_KEY,
} from "./fixtures/bioDental.ts";
import { cidV0 } from "./fixtures/cids.ts";

interface StructLog {
  op: string;
  stack: string[];
}

/** The 32-byte words a transaction wrote to storage, read from its opcode trace. */
async function storedWords(txHash: string): Promise<string[]> {
  const trace = (await ethers.provider.send("debug_traceTransaction", [txHash])) as {
    structLogs: StructLog[];
  };
  // SSTORE pops the key (top of stack, last entry) and then the value (next entry).
  return trace.structLogs
    .filter((log) => log.op === "SSTORE")
    .map((log) => ethers.toBeHex(BigInt(log.stack[log.stack.length - 2]), 32).slice(2));
}

describe("BioDentalNFT access delegation", () => {
  async function grantedFixture() {
    const minted = await mintedFixture();
    const expiresAt = BigInt((await time.latest()) + ONE_DAY);
    return { ...minted, expiresAt };
  }

  describe("grantAccess", () => {
    describe("when the owner grants a valid grant", () => {
      it("emits AccessGranted with the scopes, the expiry and the wrapped key", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await expect(
          bioDental
            .connect(alice)
            .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY),
        )
          .to.emit(bioDental, "AccessGranted")
          .withArgs(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
      });

      it("stores the scopes and expiry, readable with grantOf", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(READ),
          expiresAt,
        ]);
      });

      it("never writes the wrapped key to storage: it travels only in the log", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        const tx = await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        const receipt = await tx.wait();
        const words = await storedWords(tx.hash);
        expect(words).to.not.have.length(0);
        const key = WRAPPED_KEY.slice(2);
        // No stored word shares even an 8-byte run with the key.
        for (let offset = 0; offset + 16 <= key.length; offset += 2) {
          const run = key.slice(offset, offset + 16);
          for (const word of words) expect(word).to.not.include(run);
        }
        // ...while the log does carry it, whole.
        const [log] = receipt!.logs.map((entry) => bioDental.interface.parseLog(entry)!);
        expect(log.name).to.equal("AccessGranted");
        expect(log.args.wrappedKey).to.equal(WRAPPED_KEY);
      });

      it("accepts an empty wrapped key (a PRESENT-only delegate needs none)", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, bob.address, PRESENT, expiresAt, "0x"),
        )
          .to.emit(bioDental, "AccessGranted")
          .withArgs(tokenId, bob.address, PRESENT, expiresAt, "0x");
      });

      it("accepts an expiry one second after the granting block", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(grantedFixture);
        const blockTime = (await time.latest()) + 10;
        await time.setNextBlockTimestamp(blockTime);
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, bob.address, READ, blockTime + 1, "0x"),
        )
          .to.emit(bioDental, "AccessGranted")
          .withArgs(tokenId, bob.address, READ, blockTime + 1, "0x");
      });

      it("accepts the largest uint64 expiry", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(grantedFixture);
        const forever = 2n ** 64n - 1n;
        await bioDental.connect(alice).grantAccess(tokenId, bob.address, READ, forever, "0x");
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(READ),
          forever,
        ]);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(true);
      });

      it("keeps grants to different grantees independent", async () => {
        const { bioDental, alice, bob, carol, tokenId, expiresAt } =
          await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, carol.address, PRESENT, expiresAt + 5n, "0x");
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(READ),
          expiresAt,
        ]);
        expect(await bioDental.grantOf(tokenId, carol.address)).to.deep.equal([
          BigInt(PRESENT),
          expiresAt + 5n,
        ]);
      });
    });

    describe("when the grantee already holds a grant", () => {
      it("overwrites its scopes and expiry", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        const shorter = expiresAt - 100n;
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, bob.address, PRESENT, shorter, "0x"),
        )
          .to.emit(bioDental, "AccessGranted")
          .withArgs(tokenId, bob.address, PRESENT, shorter, "0x");
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(PRESENT),
          shorter,
        ]);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(false);
        expect(await bioDental.hasAccess(tokenId, bob.address, PRESENT)).to.equal(true);
      });

      it("renews an expired grant", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        await time.increaseTo(expiresAt + 1n);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(false);
        const renewed = expiresAt + BigInt(ONE_DAY);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, renewed, WRAPPED_KEY);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(true);
      });
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId), even for a grantee granting itself", async () => {
        const { bioDental, alice, bob, carol, tokenId, expiresAt } =
          await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await expect(
          bioDental.connect(bob).grantAccess(tokenId, bob.address, READ, expiresAt, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(bob.address, tokenId);
        await expect(
          bioDental.connect(carol).grantAccess(tokenId, carol.address, READ, expiresAt, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(carol.address, tokenId);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice, bob, expiresAt } = await loadFixture(grantedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(
          bioDental.connect(alice).grantAccess(missing, bob.address, READ, expiresAt, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });

    describe("when the scopes are invalid", () => {
      for (const scopes of [0, 4, 5, 7, 8, 128, 255]) {
        it(`rejects scopes ${scopes} with BioDentalInvalidScopes(${scopes})`, async () => {
          const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
          await expect(
            bioDental.connect(alice).grantAccess(tokenId, bob.address, scopes, expiresAt, "0x"),
          )
            .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidScopes")
            .withArgs(scopes);
        });
      }
    });

    describe("when the expiry is not in the future", () => {
      it("rejects an expiry in the past with BioDentalInvalidExpiry(expiresAt)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(grantedFixture);
        const past = BigInt((await time.latest()) - 1);
        await expect(bioDental.connect(alice).grantAccess(tokenId, bob.address, READ, past, "0x"))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidExpiry")
          .withArgs(past);
      });

      it("rejects an expiry equal to the granting block's timestamp", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(grantedFixture);
        const blockTime = (await time.latest()) + 10;
        await time.setNextBlockTimestamp(blockTime);
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, bob.address, READ, blockTime, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidExpiry")
          .withArgs(blockTime);
      });

      it("rejects a zero expiry", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(grantedFixture);
        await expect(bioDental.connect(alice).grantAccess(tokenId, bob.address, READ, 0, "0x"))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidExpiry")
          .withArgs(0);
      });
    });

    describe("when the grantee is invalid", () => {
      it("rejects the zero address with BioDentalInvalidGrantee(0)", async () => {
        const { bioDental, alice, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, ethers.ZeroAddress, READ, expiresAt, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidGrantee")
          .withArgs(ethers.ZeroAddress);
      });

      it("rejects the owner itself with BioDentalInvalidGrantee(owner)", async () => {
        const { bioDental, alice, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await expect(
          bioDental.connect(alice).grantAccess(tokenId, alice.address, READ, expiresAt, "0x"),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidGrantee")
          .withArgs(alice.address);
      });
    });
  });

  describe("revokeAccess", () => {
    async function withGrantFixture() {
      const granted = await grantedFixture();
      const { bioDental, alice, bob, tokenId, expiresAt } = granted;
      await (
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY)
      ).wait();
      return granted;
    }

    describe("when the owner revokes an existing grant", () => {
      it("emits AccessRevoked(tokenId, grantee)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(withGrantFixture);
        await expect(bioDental.connect(alice).revokeAccess(tokenId, bob.address))
          .to.emit(bioDental, "AccessRevoked")
          .withArgs(tokenId, bob.address);
      });

      it("removes every scope: grantOf is zero and hasAccess false", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(withGrantFixture);
        await bioDental.connect(alice).revokeAccess(tokenId, bob.address);
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([0n, 0n]);
        for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
          expect(await bioDental.hasAccess(tokenId, bob.address, scope)).to.equal(false);
        }
      });

      it("leaves other grantees' grants alone", async () => {
        const { bioDental, alice, bob, carol, tokenId, expiresAt } =
          await loadFixture(withGrantFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, carol.address, READ, expiresAt, WRAPPED_KEY);
        await bioDental.connect(alice).revokeAccess(tokenId, bob.address);
        expect(await bioDental.hasAccess(tokenId, carol.address, READ)).to.equal(true);
      });

      it("can revoke a grant that has already expired", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(withGrantFixture);
        await time.increaseTo(expiresAt + 10n);
        await expect(bioDental.connect(alice).revokeAccess(tokenId, bob.address))
          .to.emit(bioDental, "AccessRevoked")
          .withArgs(tokenId, bob.address);
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([0n, 0n]);
      });
    });

    describe("when the grantee holds no grant", () => {
      it("reverts with BioDentalNoGrant(tokenId, grantee)", async () => {
        const { bioDental, alice, carol, tokenId } = await loadFixture(withGrantFixture);
        await expect(bioDental.connect(alice).revokeAccess(tokenId, carol.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNoGrant")
          .withArgs(tokenId, carol.address);
      });

      it("reverts with BioDentalNoGrant on a second revoke of the same grant", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(withGrantFixture);
        await bioDental.connect(alice).revokeAccess(tokenId, bob.address);
        await expect(bioDental.connect(alice).revokeAccess(tokenId, bob.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNoGrant")
          .withArgs(tokenId, bob.address);
      });
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId), even for the grantee itself", async () => {
        const { bioDental, bob, carol, tokenId } = await loadFixture(withGrantFixture);
        for (const caller of [bob, carol]) {
          await expect(bioDental.connect(caller).revokeAccess(tokenId, bob.address))
            .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
            .withArgs(caller.address, tokenId);
        }
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId), also after a burn", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(withGrantFixture);
        const missing = tokenIdOf(alice.address, 3);
        await expect(bioDental.connect(alice).revokeAccess(missing, bob.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
        await bioDental.connect(alice).burn(tokenId);
        await expect(bioDental.connect(alice).revokeAccess(tokenId, bob.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(tokenId);
      });
    });
  });

  describe("hasAccess", () => {
    describe("when the account is the owner", () => {
      it("holds READ, PRESENT and both", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(grantedFixture);
        for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
          expect(await bioDental.hasAccess(tokenId, alice.address, scope)).to.equal(true);
        }
      });

      it("holds no scope of zero and no unknown bit", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(grantedFixture);
        for (const scope of [0, 4, 5, 7, 255]) {
          expect(await bioDental.hasAccess(tokenId, alice.address, scope)).to.equal(false);
        }
      });
    });

    describe("when the account holds a READ grant", () => {
      it("holds READ, but neither PRESENT nor both", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(true);
        expect(await bioDental.hasAccess(tokenId, bob.address, PRESENT)).to.equal(false);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ_AND_PRESENT)).to.equal(false);
      });
    });

    describe("when the account holds a PRESENT grant", () => {
      it("holds PRESENT, but neither READ nor both", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental.connect(alice).grantAccess(tokenId, bob.address, PRESENT, expiresAt, "0x");
        expect(await bioDental.hasAccess(tokenId, bob.address, PRESENT)).to.equal(true);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(false);
        expect(await bioDental.hasAccess(tokenId, bob.address, READ_AND_PRESENT)).to.equal(false);
      });
    });

    describe("when the account holds a READ|PRESENT grant", () => {
      it("holds READ, PRESENT and both, but no scope of zero or unknown bits", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
          expect(await bioDental.hasAccess(tokenId, bob.address, scope)).to.equal(true);
        }
        for (const scope of [0, 4, 6, 7, 255]) {
          expect(await bioDental.hasAccess(tokenId, bob.address, scope)).to.equal(false);
        }
      });
    });

    describe("when the account holds nothing", () => {
      it("holds no scope", async () => {
        const { bioDental, stranger, tokenId } = await loadFixture(grantedFixture);
        for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
          expect(await bioDental.hasAccess(tokenId, stranger.address, scope)).to.equal(false);
        }
      });

      it("holds nothing on another token of the same owner", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ, expiresAt, WRAPPED_KEY);
        await bioDental.connect(alice).mint(cidV0("second"));
        expect(await bioDental.hasAccess(tokenIdOf(alice.address, 1), bob.address, READ)).to.equal(
          false,
        );
      });
    });

    describe("when the grant reaches its expiry", () => {
      it("holds until the second before expiresAt and nothing from expiresAt on (exclusive)", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await time.increaseTo(expiresAt - 1n);
        expect(await time.latest()).to.equal(Number(expiresAt - 1n));
        expect(await bioDental.hasAccess(tokenId, bob.address, READ)).to.equal(true);
        await time.increaseTo(expiresAt);
        expect(await time.latest()).to.equal(Number(expiresAt));
        for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
          expect(await bioDental.hasAccess(tokenId, bob.address, scope)).to.equal(false);
        }
        // The stored grant is still there, expired, for the owner to see or revoke.
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
          BigInt(READ_AND_PRESENT),
          expiresAt,
        ]);
      });
    });

    describe("when the token does not exist", () => {
      it("is false for everyone, the would-be owner included", async () => {
        const { bioDental, alice, bob } = await loadFixture(grantedFixture);
        const missing = tokenIdOf(alice.address, 5);
        expect(await bioDental.hasAccess(missing, alice.address, READ)).to.equal(false);
        expect(await bioDental.hasAccess(missing, bob.address, READ)).to.equal(false);
        expect(await bioDental.hasAccess(0n, ethers.ZeroAddress, READ)).to.equal(false);
      });
    });

    describe("when the token was burned", () => {
      it("is false for the former owner and every former grantee", async () => {
        const { bioDental, alice, bob, tokenId, expiresAt } = await loadFixture(grantedFixture);
        await bioDental
          .connect(alice)
          .grantAccess(tokenId, bob.address, READ_AND_PRESENT, expiresAt, WRAPPED_KEY);
        await bioDental.connect(alice).burn(tokenId);
        for (const account of [alice, bob]) {
          for (const scope of [READ, PRESENT, READ_AND_PRESENT]) {
            expect(await bioDental.hasAccess(tokenId, account.address, scope)).to.equal(false);
          }
        }
      });
    });
  });

  describe("grantOf", () => {
    describe("when there is no grant", () => {
      it("is (0, 0)", async () => {
        const { bioDental, bob, tokenId } = await loadFixture(grantedFixture);
        expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([0n, 0n]);
      });
    });

    describe("when the token does not exist", () => {
      it("is (0, 0)", async () => {
        const { bioDental, alice, bob } = await loadFixture(grantedFixture);
        expect(await bioDental.grantOf(tokenIdOf(alice.address, 1), bob.address)).to.deep.equal([
          0n,
          0n,
        ]);
      });
    });
  });
});
