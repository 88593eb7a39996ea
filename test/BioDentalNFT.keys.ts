import { expect } from "chai";
import { deployFixture, ethers, loadFixture } from "./fixtures/bioDental.ts";

/** X25519 public keys are 32 random-looking bytes; these two stand in for a key and its rotation. */
const KEY = ethers.keccak256(ethers.toUtf8Bytes("alice's X25519 public key"));
const ROTATED_KEY = ethers.keccak256(ethers.toUtf8Bytes("alice's next X25519 public key"));

describe("BioDentalNFT encryption keys", () => {
  describe("encryptionKeyOf", () => {
    describe("when the account registered no key", () => {
      it("is zero", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        expect(await bioDental.encryptionKeyOf(alice.address)).to.equal(ethers.ZeroHash);
        expect(await bioDental.encryptionKeyOf(ethers.ZeroAddress)).to.equal(ethers.ZeroHash);
      });
    });
  });

  describe("setEncryptionKey", () => {
    describe("when an account sets its first key", () => {
      it("stores it and emits EncryptionKeySet(account, publicKey)", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        await expect(bioDental.connect(alice).setEncryptionKey(KEY))
          .to.emit(bioDental, "EncryptionKeySet")
          .withArgs(alice.address, KEY);
        expect(await bioDental.encryptionKeyOf(alice.address)).to.equal(KEY);
      });

      it("needs no token: a practitioner registers a key before anyone grants it access", async () => {
        const { bioDental, bob } = await loadFixture(deployFixture);
        expect(await bioDental.balanceOf(bob.address)).to.equal(0n);
        await bioDental.connect(bob).setEncryptionKey(KEY);
        expect(await bioDental.encryptionKeyOf(bob.address)).to.equal(KEY);
      });

      it("sets only the caller's key", async () => {
        const { bioDental, alice, bob } = await loadFixture(deployFixture);
        await bioDental.connect(alice).setEncryptionKey(KEY);
        expect(await bioDental.encryptionKeyOf(bob.address)).to.equal(ethers.ZeroHash);
      });
    });

    describe("when an account replaces its key", () => {
      it("stores the new key and emits EncryptionKeySet again", async () => {
        const { bioDental, alice, bob } = await loadFixture(deployFixture);
        await bioDental.connect(alice).setEncryptionKey(KEY);
        await bioDental.connect(bob).setEncryptionKey(KEY);
        await expect(bioDental.connect(alice).setEncryptionKey(ROTATED_KEY))
          .to.emit(bioDental, "EncryptionKeySet")
          .withArgs(alice.address, ROTATED_KEY);
        expect(await bioDental.encryptionKeyOf(alice.address)).to.equal(ROTATED_KEY);
        expect(await bioDental.encryptionKeyOf(bob.address)).to.equal(KEY);
      });
    });

    describe("when the key is zero", () => {
      it("reverts with BioDentalInvalidEncryptionKey() and keeps the old key", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        await bioDental.connect(alice).setEncryptionKey(KEY);
        await expect(bioDental.connect(alice).setEncryptionKey(ethers.ZeroHash))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidEncryptionKey")
          .withArgs();
        expect(await bioDental.encryptionKeyOf(alice.address)).to.equal(KEY);
      });
    });
  });
});
