import { expect } from "chai";
import {
  deployThroughIgnition,
  ethers,
  loadFixture,
  mintedFixture,
  walletOwners,
  ONE_DAY,
  PRESENT,
  READ,
  READ_AND_PRESENT,
  time,
  tokenIdOf,
  WRAPPED_KEY,
} from "./fixtures/bioDental.ts";
import { cidV0, cidV1, RAW } from "./fixtures/cids.ts";
import { domainOf, type GrantAccessMessage, signGrantAccess } from "./fixtures/eip712.ts";
import type { BioDentalNFT } from "../types/ethers-contracts/index.ts";

/** Submits `message` with `signature` from `submitter` (the relayer, unless stated). */
function submit(bioDental: BioDentalNFT, message: GrantAccessMessage, signature: string) {
  return bioDental.grantAccessBySig(
    message.tokenId,
    message.grantee,
    message.scopes,
    message.expiresAt,
    message.wrappedKey,
    message.deadline,
    signature,
  );
}

describe("BioDentalNFT gasless grants (grantAccessBySig)", () => {
  /** Alice owns a token; `message` is a valid grant of READ|PRESENT to Bob, nonce 0. */
  async function signedFixture() {
    const minted = await mintedFixture();
    const now = await time.latest();
    const message: GrantAccessMessage = {
      tokenId: minted.tokenId,
      grantee: minted.bob.address,
      scopes: READ_AND_PRESENT,
      expiresAt: BigInt(now + 30 * ONE_DAY),
      wrappedKey: WRAPPED_KEY,
      nonce: 0n,
      deadline: BigInt(now + 3600),
    };
    const domain = await domainOf(minted.bioDental);
    const signature = await signGrantAccess(minted.alice, domain, message);
    const relayed = minted.bioDental.connect(minted.relayer);
    return { ...minted, message, domain, signature, relayed };
  }

  describe("when a third party relays the owner's valid signature", () => {
    it("creates the grant and emits AccessGranted with the wrapped key", async () => {
      const { bioDental, relayed, message, signature, tokenId, bob } =
        await loadFixture(signedFixture);
      await expect(submit(relayed, message, signature))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(tokenId, bob.address, READ_AND_PRESENT, message.expiresAt, WRAPPED_KEY);
      expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([
        BigInt(READ_AND_PRESENT),
        message.expiresAt,
      ]);
      expect(await bioDental.hasAccess(tokenId, bob.address, READ_AND_PRESENT)).to.equal(true);
    });

    it("consumes the owner's nonce, not the relayer's", async () => {
      const { bioDental, relayed, message, signature, alice, relayer } =
        await loadFixture(signedFixture);
      expect(await bioDental.nonces(alice.address)).to.equal(0n);
      await submit(relayed, message, signature);
      expect(await bioDental.nonces(alice.address)).to.equal(1n);
      expect(await bioDental.nonces(relayer.address)).to.equal(0n);
    });

    it("accepts it when submitted by the grantee or the owner too", async () => {
      const { bioDental, message, signature, bob, tokenId } = await loadFixture(signedFixture);
      await expect(submit(bioDental.connect(bob), message, signature))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(tokenId, bob.address, READ_AND_PRESENT, message.expiresAt, WRAPPED_KEY);
    });

    it("accepts it in the deadline's own second (the deadline is inclusive)", async () => {
      const { bioDental, relayed, message, signature, tokenId, bob } =
        await loadFixture(signedFixture);
      await time.setNextBlockTimestamp(message.deadline);
      await expect(submit(relayed, message, signature))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(tokenId, bob.address, READ_AND_PRESENT, message.expiresAt, WRAPPED_KEY);
    });

    it("accepts successive signatures with successive nonces", async () => {
      const { bioDental, relayed, message, signature, domain, alice, carol, tokenId } =
        await loadFixture(signedFixture);
      await submit(relayed, message, signature);
      const second = {
        ...message,
        grantee: carol.address,
        scopes: PRESENT,
        wrappedKey: "0x",
        nonce: 1n,
      };
      await expect(submit(relayed, second, await signGrantAccess(alice, domain, second)))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(tokenId, carol.address, PRESENT, message.expiresAt, "0x");
      expect(await bioDental.nonces(alice.address)).to.equal(2n);
    });
  });

  describe("when the same signature is submitted twice", () => {
    it("rejects the replay with BioDentalInvalidSignature(owner): the nonce is spent", async () => {
      const { bioDental, relayed, message, signature, alice, bob, tokenId } =
        await loadFixture(signedFixture);
      await submit(relayed, message, signature);
      // Revoked in between, so a replay would visibly recreate the grant.
      await bioDental.connect(alice).revokeAccess(tokenId, bob.address);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
      expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([0n, 0n]);
      expect(await bioDental.nonces(alice.address)).to.equal(1n);
    });
  });

  describe("when the deadline has passed", () => {
    it("reverts with BioDentalSignatureExpired(deadline) one second after it", async () => {
      const { bioDental, relayed, message, signature, alice } = await loadFixture(signedFixture);
      await time.setNextBlockTimestamp(message.deadline + 1n);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalSignatureExpired")
        .withArgs(message.deadline);
      expect(await bioDental.nonces(alice.address)).to.equal(0n);
    });
  });

  describe("when the signature was made for another chain", () => {
    it("reverts with BioDentalInvalidSignature(owner)", async () => {
      const { bioDental, relayed, message, domain, alice } = await loadFixture(signedFixture);
      const chainId = BigInt(domain.chainId!);
      const signature = await signGrantAccess(alice, { ...domain, chainId: chainId + 1n }, message);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
      const mainnet = await signGrantAccess(alice, { ...domain, chainId: 1n }, message);
      await expect(submit(relayed, message, mainnet))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
    });
  });

  describe("when the signature was made for another deployment of the contract", () => {
    it("is refused here and accepted only by the contract it names", async () => {
      const { bioDental, relayed, message, alice, relayer, bob, tokenId } =
        await loadFixture(signedFixture);
      const other = (await deployThroughIgnition()).bioDental;
      // Alice's first token has the same id in both deployments: only the domain tells them apart.
      await other.connect(alice).mint(cidV1("alice's first record", RAW));
      const signature = await signGrantAccess(alice, await domainOf(other), message);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
      await expect(submit(other.connect(relayer), message, signature))
        .to.emit(other, "AccessGranted")
        .withArgs(tokenId, bob.address, READ_AND_PRESENT, message.expiresAt, WRAPPED_KEY);
    });
  });

  describe("when the domain's name or version differs", () => {
    it("reverts with BioDentalInvalidSignature(owner)", async () => {
      const { bioDental, relayed, message, domain, alice } = await loadFixture(signedFixture);
      for (const wrong of [
        { ...domain, name: "BioDental" },
        { ...domain, version: "2" },
      ]) {
        await expect(submit(relayed, message, await signGrantAccess(alice, wrong, message)))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
          .withArgs(alice.address);
      }
    });
  });

  describe("when someone other than the owner signed", () => {
    it("reverts with BioDentalInvalidSignature(owner), even if the signer is the grantee", async () => {
      const { bioDental, relayed, message, domain, alice, bob, stranger } =
        await loadFixture(signedFixture);
      for (const signer of [bob, stranger]) {
        await expect(submit(relayed, message, await signGrantAccess(signer, domain, message)))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
          .withArgs(alice.address);
      }
    });
  });

  describe("when a signed field is tampered with", () => {
    const tamperings: [
      string,
      (message: GrantAccessMessage, extra: { carol: string; second: bigint }) => GrantAccessMessage,
    ][] = [
      ["the grantee", (m, { carol }) => ({ ...m, grantee: carol })],
      ["the scopes", (m) => ({ ...m, scopes: READ })],
      ["the expiry", (m) => ({ ...m, expiresAt: m.expiresAt + 1n })],
      ["the wrapped key", (m) => ({ ...m, wrappedKey: `${m.wrappedKey.slice(0, -2)}00` })],
      ["the wrapped key's length", (m) => ({ ...m, wrappedKey: m.wrappedKey.slice(0, -2) })],
      ["the deadline", (m) => ({ ...m, deadline: m.deadline + 1n })],
      [
        "the token id (another token of the same owner)",
        (m, { second }) => ({ ...m, tokenId: second }),
      ],
    ];

    for (const [field, tamper] of tamperings) {
      it(`rejects a change of ${field} with BioDentalInvalidSignature(owner)`, async () => {
        const { bioDental, relayed, message, signature, alice, carol, bob } =
          await loadFixture(signedFixture);
        const second = tokenIdOf(alice.address, 1);
        await bioDental.connect(alice).mint(cidV0("second record"));
        await expect(submit(relayed, tamper(message, { carol: carol.address, second }), signature))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
          .withArgs(alice.address);
        expect(await bioDental.grantOf(message.tokenId, bob.address)).to.deep.equal([0n, 0n]);
        expect(await bioDental.nonces(alice.address)).to.equal(0n);
      });
    }

    it("rejects a signature over a future nonce", async () => {
      const { bioDental, relayed, message, domain, alice } = await loadFixture(signedFixture);
      const signature = await signGrantAccess(alice, domain, { ...message, nonce: 1n });
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
    });

    it("rejects malformed signature bytes", async () => {
      const { bioDental, relayed, message, signature, alice } = await loadFixture(signedFixture);
      for (const bad of ["0x", "0x1234", `${signature.slice(0, -2)}1f`, signature.slice(0, -2)]) {
        await expect(submit(relayed, message, bad))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
          .withArgs(alice.address);
      }
    });
  });

  describe("when the token does not exist", () => {
    it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
      const { bioDental, relayed, message, domain, alice } = await loadFixture(signedFixture);
      const missing = { ...message, tokenId: tokenIdOf(alice.address, 1) };
      await expect(submit(relayed, missing, await signGrantAccess(alice, domain, missing)))
        .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
        .withArgs(missing.tokenId);
    });

    it("reverts with BioDentalNonexistentToken(tokenId) after a burn, for a signature made before it", async () => {
      const { bioDental, relayed, message, signature, alice, tokenId } =
        await loadFixture(signedFixture);
      await bioDental.connect(alice).burn(tokenId);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
        .withArgs(tokenId);
    });
  });

  describe("when the signed grant itself is invalid", () => {
    it("applies grantAccess's checks and keeps the nonce", async () => {
      const { bioDental, relayed, message, domain, alice } = await loadFixture(signedFixture);
      const cases: [GrantAccessMessage, string, unknown[]][] = [
        [{ ...message, scopes: 0 }, "BioDentalInvalidScopes", [0]],
        [{ ...message, scopes: 4 }, "BioDentalInvalidScopes", [4]],
        [{ ...message, expiresAt: 1n }, "BioDentalInvalidExpiry", [1n]],
        [{ ...message, grantee: alice.address }, "BioDentalInvalidGrantee", [alice.address]],
        [
          { ...message, grantee: ethers.ZeroAddress },
          "BioDentalInvalidGrantee",
          [ethers.ZeroAddress],
        ],
      ];
      for (const [invalid, error, args] of cases) {
        await expect(submit(relayed, invalid, await signGrantAccess(alice, domain, invalid)))
          .to.be.revertedWithCustomError(bioDental, error)
          .withArgs(...args);
      }
      expect(await bioDental.nonces(alice.address)).to.equal(0n);
    });
  });

  describe("when the owner is an ERC-1271 contract wallet", () => {
    async function walletFixture() {
      const signed = await signedFixture();
      return { ...signed, ...(await walletOwners(signed.bioDental, signed.carol)) };
    }

    it("owns the token it minted through execute", async () => {
      const { bioDental, wallet, walletTokenId } = await loadFixture(walletFixture);
      const walletAddress = await wallet.getAddress();
      expect(walletTokenId).to.equal(tokenIdOf(walletAddress, 0));
      expect(await bioDental.ownerOf(walletTokenId)).to.equal(walletAddress);
    });

    it("accepts a grant signed by the wallet's signer and consumes the wallet's nonce", async () => {
      const { bioDental, relayed, domain, wallet, walletTokenId, bob, carol } =
        await loadFixture(walletFixture);
      const walletAddress = await wallet.getAddress();
      const message: GrantAccessMessage = {
        tokenId: walletTokenId,
        grantee: bob.address,
        scopes: READ,
        expiresAt: BigInt((await time.latest()) + ONE_DAY),
        wrappedKey: WRAPPED_KEY,
        nonce: 0n,
        deadline: BigInt((await time.latest()) + 600),
      };
      await expect(submit(relayed, message, await signGrantAccess(carol, domain, message)))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(walletTokenId, bob.address, READ, message.expiresAt, WRAPPED_KEY);
      expect(await bioDental.nonces(walletAddress)).to.equal(1n);
      expect(await bioDental.nonces(carol.address)).to.equal(0n);
      expect(await bioDental.hasAccess(walletTokenId, bob.address, READ)).to.equal(true);
    });

    it("refuses a signature by someone other than the wallet's signer", async () => {
      const { bioDental, relayed, domain, wallet, walletTokenId, bob, stranger } =
        await loadFixture(walletFixture);
      const message: GrantAccessMessage = {
        tokenId: walletTokenId,
        grantee: bob.address,
        scopes: READ,
        expiresAt: BigInt((await time.latest()) + ONE_DAY),
        wrappedKey: "0x",
        nonce: 0n,
        deadline: BigInt((await time.latest()) + 600),
      };
      await expect(submit(relayed, message, await signGrantAccess(stranger, domain, message)))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(await wallet.getAddress());
    });

    it("refuses every signature when the wallet rejects them", async () => {
      const { bioDental, relayed, domain, rejecting, rejectingTokenId, bob, carol } =
        await loadFixture(walletFixture);
      const rejectingAddress = await rejecting.getAddress();
      const message: GrantAccessMessage = {
        tokenId: rejectingTokenId,
        grantee: bob.address,
        scopes: READ,
        expiresAt: BigInt((await time.latest()) + ONE_DAY),
        wrappedKey: WRAPPED_KEY,
        nonce: 0n,
        deadline: BigInt((await time.latest()) + 600),
      };
      // Signed by the wallet's own signer: the wallet still says no.
      await expect(submit(relayed, message, await signGrantAccess(carol, domain, message)))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(rejectingAddress);
      expect(await bioDental.nonces(rejectingAddress)).to.equal(0n);
    });

    it("lets the wallet grant directly through execute", async () => {
      const { bioDental, wallet, walletTokenId, bob, carol } = await loadFixture(walletFixture);
      const expiresAt = BigInt((await time.latest()) + ONE_DAY);
      const data = bioDental.interface.encodeFunctionData("grantAccess", [
        walletTokenId,
        bob.address,
        PRESENT,
        expiresAt,
        "0x",
      ]);
      await expect(wallet.connect(carol).execute(await bioDental.getAddress(), data))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(walletTokenId, bob.address, PRESENT, expiresAt, "0x");
    });
  });

  describe("nonces", () => {
    it("starts at zero for every account and counts only successful signed grants", async () => {
      const { bioDental, relayed, message, signature, alice, bob } =
        await loadFixture(signedFixture);
      expect(await bioDental.nonces(bob.address)).to.equal(0n);
      expect(await bioDental.nonces(ethers.ZeroAddress)).to.equal(0n);
      // A direct grant uses no nonce.
      await bioDental
        .connect(alice)
        .grantAccess(message.tokenId, bob.address, READ, message.expiresAt, "0x");
      expect(await bioDental.nonces(alice.address)).to.equal(0n);
      await submit(relayed, message, signature);
      expect(await bioDental.nonces(alice.address)).to.equal(1n);
      expect(await bioDental.nonces(bob.address)).to.equal(0n);
    });

    it("is unaffected by minting and burning", async () => {
      const { bioDental, relayed, message, signature, alice } = await loadFixture(signedFixture);
      await submit(relayed, message, signature);
      await bioDental.connect(alice).mint(cidV0("another"));
      await bioDental.connect(alice).burn(tokenIdOf(alice.address, 1));
      expect(await bioDental.nonces(alice.address)).to.equal(1n);
      expect(await bioDental.balanceOf(alice.address)).to.equal(1n);
      expect(await bioDental.nextTokenIdOf(alice.address)).to.equal(tokenIdOf(alice.address, 2));
    });
  });

  describe("when the owner cancels a signed grant with useNonce", () => {
    it("spends the current nonce, emits NonceUsed(owner, nonce) and the signature no longer works", async () => {
      const { bioDental, relayed, message, signature, alice, bob, tokenId } =
        await loadFixture(signedFixture);
      await expect(bioDental.connect(alice).useNonce())
        .to.emit(bioDental, "NonceUsed")
        .withArgs(alice.address, 0n);
      expect(await bioDental.nonces(alice.address)).to.equal(1n);
      await expect(submit(relayed, message, signature))
        .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidSignature")
        .withArgs(alice.address);
      expect(await bioDental.grantOf(tokenId, bob.address)).to.deep.equal([0n, 0n]);
    });

    it("returns the nonce it spent, and a signature for the next nonce still works", async () => {
      const { bioDental, relayed, message, domain, alice, bob, tokenId } =
        await loadFixture(signedFixture);
      expect(await bioDental.connect(alice).useNonce.staticCall()).to.equal(0n);
      await bioDental.connect(alice).useNonce();
      const next = { ...message, nonce: 1n };
      await expect(submit(relayed, next, await signGrantAccess(alice, domain, next)))
        .to.emit(bioDental, "AccessGranted")
        .withArgs(tokenId, bob.address, READ_AND_PRESENT, message.expiresAt, WRAPPED_KEY);
      expect(await bioDental.nonces(alice.address)).to.equal(2n);
    });

    it("spends only the caller's own nonce", async () => {
      const { bioDental, relayed, message, signature, alice, bob } =
        await loadFixture(signedFixture);
      await expect(bioDental.connect(bob).useNonce())
        .to.emit(bioDental, "NonceUsed")
        .withArgs(bob.address, 0n);
      expect(await bioDental.nonces(alice.address)).to.equal(0n);
      await expect(submit(relayed, message, signature)).to.emit(bioDental, "AccessGranted");
    });
  });
});
