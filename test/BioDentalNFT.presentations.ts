import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { TypedDataDomain } from "ethers";
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
import { cidV1, RAW } from "./fixtures/cids.ts";
import {
  domainOf,
  presentationHash,
  type PresentationMessage,
  signPresentation,
} from "./fixtures/eip712.ts";
import type { BioDentalNFT } from "../types/ethers-contracts/index.ts";

/** PresentationReason, numbered as IBioDentalNFT documents it (part of the booth protocol). */
const Reason = {
  Valid: 0n,
  Expired: 1n,
  TooFarAhead: 2n,
  BoothNotRegistered: 3n,
  BoothInactive: 4n,
  NonexistentToken: 5n,
  HolderNotAuthorized: 6n,
  DelegateExpired: 7n,
  BadSignature: 8n,
} as const;

const WINDOW = 120;

async function verdict(bioDental: BioDentalNFT, message: PresentationMessage, signature: string) {
  const [valid, reason] = await bioDental.verifyPresentation(message, signature);
  return { valid, reason };
}

/** Asserts the verdict: `reason`, and valid exactly when the reason is Valid (0). */
async function expectVerdict(
  bioDental: BioDentalNFT,
  message: PresentationMessage,
  signature: string,
  reason: bigint,
) {
  expect(await verdict(bioDental, message, signature)).to.deep.equal({
    valid: reason === Reason.Valid,
    reason,
  });
}

describe("BioDentalNFT booth presentations (verifyPresentation)", () => {
  /**
   * Alice owns a token; the booth is registered; Dave (a PRESENT delegate) and Reed (a READ-only
   * grantee) hold grants for a day. `present` builds and signs a presentation valid right now.
   */
  async function presentationFixture() {
    const minted = await mintedFixture();
    const { bioDental, alice, booth, bob: dave, carol: reed, deployer } = minted;
    await (await bioDental.connect(deployer).registerBooth(booth.address, "Smile Lab")).wait();
    const grantExpiry = BigInt((await time.latest()) + ONE_DAY);
    await (
      await bioDental
        .connect(alice)
        .grantAccess(minted.tokenId, dave.address, PRESENT, grantExpiry, "0x")
    ).wait();
    await (
      await bioDental
        .connect(alice)
        .grantAccess(minted.tokenId, reed.address, READ, grantExpiry, WRAPPED_KEY)
    ).wait();
    const domain = await domainOf(bioDental);
    return { ...minted, dave, reed, grantExpiry, domain };
  }

  /** A presentation of `tokenId` by `holder` at `booth`, expiring `ahead` seconds from the latest block. */
  async function presentation(
    tokenId: bigint,
    holder: string,
    booth: string,
    ahead = 60,
  ): Promise<PresentationMessage> {
    return {
      tokenId,
      holder,
      booth,
      challenge: ethers.keccak256(ethers.toUtf8Bytes(`booth challenge ${holder} ${ahead}`)),
      notAfter: BigInt((await time.latest()) + ahead),
    };
  }

  async function signed(
    signer: HardhatEthersSigner,
    domain: TypedDataDomain,
    message: PresentationMessage,
  ) {
    return { message, signature: await signPresentation(signer, domain, message) };
  }

  describe("when the owner presents to an active booth", () => {
    it("is valid (reason 0)", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });

    it("is valid with notAfter exactly now", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address, 0),
      );
      expect(message.notAfter).to.equal(BigInt(await time.latest()));
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });

    it("is valid with notAfter exactly now + 120", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const message = await presentation(tokenId, alice.address, booth.address, WINDOW);
      const result = await signed(alice, domain, message);
      expect(message.notAfter).to.equal(BigInt((await time.latest()) + WINDOW));
      await expectVerdict(bioDental, result.message, result.signature, Reason.Valid);
    });
  });

  describe("when a PRESENT delegate presents", () => {
    it("is valid (reason 0) with the delegate's own signature", async () => {
      const { bioDental, dave, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        dave,
        domain,
        await presentation(tokenId, dave.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });

    it("is valid for a READ|PRESENT delegate too", async () => {
      const { bioDental, alice, stranger, booth, tokenId, grantExpiry, domain } =
        await loadFixture(presentationFixture);
      await bioDental
        .connect(alice)
        .grantAccess(tokenId, stranger.address, READ_AND_PRESENT, grantExpiry, WRAPPED_KEY);
      const { message, signature } = await signed(
        stranger,
        domain,
        await presentation(tokenId, stranger.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });

    it("is DelegateExpired (7) from the grant's expiry on", async () => {
      const { bioDental, dave, booth, tokenId, grantExpiry, domain } =
        await loadFixture(presentationFixture);
      await time.increaseTo(grantExpiry - 1n);
      const before = await signed(
        dave,
        domain,
        await presentation(tokenId, dave.address, booth.address),
      );
      await expectVerdict(bioDental, before.message, before.signature, Reason.Valid);
      await time.increaseTo(grantExpiry);
      const after = await signed(
        dave,
        domain,
        await presentation(tokenId, dave.address, booth.address),
      );
      await expectVerdict(bioDental, after.message, after.signature, Reason.DelegateExpired);
    });

    it("is HolderNotAuthorized (6) once the owner revokes the grant", async () => {
      const { bioDental, alice, dave, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      await bioDental.connect(alice).revokeAccess(tokenId, dave.address);
      const { message, signature } = await signed(
        dave,
        domain,
        await presentation(tokenId, dave.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.HolderNotAuthorized);
    });

    it("is BadSignature (8) when the owner signed in the delegate's name", async () => {
      const { bioDental, alice, dave, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, dave.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.BadSignature);
    });
  });

  describe("when notAfter is in the past", () => {
    it("is Expired (1) one second after notAfter", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address, 30),
      );
      await time.increaseTo(message.notAfter);
      await expectVerdict(bioDental, message, signature, Reason.Valid);
      await time.increaseTo(message.notAfter + 1n);
      await expectVerdict(bioDental, message, signature, Reason.Expired);
    });
  });

  describe("when notAfter is too far ahead", () => {
    it("is TooFarAhead (2) at now + 121", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address, WINDOW + 1),
      );
      await expectVerdict(bioDental, message, signature, Reason.TooFarAhead);
    });

    it("is TooFarAhead (2) for the largest uint64 notAfter", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const message = {
        ...(await presentation(tokenId, alice.address, booth.address)),
        notAfter: 2n ** 64n - 1n,
      };
      const signature = await signPresentation(alice, domain, message);
      await expectVerdict(bioDental, message, signature, Reason.TooFarAhead);
    });
  });

  describe("when the booth was never registered", () => {
    it("is BoothNotRegistered (3)", async () => {
      const { bioDental, alice, stranger, tokenId, domain } =
        await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, stranger.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.BoothNotRegistered);
    });

    it("is BoothNotRegistered (3) for the zero address", async () => {
      const { bioDental, alice, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, ethers.ZeroAddress),
      );
      await expectVerdict(bioDental, message, signature, Reason.BoothNotRegistered);
    });
  });

  describe("when the booth was deactivated", () => {
    it("is BoothInactive (4), and valid again once re-activated", async () => {
      const { bioDental, alice, booth, deployer, tokenId, domain } =
        await loadFixture(presentationFixture);
      await bioDental.connect(deployer).deactivateBooth(booth.address);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.BoothInactive);
      await bioDental.connect(deployer).registerBooth(booth.address, "Smile Lab");
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });
  });

  describe("when the token does not exist", () => {
    it("is NonexistentToken (5) for a never-minted token", async () => {
      const { bioDental, alice, booth, domain } = await loadFixture(presentationFixture);
      const missing = tokenIdOf(alice.address, 1);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(missing, alice.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.NonexistentToken);
    });

    it("is NonexistentToken (5) for a burned token, for its owner and its former delegate", async () => {
      const { bioDental, alice, dave, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      await bioDental.connect(alice).burn(tokenId);
      for (const holder of [alice, dave]) {
        const { message, signature } = await signed(
          holder,
          domain,
          await presentation(tokenId, holder.address, booth.address),
        );
        await expectVerdict(bioDental, message, signature, Reason.NonexistentToken);
      }
    });
  });

  describe("when the holder is neither the owner nor a PRESENT delegate", () => {
    it("is HolderNotAuthorized (6) for a stranger signing for itself", async () => {
      const { bioDental, stranger, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        stranger,
        domain,
        await presentation(tokenId, stranger.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.HolderNotAuthorized);
    });

    it("is HolderNotAuthorized (6) for a READ-only grantee", async () => {
      const { bioDental, reed, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        reed,
        domain,
        await presentation(tokenId, reed.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.HolderNotAuthorized);
    });

    it("is HolderNotAuthorized (6) for the owner of another token", async () => {
      const { bioDental, stranger, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      await bioDental.connect(stranger).mint(cidV1("stranger's record", RAW));
      const { message, signature } = await signed(
        stranger,
        domain,
        await presentation(tokenId, stranger.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.HolderNotAuthorized);
    });
  });

  describe("when the signature is not the holder's", () => {
    it("is BadSignature (8) when signed by someone else", async () => {
      const { bioDental, alice, stranger, booth, tokenId, domain } =
        await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        stranger,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      await expectVerdict(bioDental, message, signature, Reason.BadSignature);
    });

    it("is BadSignature (8) when signed for another booth", async () => {
      const { bioDental, alice, booth, stranger, deployer, tokenId, domain } =
        await loadFixture(presentationFixture);
      await bioDental.connect(deployer).registerBooth(stranger.address, "Other booth");
      const forOther = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, stranger.address),
      );
      await expectVerdict(bioDental, forOther.message, forOther.signature, Reason.Valid);
      const replayed = { ...forOther.message, booth: booth.address };
      await expectVerdict(bioDental, replayed, forOther.signature, Reason.BadSignature);
    });

    it("is BadSignature (8) when the challenge or notAfter was changed after signing", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      for (const tampered of [
        { ...message, challenge: ethers.ZeroHash },
        { ...message, notAfter: message.notAfter + 1n },
      ]) {
        await expectVerdict(bioDental, tampered, signature, Reason.BadSignature);
      }
    });

    it("is BadSignature (8) when signed for another contract or chain", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const message = await presentation(tokenId, alice.address, booth.address);
      const other = (await deployThroughIgnition()).bioDental;
      for (const wrong of [await domainOf(other), { ...domain, chainId: 1n }]) {
        const signature = await signPresentation(alice, wrong, message);
        await expectVerdict(bioDental, message, signature, Reason.BadSignature);
      }
    });

    it("is BadSignature (8) for malformed signature bytes", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      for (const bad of [
        "0x",
        "0x00",
        "0x1234",
        signature.slice(0, -2),
        `${signature.slice(0, -2)}1f`,
        `${signature}00`,
      ]) {
        await expectVerdict(bioDental, message, bad, Reason.BadSignature);
      }
    });
  });

  describe("when several conditions fail at once", () => {
    it("reports the first failing condition in the documented order", async () => {
      const { bioDental, stranger, booth, tokenId } = await loadFixture(presentationFixture);
      // Stranger, unregistered booth, bad signature, and expired: Expired wins.
      const expired = {
        ...(await presentation(tokenId, stranger.address, stranger.address)),
        notAfter: 1n,
      };
      await expectVerdict(bioDental, expired, "0x", Reason.Expired);
      // Unregistered booth beats a stranger holder and a bad signature.
      const unregistered = await presentation(tokenId, stranger.address, stranger.address);
      await expectVerdict(bioDental, unregistered, "0x", Reason.BoothNotRegistered);
      // A stranger holder beats a bad signature.
      const holder = await presentation(tokenId, stranger.address, booth.address);
      await expectVerdict(bioDental, holder, "0x", Reason.HolderNotAuthorized);
    });
  });

  describe("when the holder is an ERC-1271 contract wallet", () => {
    async function walletFixture() {
      const base = await presentationFixture();
      return { ...base, ...(await walletOwners(base.bioDental, base.stranger)) };
    }

    it("is valid (0) when the wallet's signer signed", async () => {
      const { bioDental, stranger, booth, wallet, walletTokenId, domain } =
        await loadFixture(walletFixture);
      const message = await presentation(walletTokenId, await wallet.getAddress(), booth.address);
      const signature = await signPresentation(stranger, domain, message);
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });

    it("is BadSignature (8) when someone else signed for the wallet", async () => {
      const { bioDental, alice, booth, wallet, walletTokenId, domain } =
        await loadFixture(walletFixture);
      const message = await presentation(walletTokenId, await wallet.getAddress(), booth.address);
      const signature = await signPresentation(alice, domain, message);
      await expectVerdict(bioDental, message, signature, Reason.BadSignature);
    });

    it("is BadSignature (8) when the wallet rejects every signature", async () => {
      const { bioDental, stranger, booth, rejecting, rejectingTokenId, domain } =
        await loadFixture(walletFixture);
      const message = await presentation(
        rejectingTokenId,
        await rejecting.getAddress(),
        booth.address,
      );
      const signature = await signPresentation(stranger, domain, message);
      await expectVerdict(bioDental, message, signature, Reason.BadSignature);
    });

    it("is valid (0) when the wallet is a PRESENT delegate of an EOA's token", async () => {
      const { bioDental, alice, stranger, booth, wallet, tokenId, grantExpiry, domain } =
        await loadFixture(walletFixture);
      const walletAddress = await wallet.getAddress();
      await bioDental
        .connect(alice)
        .grantAccess(tokenId, walletAddress, PRESENT, grantExpiry, "0x");
      const message = await presentation(tokenId, walletAddress, booth.address);
      const signature = await signPresentation(stranger, domain, message);
      await expectVerdict(bioDental, message, signature, Reason.Valid);
    });
  });

  describe("presentationDigest", () => {
    it("equals ethers' EIP-712 hash of the presentation", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const message = await presentation(tokenId, alice.address, booth.address);
      expect(await bioDental.presentationDigest(message)).to.equal(
        presentationHash(domain, message),
      );
      const other = { ...message, challenge: ethers.id("another challenge"), notAfter: 12345n };
      expect(await bioDental.presentationDigest(other)).to.equal(presentationHash(domain, other));
    });

    it("is what the holder's signature recovers to", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      expect(
        ethers.recoverAddress(await bioDental.presentationDigest(message), signature),
      ).to.equal(alice.address);
    });
  });

  describe("when the calldata is not canonical ABI (dirty high bits in a field)", () => {
    // The struct is static, so it sits inline after the selector: tokenId, holder, booth,
    // challenge, notAfter (words 0-4), then the signature's offset.
    for (const [field, word, dirty] of [
      ["holder", 1, "ff"],
      ["booth", 2, "ff"],
      ["notAfter", 4, "01"],
    ] as const) {
      it(`reverts without data for a dirty ${field}, as Solidity's decoder does`, async () => {
        const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
        const { message, signature } = await signed(
          alice,
          domain,
          await presentation(tokenId, alice.address, booth.address),
        );
        const data = bioDental.interface.encodeFunctionData("verifyPresentation", [
          message,
          signature,
        ]);
        const start = 10 + word * 64; // "0x" + selector, then 64 hex characters per word
        const dirtied = `${data.slice(0, start)}${dirty}${data.slice(start + 2)}`;
        const to = await bioDental.getAddress();
        // The clean encoding verifies; only the dirtied byte differs.
        expect(
          bioDental.interface.decodeFunctionResult(
            "verifyPresentation",
            await ethers.provider.call({ to, data }),
          ),
        ).to.deep.equal([true, Reason.Valid]);
        await expect(ethers.provider.call({ to, data: dirtied })).to.be.revertedWithoutReason(
          ethers,
        );
      });
    }
  });

  describe("as a view", () => {
    it("is declared view in the ABI, so it cannot write an attendance trail", async () => {
      const { bioDental } = await loadFixture(presentationFixture);
      expect(bioDental.interface.getFunction("verifyPresentation")!.stateMutability).to.equal(
        "view",
      );
      expect(bioDental.interface.getFunction("presentationDigest")!.stateMutability).to.equal(
        "view",
      );
    });

    it("writes nothing and emits nothing even when sent as a transaction", async () => {
      const { bioDental, alice, booth, tokenId, domain } = await loadFixture(presentationFixture);
      const { message, signature } = await signed(
        alice,
        domain,
        await presentation(tokenId, alice.address, booth.address),
      );
      const data = bioDental.interface.encodeFunctionData("verifyPresentation", [
        message,
        signature,
      ]);
      const tx = await alice.sendTransaction({ to: await bioDental.getAddress(), data });
      const receipt = await tx.wait();
      expect(receipt!.status).to.equal(1);
      expect(receipt!.logs).to.have.length(0);
      const trace = (await ethers.provider.send("debug_traceTransaction", [tx.hash])) as {
        structLogs: { op: string }[];
      };
      const writes = trace.structLogs.filter((log) =>
        ["SSTORE", "TSTORE", "LOG0", "LOG1", "LOG2", "LOG3", "LOG4"].includes(log.op),
      );
      expect(writes).to.have.length(0);
    });
  });
});
