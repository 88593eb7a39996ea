import { expect } from "chai";
import {
  type Hex,
  createPublicClient,
  getAddress,
  hashTypedData,
  http,
  hexToBytes,
  bytesToHex,
} from "viem";
import { checkPresentationOffChain } from "#lib/booth/checkPresentationOffChain.ts";
import { checkPresentationOnChain } from "#lib/booth/checkPresentationOnChain.ts";
import { presentationDigestOf } from "#lib/booth/checkPresentationSignature.ts";
import { decodePresentationQr } from "#lib/booth/decodePresentationQr.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { presentationTypedData } from "#lib/booth/presentationTypedData.ts";
import { createMemoryReplayStore } from "#lib/booth/replay/memoryReplayStore.ts";
import type { ReplayStore } from "#lib/booth/replay/replayStore.ts";
import type { SignedPresentation } from "#lib/booth/types.ts";
import type { VerdictCode } from "#lib/booth/verdicts.ts";
import { type Verdict, verdictToJson } from "#lib/booth/verdict.ts";
import { verifyPresentationQr, type BoothIdentity } from "#lib/booth/verifyPresentationQr.ts";
import {
  type BoothFixture,
  PRESENT,
  READ,
  boothFixture,
  chainNow,
  cidOf,
  client,
  networkHelpers,
  signPresentation,
  walletWithToken,
} from "./helpers/boothFixture.ts";

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The same signature with s' = n - s and v flipped: valid for ecrecover, refused by OpenZeppelin. */
function malleate(signature: Hex): Hex {
  const bytes = hexToBytes(signature);
  const s = BigInt(bytesToHex(bytes.subarray(32, 64)));
  const flipped = hexToBytes(`0x${(SECP256K1_N - s).toString(16).padStart(64, "0")}`);
  const out = bytes.slice();
  out.set(flipped, 32);
  out[64] = bytes[64] === 27 ? 28 : 27;
  return bytesToHex(out);
}

function withSignature(signed: SignedPresentation, signature: Hex): string {
  return encodePresentationQr({ ...signed, signature });
}

for (const method of ["on-chain", "off-chain"] as const) {
  describe(`booth verification (${method})`, () => {
    let f: BoothFixture;
    let identity: BoothIdentity;

    async function verify(input: string, overrides: Partial<BoothIdentity> = {}): Promise<Verdict> {
      return verifyPresentationQr(client, { ...identity, ...overrides, input });
    }

    async function expectVerdict(
      input: string,
      reason: VerdictCode,
      overrides: Partial<BoothIdentity> = {},
    ): Promise<Verdict> {
      const verdict = await verify(input, overrides);
      expect(verdict.reason, verdict.detail).to.equal(reason);
      expect(verdict.valid).to.equal(reason === "valid");
      return verdict;
    }

    beforeEach(async () => {
      f = await networkHelpers.loadFixture(boothFixture);
      identity = {
        chainId: f.chainId,
        contract: f.contract,
        booth: f.booth,
        replayStore: createMemoryReplayStore(),
        method,
      };
    });

    describe("when the owner presents a fresh code", () => {
      it("is valid and tells the token id, the holder and nothing the owner did not make public", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        const verdict = await expectVerdict(text, "valid");
        expect(verdict.outcome).to.equal("valid");
        expect(verdict.tokenId).to.equal(f.tokenId);
        expect(verdict.holder).to.equal(getAddress(f.alice.address));
        expect(verdict.publicProfile).to.equal(null);
        expect(verdict.message).to.match(/^Valid/);
      });

      it("shows the public title and story only while the owner consents", async () => {
        const story = cidOf("alice's public story");
        await (
          await f.nft.connect(f.alice).setPublicProfile(f.tokenId, "Brave smile", story, true)
        ).wait();
        const first = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        const verdict = await expectVerdict(first.text, "valid");
        expect(verdict.publicProfile?.title).to.equal("Brave smile");
        expect(verdict.publicProfile?.storyCid).to.match(/^bafkrei/);
        expect(verdictToJson(verdict)).to.deep.include({
          valid: true,
          reason: "valid",
          tokenId: f.tokenId.toString(),
        });

        await (await f.nft.connect(f.alice).setConsent(f.tokenId, false)).wait();
        const second = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        expect((await expectVerdict(second.text, "valid")).publicProfile).to.equal(null);
      });

      it("accepts the verify-link form too", async () => {
        const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        await expectVerdict(
          encodePresentationQr({ ...signed, verifyUrl: "http://127.0.0.1:5173/verify" }),
          "valid",
        );
      });
    });

    describe("when the same code is scanned again", () => {
      it("is refused as a replay, in both forms, while another fresh code is still accepted", async () => {
        const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        await expectVerdict(signed.text, "valid");
        await expectVerdict(signed.text, "replay");
        await expectVerdict(
          encodePresentationQr({ ...signed, verifyUrl: "https://x.example/verify" }),
          "replay",
        );
        const fresh = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        await expectVerdict(fresh.text, "valid");
      });

      it("never admits two concurrent scans of one code", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        const verdicts = await Promise.all(Array.from({ length: 8 }, () => verify(text)));
        expect(verdicts.filter((v) => v.valid)).to.have.length(1);
        expect(verdicts.filter((v) => v.reason === "replay")).to.have.length(7);
      });

      it("records only presentations that were otherwise valid", async () => {
        const good = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        const forged = await signPresentation({
          fixture: f,
          signer: f.stranger,
          holder: good.presentation.holder,
          tokenId: f.tokenId,
          challenge: good.presentation.challenge,
        });
        await expectVerdict(forged.text, "bad-signature");
        await expectVerdict(good.text, "valid");
      });

      it("refuses the replay from a separate verifier sharing the store", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        await expectVerdict(text, "valid");
        await expectVerdict(text, "replay", {
          method: method === "on-chain" ? "off-chain" : "on-chain",
        });
      });
    });

    describe("when time is wrong", () => {
      it("refuses an expired code", async () => {
        const now = await chainNow();
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          notAfter: now - 5n,
        });
        await expectVerdict(text, "expired");
      });

      it("refuses a code once its 30 seconds have passed", async () => {
        const { text, presentation } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          ttl: 30,
        });
        // increaseTo, not increase: the latest block may lag the pending time the code was made at.
        await networkHelpers.time.increaseTo(presentation.notAfter + 15n);
        const verdict = await expectVerdict(text, "expired");
        expect(verdict.outcome).to.equal("invalid");
      });

      it("refuses a code valid for more than 120 seconds as not yet valid", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          ttl: 600,
        });
        await expectVerdict(text, "not-yet-valid");
      });
    });

    describe("when the code was made for somewhere else", () => {
      it("refuses another chain, another contract and another booth before asking the chain", async () => {
        const otherChain = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          chainId: 1n,
        });
        await expectVerdict(otherChain.text, "wrong-chain");
        const otherContract = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          verifyingContract: getAddress(f.bob.address),
        });
        await expectVerdict(otherContract.text, "wrong-contract");
        const otherBooth = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          booth: getAddress(f.carol.address),
        });
        await expectVerdict(otherBooth.text, "wrong-booth");
        // A booth that is the code's booth but sits on a dead RPC still answers these: no chain needed.
        const dead = createPublicClient({
          transport: http("http://127.0.0.1:9", { retryCount: 0 }),
        });
        expect(
          (await verifyPresentationQr(dead, { ...identity, input: otherBooth.text })).reason,
        ).to.equal("wrong-booth");
      });
    });

    describe("when the booth is not in good standing", () => {
      it("refuses at a booth that was never registered", async () => {
        const unregistered = getAddress(f.carol.address);
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          booth: unregistered,
        });
        await expectVerdict(text, "booth-not-registered", { booth: unregistered });
      });

      it("refuses at a deactivated booth", async () => {
        await (await f.nft.connect(f.organizer).deactivateBooth(f.booth)).wait();
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        await expectVerdict(text, "booth-inactive");
      });
    });

    describe("when the token is missing", () => {
      it("refuses a token that was never minted", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId + 1n,
        });
        await expectVerdict(text, "token-not-found");
      });

      it("refuses a burned token", async () => {
        await (await f.nft.connect(f.alice).burn(f.tokenId)).wait();
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        await expectVerdict(text, "token-not-found");
      });
    });

    describe("when a delegate presents", () => {
      it("accepts a PRESENT grantee, then refuses it after the owner revokes", async () => {
        const expiry = (await chainNow()) + 3600n;
        await (
          await f.nft.connect(f.alice).grantAccess(f.tokenId, f.bob.address, PRESENT, expiry, "0x")
        ).wait();
        const before = await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId });
        const verdict = await expectVerdict(before.text, "valid");
        expect(verdict.holder).to.equal(getAddress(f.bob.address));

        await (await f.nft.connect(f.alice).revokeAccess(f.tokenId, f.bob.address)).wait();
        const after = await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId });
        const revoked = await expectVerdict(after.text, "delegate-expired-or-revoked");
        expect(revoked.detail).to.match(/revoked/);
        // Without the log lookup the contract's own answer stands.
        await expectVerdict(after.text, "not-owner-or-delegate", { revocationLookup: false });
      });

      it("refuses a grantee whose PRESENT grant expired", async () => {
        const expiry = (await chainNow()) + 100n;
        await (
          await f.nft
            .connect(f.alice)
            .grantAccess(f.tokenId, f.bob.address, PRESENT | READ, expiry, "0x")
        ).wait();
        await networkHelpers.time.increaseTo(expiry + 100n);
        const { text } = await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId });
        await expectVerdict(text, "delegate-expired-or-revoked");
      });

      it("refuses a READ-only grantee, and a stranger, as neither owner nor delegate", async () => {
        const expiry = (await chainNow()) + 3600n;
        await (
          await f.nft.connect(f.alice).grantAccess(f.tokenId, f.bob.address, READ, expiry, "0x")
        ).wait();
        const readOnly = await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId });
        await expectVerdict(readOnly.text, "not-owner-or-delegate");
        const stranger = await signPresentation({
          fixture: f,
          signer: f.stranger,
          tokenId: f.tokenId,
        });
        await expectVerdict(stranger.text, "not-owner-or-delegate");
      });

      it("refuses a grantee re-granted READ only after a revoke as neither owner nor delegate", async () => {
        const expiry = (await chainNow()) + 3600n;
        await (
          await f.nft.connect(f.alice).grantAccess(f.tokenId, f.bob.address, PRESENT, expiry, "0x")
        ).wait();
        await (await f.nft.connect(f.alice).revokeAccess(f.tokenId, f.bob.address)).wait();
        await (
          await f.nft.connect(f.alice).grantAccess(f.tokenId, f.bob.address, READ, expiry, "0x")
        ).wait();
        const { text } = await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId });
        await expectVerdict(text, "not-owner-or-delegate");
      });
    });

    describe("when the signature is wrong", () => {
      it("refuses a signature by someone else in the holder's name", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.stranger,
          holder: getAddress(f.alice.address),
          tokenId: f.tokenId,
        });
        await expectVerdict(text, "bad-signature");
      });

      it("refuses a malleated (high-s), a 0/1-v, a truncated, an empty and a garbage signature", async () => {
        const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        const bytes = hexToBytes(signed.signature);
        const lowV = bytes.slice();
        lowV[64] = bytes[64]! - 27;
        const garbage = bytes.slice();
        garbage.fill(0xee, 0, 32);
        for (const signature of [
          malleate(signed.signature),
          bytesToHex(lowV),
          bytesToHex(bytes.subarray(0, 64)),
          "0x" as Hex,
          bytesToHex(garbage),
          `${signed.signature}00` as Hex,
        ]) {
          await expectVerdict(withSignature(signed, signature), "bad-signature");
        }
        // The untouched one is still good: the refusals above recorded nothing.
        await expectVerdict(signed.text, "valid");
      });

      it("refuses a signature over other fields (notAfter changed after signing)", async () => {
        const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        const text = encodePresentationQr({
          ...signed,
          presentation: { ...signed.presentation, notAfter: signed.presentation.notAfter + 1n },
        });
        await expectVerdict(text, "bad-signature");
      });
    });

    describe("when the holder is a contract wallet (ERC-1271)", () => {
      it("accepts a wallet that approves its signer's signature, refuses one that rejects all", async () => {
        const accepting = await walletWithToken(f.nft, f.carol, false);
        const good = await signPresentation({
          fixture: f,
          signer: f.carol,
          holder: accepting.walletAddress,
          tokenId: accepting.tokenId,
        });
        await expectVerdict(good.text, "valid");
        await expectVerdict(good.text, "replay");

        const rejecting = await walletWithToken(f.nft, f.carol, true);
        const bad = await signPresentation({
          fixture: f,
          signer: f.carol,
          holder: rejecting.walletAddress,
          tokenId: rejecting.tokenId,
        });
        await expectVerdict(bad.text, "bad-signature");
      });
    });

    describe("when the input is not a presentation", () => {
      it("says malformed, with the rule that broke, and never throws", async () => {
        for (const input of [
          "",
          "hello",
          "bdp1.",
          "bdp1.!!!!",
          "https://example.com/verify",
          "bdp1." + "A".repeat(5000),
          "\u0000",
        ]) {
          const verdict = await expectVerdict(input, "malformed");
          expect(verdict.detail).to.be.a("string").and.not.equal("");
          expect(verdict.tokenId).to.equal(null);
        }
      });
    });

    describe("when the chain cannot be reached", () => {
      it("says cannot verify, never valid", async () => {
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        const dead = createPublicClient({
          transport: http("http://127.0.0.1:9", { retryCount: 0 }),
        });
        const verdict = await verifyPresentationQr(dead, { ...identity, input: text });
        expect(verdict.reason).to.equal("chain-unreachable");
        expect(verdict.outcome).to.equal("cannot-verify");
        expect(verdict.valid).to.equal(false);
        // Nothing was recorded: the same code verifies once the chain is back.
        await expectVerdict(text, "valid");
      });

      it("says cannot verify when no contract is at the booth's address", async () => {
        const nowhere = getAddress(f.bob.address);
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
          verifyingContract: nowhere,
        });
        const verdict = await verify(text, { contract: nowhere });
        expect(verdict.outcome).to.equal("cannot-verify");
      });
    });

    describe("when the replay store fails", () => {
      it("says cannot verify, never valid", async () => {
        const broken: ReplayStore = {
          claim: async () => {
            throw new Error("disk full");
          },
          prune: async () => {},
          close: async () => {},
        };
        const { text } = await signPresentation({
          fixture: f,
          signer: f.alice,
          tokenId: f.tokenId,
        });
        const verdict = await verify(text, { replayStore: broken });
        expect(verdict.reason).to.equal("store-unavailable");
        expect(verdict.valid).to.equal(false);
        expect(verdict.outcome).to.equal("cannot-verify");
      });
    });
  });
}

describe("booth verification: on-chain and off-chain agree", () => {
  it("hashes typed data exactly like the contract's presentationDigest", async () => {
    const f = await networkHelpers.loadFixture(boothFixture);
    const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
    const onChain = await f.nft.presentationDigest({ ...signed.presentation });
    expect(presentationDigestOf(signed)).to.equal(onChain);
    expect(hashTypedData(presentationTypedData(signed))).to.equal(onChain);
  });

  it("returns the same reason for every constructed case", async () => {
    const f = await networkHelpers.loadFixture(boothFixture);
    const now = await chainNow();
    const expiry = now + 3600n;
    await (
      await f.nft.connect(f.alice).grantAccess(f.tokenId, f.bob.address, PRESENT, expiry, "0x")
    ).wait();
    await (
      await f.nft.connect(f.alice).grantAccess(f.tokenId, f.carol.address, READ, expiry, "0x")
    ).wait();
    const inactive = getAddress(f.stranger.address);
    await (await f.nft.connect(f.organizer).registerBooth(inactive, "Closed booth")).wait();
    await (await f.nft.connect(f.organizer).deactivateBooth(inactive)).wait();
    const wallet = await walletWithToken(f.nft, f.carol, false);
    const rejecting = await walletWithToken(f.nft, f.carol, true);
    const shortGrant = (await chainNow()) + 50n;
    await (
      await f.nft
        .connect(f.alice)
        .grantAccess(f.tokenId, getAddress(f.organizer.address), PRESENT, shortGrant, "0x")
    ).wait();
    await networkHelpers.time.increaseTo(shortGrant + 10n);

    const alice = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
    const cases: Record<string, SignedPresentation> = {
      valid: alice,
      expired: await signPresentation({
        fixture: f,
        signer: f.alice,
        tokenId: f.tokenId,
        notAfter: now - 1n,
      }),
      tooFar: await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId, ttl: 300 }),
      unregistered: await signPresentation({
        fixture: f,
        signer: f.alice,
        tokenId: f.tokenId,
        booth: getAddress(f.bob.address),
      }),
      inactive: await signPresentation({
        fixture: f,
        signer: f.alice,
        tokenId: f.tokenId,
        booth: inactive,
      }),
      missing: await signPresentation({ fixture: f, signer: f.alice, tokenId: 12345n }),
      delegate: await signPresentation({ fixture: f, signer: f.bob, tokenId: f.tokenId }),
      readOnly: await signPresentation({ fixture: f, signer: f.carol, tokenId: f.tokenId }),
      stranger: await signPresentation({ fixture: f, signer: f.stranger, tokenId: f.tokenId }),
      forged: await signPresentation({
        fixture: f,
        signer: f.stranger,
        holder: getAddress(f.alice.address),
        tokenId: f.tokenId,
      }),
      malleated: { ...alice, signature: malleate(alice.signature) },
      wallet: await signPresentation({
        fixture: f,
        signer: f.carol,
        holder: wallet.walletAddress,
        tokenId: wallet.tokenId,
      }),
      rejectingWallet: await signPresentation({
        fixture: f,
        signer: f.carol,
        holder: rejecting.walletAddress,
        tokenId: rejecting.tokenId,
      }),
      expiredDelegate: await signPresentation({
        fixture: f,
        signer: f.organizer,
        tokenId: f.tokenId,
      }),
    };
    const reasons: Record<string, [number, number]> = {};
    for (const [name, signed] of Object.entries(cases)) {
      const parameters = {
        contract: f.contract,
        signed: decodePresentationQr(encodePresentationQr(signed)),
      };
      reasons[name] = [
        await checkPresentationOnChain(client, parameters),
        await checkPresentationOffChain(client, parameters),
      ];
    }
    for (const [name, [onChain, offChain]] of Object.entries(reasons))
      expect(offChain, name).to.equal(onChain);
    // And they are the reasons the cases were built for (so the agreement is not vacuous).
    expect(
      Object.fromEntries(Object.entries(reasons).map(([name, [reason]]) => [name, reason])),
    ).to.deep.equal({
      valid: 0,
      expired: 1,
      tooFar: 2,
      unregistered: 3,
      inactive: 4,
      missing: 5,
      delegate: 0,
      readOnly: 6,
      stranger: 6,
      forged: 8,
      malleated: 8,
      wallet: 0,
      rejectingWallet: 8,
      expiredDelegate: 7,
    });
  });
});
