import { expect } from "chai";
import { loadFixture, mintedFixture, tokenIdOf } from "./fixtures/bioDental.ts";
import {
  cidRepresentations,
  cidToV1String,
  cidV0,
  cidV1,
  DAG_JSON,
  DAG_PB,
  digestOf,
  joinHex,
  RAW,
} from "./fixtures/cids.ts";
import { attribute, decodeTokenUri, parseSvg } from "./fixtures/tokenUri.ts";
import type { BioDentalNFT } from "../types/ethers-contracts/index.ts";

const TITLE = "Brave at the dentist";
const STORY = cidV1("my public story", RAW);
const DEFAULT_NAME = "Bio-Dental Record";

/** Every printable ASCII character the contract allows in a title (0x20-0x7e without " \ < > &). */
const ALLOWED_CHARACTERS = Array.from({ length: 0x7f - 0x20 }, (_, i) =>
  String.fromCharCode(0x20 + i),
)
  .filter((c) => !`"\\<>&`.includes(c))
  .join("");

async function metadataOf(bioDental: BioDentalNFT, tokenId: bigint) {
  return decodeTokenUri(await bioDental.tokenURI(tokenId));
}

/** The text of the SVG's <text> element: the only place the art shows words. */
function svgText(svg: string): string {
  const texts = parseSvg(svg).filter((element) => element.name === "text");
  expect(texts).to.have.length(1);
  return texts[0].text;
}

describe("BioDentalNFT public profile, consent and tokenURI", () => {
  describe("setPublicProfile", () => {
    describe("when the owner sets a profile with consent", () => {
      it("emits PublicProfileUpdated(tokenId, true) and MetadataUpdate(tokenId)", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, true))
          .to.emit(bioDental, "PublicProfileUpdated")
          .withArgs(tokenId, true)
          .and.to.emit(bioDental, "MetadataUpdate")
          .withArgs(tokenId);
      });

      it("reveals the title and the exact story CID through publicProfileOf", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal([TITLE, STORY, true]);
      });

      for (const [label, story] of [
        ["a CIDv0 story", cidV0("v0 story")],
        ["a dag-pb CIDv1 story", cidV1("dag-pb story", DAG_PB)],
        ["a dag-json CIDv1 story (two-byte codec)", cidV1("dag-json story", DAG_JSON)],
      ]) {
        it(`round-trips ${label} exactly`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, story, true);
          expect((await bioDental.publicProfileOf(tokenId)).storyCid).to.equal(story);
        });
      }

      it("accepts an empty title and an empty story", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, "", "0x", true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal(["", "0x", true]);
      });

      it("accepts a 64-byte title and every allowed printable character", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        const longest = "x".repeat(64);
        await bioDental.connect(alice).setPublicProfile(tokenId, longest, "0x", true);
        expect((await bioDental.publicProfileOf(tokenId)).title).to.equal(longest);
        for (let start = 0; start < ALLOWED_CHARACTERS.length; start += 64) {
          const title = ALLOWED_CHARACTERS.slice(start, start + 64);
          await bioDental.connect(alice).setPublicProfile(tokenId, title, "0x", true);
          expect((await bioDental.publicProfileOf(tokenId)).title).to.equal(title);
        }
      });

      it("replaces the whole profile, removing a story when the new one has none", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, true);
        await bioDental.connect(alice).setPublicProfile(tokenId, "Second title", "0x", true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal([
          "Second title",
          "0x",
          true,
        ]);
        const { metadata } = await metadataOf(bioDental, tokenId);
        expect(metadata.external_url).to.equal(undefined);
        expect(attribute(metadata, "Public story")).to.equal("private");
      });
    });

    describe("when the owner sets a profile without consent", () => {
      it("emits PublicProfileUpdated(tokenId, false) and MetadataUpdate(tokenId)", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, false))
          .to.emit(bioDental, "PublicProfileUpdated")
          .withArgs(tokenId, false)
          .and.to.emit(bioDental, "MetadataUpdate")
          .withArgs(tokenId);
      });

      it("hides everything from publicProfileOf", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, false);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal(["", "0x", false]);
      });
    });

    describe("when the title is invalid", () => {
      const invalidTitles: [string, string][] = [
        ["65 bytes long", "x".repeat(65)],
        ["a double quote", 'say "cheese"'],
        ["a backslash", "back\\slash"],
        ["a less-than sign", "a<b"],
        ["a greater-than sign", "a>b"],
        ["an ampersand", "salt & pepper"],
        ["a NUL byte", "nul\u0000"],
        ["a newline", "two\nlines"],
        ["a tab", "tab\there"],
        ["the last control character (0x1f)", "unit\u001fsep"],
        ["DEL (0x7f)", "del\u007f"],
        ["a non-ASCII letter", "sourire é"],
        ["an emoji", "smile 😁"],
        ["a script-breaking sequence", "</text><script>"],
      ];
      for (const [label, title] of invalidTitles) {
        it(`rejects a title with ${label} with BioDentalInvalidTitle()`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await expect(bioDental.connect(alice).setPublicProfile(tokenId, title, "0x", true))
            .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidTitle")
            .withArgs();
        });
      }

      it("rejects a title of 64 characters but 65 bytes", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await expect(
          bioDental.connect(alice).setPublicProfile(tokenId, `${"x".repeat(63)}é`, "0x", true),
        )
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidTitle")
          .withArgs();
      });
    });

    describe("when the story CID is malformed", () => {
      const digest = digestOf("story");
      for (const [label, story] of [
        ["a lone byte", "0x12"],
        ["a CIDv0 with a trailing byte", joinHex("1220", digest, [0])],
        ["a CIDv1 with a sha2-512 code", joinHex("01551320", digest)],
        ["a non-minimal varint codec", joinHex("0180001220", digest)],
        ["a CIDv2", joinHex("02551220", digest)],
      ]) {
        it(`rejects ${label} with BioDentalMalformedCid(cid)`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await expect(bioDental.connect(alice).setPublicProfile(tokenId, TITLE, story, true))
            .to.be.revertedWithCustomError(bioDental, "BioDentalMalformedCid")
            .withArgs(story);
        });
      }
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId)", async () => {
        const { bioDental, bob, tokenId } = await loadFixture(mintedFixture);
        await expect(bioDental.connect(bob).setPublicProfile(tokenId, TITLE, STORY, true))
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(bob.address, tokenId);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.connect(alice).setPublicProfile(missing, TITLE, STORY, true))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });
  });

  describe("setConsent", () => {
    async function profileFixture() {
      const minted = await mintedFixture();
      await (
        await minted.bioDental
          .connect(minted.alice)
          .setPublicProfile(minted.tokenId, TITLE, STORY, false)
      ).wait();
      return minted;
    }

    describe("when the owner turns consent on", () => {
      it("emits PublicProfileUpdated(tokenId, true) and MetadataUpdate(tokenId)", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(profileFixture);
        await expect(bioDental.connect(alice).setConsent(tokenId, true))
          .to.emit(bioDental, "PublicProfileUpdated")
          .withArgs(tokenId, true)
          .and.to.emit(bioDental, "MetadataUpdate")
          .withArgs(tokenId);
      });

      it("reveals the profile stored earlier", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(profileFixture);
        await bioDental.connect(alice).setConsent(tokenId, true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal([TITLE, STORY, true]);
      });
    });

    describe("when the owner turns consent off", () => {
      it("emits PublicProfileUpdated(tokenId, false) and MetadataUpdate(tokenId), and hides the profile", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(profileFixture);
        await bioDental.connect(alice).setConsent(tokenId, true);
        await expect(bioDental.connect(alice).setConsent(tokenId, false))
          .to.emit(bioDental, "PublicProfileUpdated")
          .withArgs(tokenId, false)
          .and.to.emit(bioDental, "MetadataUpdate")
          .withArgs(tokenId);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal(["", "0x", false]);
      });

      it("keeps the profile for when consent returns", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(profileFixture);
        await bioDental.connect(alice).setConsent(tokenId, true);
        await bioDental.connect(alice).setConsent(tokenId, false);
        await bioDental.connect(alice).setConsent(tokenId, true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal([TITLE, STORY, true]);
      });
    });

    describe("when the token never had a profile", () => {
      it("turns consent on over an empty profile", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setConsent(tokenId, true);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal(["", "0x", true]);
        const { metadata } = await metadataOf(bioDental, tokenId);
        expect(metadata.name).to.equal(DEFAULT_NAME);
      });
    });

    describe("when the caller is not the owner", () => {
      it("reverts with BioDentalUnauthorized(caller, tokenId)", async () => {
        const { bioDental, bob, tokenId } = await loadFixture(profileFixture);
        await expect(bioDental.connect(bob).setConsent(tokenId, true))
          .to.be.revertedWithCustomError(bioDental, "BioDentalUnauthorized")
          .withArgs(bob.address, tokenId);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(profileFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.connect(alice).setConsent(missing, true))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });
  });

  describe("publicProfileOf", () => {
    describe("when the token was never given a profile", () => {
      it("is empty and without consent", async () => {
        const { bioDental, tokenId } = await loadFixture(mintedFixture);
        expect(await bioDental.publicProfileOf(tokenId)).to.deep.equal(["", "0x", false]);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.publicProfileOf(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });
  });

  describe("tokenURI", () => {
    describe("when the token has no profile", () => {
      it("is a base64 JSON data URI with base64 SVG art and nothing personal", async () => {
        const { bioDental, tokenId } = await loadFixture(mintedFixture);
        const { metadata, svg } = await metadataOf(bioDental, tokenId);
        expect(metadata.name).to.equal(DEFAULT_NAME);
        expect(metadata.description).to.match(/private/i);
        expect(metadata.external_url).to.equal(undefined);
        expect(attribute(metadata, "Soulbound")).to.equal("true");
        expect(attribute(metadata, "Public story")).to.equal("private");
        expect(parseSvg(svg)[0].name).to.equal("svg");
        expect(svgText(svg)).to.equal("Bio-Dental");
      });
    });

    describe("when consent is off", () => {
      for (const [label, story] of [
        ["a CIDv1 story", STORY],
        ["a CIDv0 story", cidV0("v0 story")],
      ]) {
        it(`reveals neither the title nor ${label}, in any form, in the JSON or the SVG`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, story, false);
          const { json, metadata, svg } = await metadataOf(bioDental, tokenId);
          for (const text of [json, svg]) {
            expect(text).to.not.include(TITLE);
            for (const form of cidRepresentations(story))
              expect(text.toLowerCase()).to.not.include(form.toLowerCase());
          }
          expect(metadata.name).to.equal(DEFAULT_NAME);
          expect(metadata.external_url).to.equal(undefined);
          expect(attribute(metadata, "Public story")).to.equal("private");
          expect(svgText(svg)).to.equal("Bio-Dental");
        });
      }

      it("is the same as for a token without a profile", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        const before = await bioDental.tokenURI(tokenId);
        await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, STORY, true);
        await bioDental.connect(alice).setConsent(tokenId, false);
        expect(await bioDental.tokenURI(tokenId)).to.equal(before);
      });
    });

    describe("when consent is on", () => {
      for (const [label, story] of [
        ["a raw CIDv1 story", STORY],
        ["a CIDv0 story (shown as its dag-pb CIDv1)", cidV0("v0 story")],
        ["a dag-json CIDv1 story (two-byte codec)", cidV1("dag-json story", DAG_JSON)],
      ]) {
        it(`shows the title and ${label} as an ipfs://b… base32 CIDv1 link`, async () => {
          const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
          await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, story, true);
          const { metadata, svg } = await metadataOf(bioDental, tokenId);
          expect(metadata.name).to.equal(TITLE);
          expect(svgText(svg)).to.equal(TITLE);
          const expected = cidToV1String(story);
          expect(expected).to.match(/^b[a-z2-7]+$/);
          expect(metadata.external_url).to.equal(`ipfs://${expected}`);
          expect(attribute(metadata, "Public story")).to.equal("shared");
        });
      }

      it("shows a title without a story", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, TITLE, "0x", true);
        const { metadata, svg } = await metadataOf(bioDental, tokenId);
        expect(metadata.name).to.equal(TITLE);
        expect(svgText(svg)).to.equal(TITLE);
        expect(metadata.external_url).to.equal(undefined);
        expect(attribute(metadata, "Public story")).to.equal("private");
      });

      it("shows a story without a title under the default name", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        await bioDental.connect(alice).setPublicProfile(tokenId, "", STORY, true);
        const { metadata, svg } = await metadataOf(bioDental, tokenId);
        expect(metadata.name).to.equal(DEFAULT_NAME);
        expect(svgText(svg)).to.equal("Bio-Dental");
        expect(metadata.external_url).to.equal(`ipfs://${cidToV1String(STORY)}`);
      });

      it("stays valid JSON and SVG for titles of every allowed character", async () => {
        const { bioDental, alice, tokenId } = await loadFixture(mintedFixture);
        for (let start = 0; start < ALLOWED_CHARACTERS.length; start += 64) {
          const title = ALLOWED_CHARACTERS.slice(start, start + 64);
          await bioDental.connect(alice).setPublicProfile(tokenId, title, STORY, true);
          const { metadata, svg } = await metadataOf(bioDental, tokenId);
          expect(metadata.name).to.equal(title);
          expect(svgText(svg)).to.equal(title);
        }
      });
    });

    describe("when the record changes", () => {
      it("does not change: the metadata shows neither the record's CID nor its version", async () => {
        const { bioDental, alice, tokenId, recordCid } = await loadFixture(mintedFixture);
        const before = await bioDental.tokenURI(tokenId);
        const { json, svg } = decodeTokenUri(before);
        for (const form of cidRepresentations(recordCid)) {
          expect(json.toLowerCase()).to.not.include(form.toLowerCase());
          expect(svg.toLowerCase()).to.not.include(form.toLowerCase());
        }
        await bioDental.connect(alice).updateRecord(tokenId, cidV0("v2"));
        expect(await bioDental.tokenURI(tokenId)).to.equal(before);
      });
    });

    describe("when the token does not exist", () => {
      it("reverts with BioDentalNonexistentToken(tokenId)", async () => {
        const { bioDental, alice } = await loadFixture(mintedFixture);
        const missing = tokenIdOf(alice.address, 1);
        await expect(bioDental.tokenURI(missing))
          .to.be.revertedWithCustomError(bioDental, "BioDentalNonexistentToken")
          .withArgs(missing);
      });
    });
  });
});
