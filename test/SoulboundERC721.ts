import { expect } from "chai";
import { FunctionFragment } from "ethers";
import { ethers, loadFixture, mintedFixture, tokenIdOf } from "./fixtures/bioDental.ts";
import { cidV0 } from "./fixtures/cids.ts";

/** Interface ids as their standards publish them (not computed from the contract's own ABI). */
const INTERFACE_IDS: [string, string][] = [
  ["ERC-165", "0x01ffc9a7"],
  ["ERC-721", "0x80ac58cd"],
  ["ERC-721 Metadata", "0x5b5e139f"],
  ["ERC-5192 (soulbound)", "0xb45a3c0e"],
  ["ERC-4906 (metadata updates)", "0x49064906"],
  ["AccessControl", "0x7965db0b"],
];

const UNSUPPORTED_IDS: [string, string][] = [
  ["0xffffffff, which ERC-165 requires to be false", "0xffffffff"],
  ["a random id", "0x12345678"],
  ["ERC-721 Enumerable, which is not implemented", "0x780e9d63"],
  ["ERC-4907 (rentable), which is not implemented", "0xad092b5c"],
  ["the zero id", "0x00000000"],
];

describe("SoulboundERC721 (as BioDentalNFT)", () => {
  describe("supportsInterface", () => {
    for (const [label, id] of INTERFACE_IDS) {
      it(`is true for ${label} (${id})`, async () => {
        const { bioDental } = await loadFixture(mintedFixture);
        expect(await bioDental.supportsInterface(id)).to.equal(true);
      });
    }

    for (const [label, id] of UNSUPPORTED_IDS) {
      it(`is false for ${label}`, async () => {
        const { bioDental } = await loadFixture(mintedFixture);
        expect(await bioDental.supportsInterface(id)).to.equal(false);
      });
    }

    it("computes the ERC-721 id the standard publishes from the contract's own ABI", async () => {
      const { bioDental } = await loadFixture(mintedFixture);
      const erc721 = [
        "balanceOf(address)",
        "ownerOf(uint256)",
        "safeTransferFrom(address,address,uint256,bytes)",
        "safeTransferFrom(address,address,uint256)",
        "transferFrom(address,address,uint256)",
        "approve(address,uint256)",
        "setApprovalForAll(address,bool)",
        "getApproved(uint256)",
        "isApprovedForAll(address,address)",
      ];
      const functions = bioDental.interface.fragments.filter(
        (fragment) => fragment instanceof FunctionFragment,
      );
      const id = erc721
        .map((signature) => {
          const fragment = functions.find((candidate) => candidate.format("sighash") === signature);
          expect(fragment, signature).to.not.equal(undefined);
          return BigInt(fragment!.selector);
        })
        .reduce((acc, selector) => acc ^ selector, 0n);
      expect(ethers.toBeHex(id, 4)).to.equal("0x80ac58cd");
    });
  });

  describe("locked (ERC-5192)", () => {
    describe("when the token exists", () => {
      it("is true", async () => {
        const { bioDental, tokenId } = await loadFixture(mintedFixture);
        expect(await bioDental.locked(tokenId)).to.equal(true);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.locked(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });

    describe("when a token lives from mint to burn", () => {
      it("emits Locked once, at mint, and never Unlocked", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const second = tokenIdOf(alice.address, 1);
        await expect(bioDental.connect(alice).mint(cidV0("two")))
          .to.emit(bioDental, "Locked")
          .withArgs(second);
        await bioDental.connect(alice).updateRecord(second, cidV0("three"));
        await bioDental.connect(alice).burn(second);
        const locked = await bioDental.queryFilter(bioDental.filters.Locked(), 0, "latest");
        expect(locked.map((event) => event.args.tokenId)).to.deep.equal([
          tokenIdOf(alice.address, 0),
          second,
        ]);
        expect(
          await bioDental.queryFilter(bioDental.filters.Unlocked(), 0, "latest"),
        ).to.have.length(0);
      });
    });
  });

  describe("balanceOf", () => {
    describe("when asked about the zero address", () => {
      it("reverts with BioDentalInvalidOwner(0)", async () => {
        const { bioDental } = await loadFixture(mintedFixture);
        await expect(bioDental.balanceOf(ethers.ZeroAddress))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidOwner")
          .withArgs(ethers.ZeroAddress);
      });
    });

    describe("when the account holds nothing", () => {
      it("is zero", async () => {
        const { bioDental, stranger } = await loadFixture(mintedFixture);
        expect(await bioDental.balanceOf(stranger.address)).to.equal(0n);
      });
    });
  });

  describe("ownerOf", () => {
    describe("when the token exists", () => {
      it("is the minter", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        expect(await bioDental.ownerOf(tokenId)).to.equal(alice.address);
      });
    });

    describe("when the token never existed", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental } = await loadFixture(mintedFixture);
        await expect(bioDental.ownerOf(0n))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(0n);
      });
    });
  });

  describe("approvals", () => {
    describe("getApproved", () => {
      it("is the zero address for an existing token", async () => {
        const { bioDental, tokenId } = await loadFixture(mintedFixture);
        expect(await bioDental.getApproved(tokenId)).to.equal(ethers.ZeroAddress);
      });

      it("reverts with BioDentalNonexistentToken(tokenId) for a missing token", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.getApproved(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });

    describe("isApprovedForAll", () => {
      it("is false, even for the owner itself", async () => {
        const { bioDental, alice, bob } = await loadFixture(mintedFixture);
        expect(await bioDental.isApprovedForAll(alice.address, bob.address)).to.equal(false);
        expect(await bioDental.isApprovedForAll(alice.address, alice.address)).to.equal(false);
      });
    });

    describe("when the owner calls approve", () => {
      it("reverts with BioDentalApprovalDisabled()", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(alice).approve(bob.address, tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalApprovalDisabled")
          .withArgs();
        await expect(bioDental.connect(alice).approve(ethers.ZeroAddress, tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalApprovalDisabled")
          .withArgs();
      });
    });

    describe("when the owner calls setApprovalForAll", () => {
      it("reverts with BioDentalApprovalDisabled() whether approving or revoking", async () => {
        const { bioDental, alice, bob } = await loadFixture(mintedFixture);
        for (const approved of [true, false]) {
          await expect(bioDental.connect(alice).setApprovalForAll(bob.address, approved))
            .to.be.revertedWithCustomError(bioDental, "BioDentalApprovalDisabled")
            .withArgs();
        }
      });
    });
  });

  describe("transfers", () => {
    describe("when the owner tries each transfer path", () => {
      it("transferFrom reverts with BioDentalTransferDisabled(tokenId)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(alice).transferFrom(alice.address, bob.address, tokenId))
          .to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled")
          .withArgs(tokenId);
      });

      it("safeTransferFrom(address,address,uint256) reverts with BioDentalTransferDisabled(tokenId)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(
          bioDental
            .connect(alice)
            ["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, tokenId),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled")
          .withArgs(tokenId);
      });

      it("safeTransferFrom(address,address,uint256,bytes) reverts with BioDentalTransferDisabled(tokenId)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(
          bioDental
            .connect(alice)
            ["safeTransferFrom(address,address,uint256,bytes)"](
              alice.address,
              bob.address,
              tokenId,
              "0x1234",
            ),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled")
          .withArgs(tokenId);
      });

      it("leaves ownership and balances unchanged", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(
          bioDental.connect(alice).transferFrom(alice.address, bob.address, tokenId),
        ).to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled");
        expect(await bioDental.ownerOf(tokenId)).to.equal(alice.address);
        expect(await bioDental.balanceOf(alice.address)).to.equal(1n);
        expect(await bioDental.balanceOf(bob.address)).to.equal(0n);
      });
    });

    describe("when a third party tries to move someone else's token", () => {
      it("every path reverts with BioDentalTransferDisabled(tokenId)", async () => {
        const { bioDental, alice, bob, tokenId } = await loadFixture(mintedFixture);
        const asBob = bioDental.connect(bob);
        const attempts = [
          asBob.transferFrom(alice.address, bob.address, tokenId),
          asBob["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, tokenId),
          asBob["safeTransferFrom(address,address,uint256,bytes)"](
            alice.address,
            bob.address,
            tokenId,
            "0x",
          ),
        ];
        for (const attempt of attempts) {
          await expect(attempt)
            .to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled")
            .withArgs(tokenId);
        }
      });
    });

    describe("when the token does not exist", () => {
      it("every path still reverts with BioDentalTransferDisabled(tokenId)", async () => {
        const { bioDental, alice, bob } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 9);
        const asAlice = bioDental.connect(alice);
        const attempts = [
          asAlice.transferFrom(alice.address, bob.address, missing),
          asAlice["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, missing),
          asAlice["safeTransferFrom(address,address,uint256,bytes)"](
            alice.address,
            bob.address,
            missing,
            "0x",
          ),
        ];
        for (const attempt of attempts) {
          await expect(attempt)
            .to.be.revertedWithCustomError(bioDental, "BioDentalTransferDisabled")
            .withArgs(missing);
        }
      });
    });
  });
});
