import { expect } from "chai";
import {
  actors,
  deployFixture,
  deployWallet,
  ethers,
  loadFixture,
  tokenIdOf,
} from "./fixtures/bioDental.ts";
import { cidV1, RAW } from "./fixtures/cids.ts";

const MAGIC_VALUE = "0x1626ba7e"; // IERC1271.isValidSignature.selector
const REJECTED = "0xffffffff";

/** A hash and signers' signatures over it: EIP-712 typed data, the only raw-hash signing the node's accounts offer. */
const DOMAIN = { name: "Wallet test", version: "1", chainId: 31337n };
const TYPES = { Note: [{ name: "text", type: "string" }] };
const NOTE = { text: "some digest" };
const HASH = ethers.TypedDataEncoder.hash(DOMAIN, TYPES, NOTE);

/** The test-only ERC-1271 wallet other suites rely on: checked here so their results mean something. */
describe("MockERC1271Wallet (test helper)", () => {
  async function walletFixture() {
    const deployed = await deployFixture();
    const people = await actors();
    const wallet = await deployWallet(people.carol, false);
    const rejecting = await deployWallet(people.carol, true);
    return { ...deployed, wallet, rejecting };
  }

  describe("when constructed", () => {
    it("exposes its signer and rejectAll flag", async () => {
      const { wallet, rejecting, carol } = await loadFixture(walletFixture);
      // `signer` is shadowed by ethers' Contract#runner typing, so call it by name.
      expect(await wallet.getFunction("signer")()).to.equal(carol.address);
      expect(await wallet.rejectAll()).to.equal(false);
      expect(await rejecting.rejectAll()).to.equal(true);
    });
  });

  describe("isValidSignature", () => {
    it("returns the ERC-1271 magic value for its signer's signature of the hash", async () => {
      const { wallet, carol } = await loadFixture(walletFixture);
      const signature = await carol.signTypedData(DOMAIN, TYPES, NOTE);
      expect(ethers.recoverAddress(HASH, signature)).to.equal(carol.address);
      expect(await wallet.isValidSignature(HASH, signature)).to.equal(MAGIC_VALUE);
    });

    it("returns 0xffffffff for another signer, malformed bytes, or when rejecting all", async () => {
      const { wallet, rejecting, carol, alice } = await loadFixture(walletFixture);
      expect(
        await wallet.isValidSignature(HASH, await alice.signTypedData(DOMAIN, TYPES, NOTE)),
      ).to.equal(REJECTED);
      expect(await wallet.isValidSignature(HASH, "0x1234")).to.equal(REJECTED);
      expect(
        await rejecting.isValidSignature(HASH, await carol.signTypedData(DOMAIN, TYPES, NOTE)),
      ).to.equal(REJECTED);
    });
  });

  describe("execute", () => {
    it("calls the target as the wallet when its signer asks", async () => {
      const { bioDental, wallet, carol } = await loadFixture(walletFixture);
      const walletAddress = await wallet.getAddress();
      const data = bioDental.interface.encodeFunctionData("mint", [cidV1("wallet", RAW)]);
      await expect(wallet.connect(carol).execute(await bioDental.getAddress(), data))
        .to.emit(bioDental, "Transfer")
        .withArgs(ethers.ZeroAddress, walletAddress, tokenIdOf(walletAddress, 0));
    });

    it("reverts with MockWalletUnauthorized(caller) for anyone else", async () => {
      const { bioDental, wallet, alice } = await loadFixture(walletFixture);
      const data = bioDental.interface.encodeFunctionData("mint", [cidV1("wallet", RAW)]);
      await expect(wallet.connect(alice).execute(await bioDental.getAddress(), data))
        .to.be.revertedWithCustomError(wallet, "MockWalletUnauthorized")
        .withArgs(alice.address);
    });

    it("reverts with MockWalletCallFailed(reason) carrying the target's revert data", async () => {
      const { bioDental, wallet, carol } = await loadFixture(walletFixture);
      const data = bioDental.interface.encodeFunctionData("mint", ["0x"]);
      const reason = bioDental.interface.encodeErrorResult("BioDentalMalformedCid", ["0x"]);
      await expect(wallet.connect(carol).execute(await bioDental.getAddress(), data))
        .to.be.revertedWithCustomError(wallet, "MockWalletCallFailed")
        .withArgs(reason);
    });
  });
});
