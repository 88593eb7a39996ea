import { expect } from "chai";
import BioDentalRendererModule from "../ignition/modules/BioDentalRendererModule.ts";
import { ethers, ignition, loadFixture, tokenIdOf } from "./fixtures/bioDental.ts";
import {
  cidRepresentations,
  cidToV1String,
  cidV0,
  cidV1,
  DAG_CBOR,
  DAG_JSON,
  DAG_PB,
  RAW,
} from "./fixtures/cids.ts";
import { attribute, decodeTokenUri, parseSvg } from "./fixtures/tokenUri.ts";
import type { BioDentalRenderer } from "../types/ethers-contracts/index.ts";

const TOKEN_ID = tokenIdOf("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 3);
const STORY = cidV1("a public story", RAW);

/** Titles the token contract allows (printable ASCII without " \ < > &) that stress JSON and SVG. */
const WEIRD_TITLES = [
  "It's fine",
  "{}[]:,",
  "}]},x:{",
  "null",
  "  leading and trailing spaces  ",
  "100% #1 ~*^|`$@!?=;+",
  "/* not a comment */",
  "-- ]] ?",
  "'single' `back` ticks",
  "a",
  "x".repeat(64),
];

async function rendererFixture() {
  const { renderer } = await ignition.deploy(BioDentalRendererModule);
  return { renderer: renderer as unknown as BioDentalRenderer };
}

function svgTexts(svg: string): string[] {
  return parseSvg(svg)
    .filter((element) => element.name === "text")
    .map((element) => element.text);
}

describe("BioDentalRenderer", () => {
  describe("when deployed through its Ignition module", () => {
    it("is a pure function of its inputs", async () => {
      const { renderer } = await loadFixture(rendererFixture);
      expect(renderer.interface.getFunction("tokenURI")!.stateMutability).to.equal("pure");
    });
  });

  describe("when the owner does not consent", () => {
    it("shows neither the title nor the story, whatever it is given", async () => {
      const { renderer } = await loadFixture(rendererFixture);
      const title = "Secret smile";
      const { json, metadata, svg } = decodeTokenUri(
        await renderer.tokenURI(TOKEN_ID, false, title, STORY),
      );
      expect(json).to.not.include(title);
      expect(svg).to.not.include(title);
      for (const form of cidRepresentations(STORY))
        expect(json.toLowerCase()).to.not.include(form.toLowerCase());
      expect(metadata.name).to.equal("Bio-Dental Record");
      expect(metadata.external_url).to.equal(undefined);
      expect(attribute(metadata, "Public story")).to.equal("private");
      expect(svgTexts(svg)).to.deep.equal(["Bio-Dental"]);
    });

    it("renders exactly what it renders for an empty profile", async () => {
      const { renderer } = await loadFixture(rendererFixture);
      expect(await renderer.tokenURI(TOKEN_ID, false, "Secret", STORY)).to.equal(
        await renderer.tokenURI(TOKEN_ID, false, "", "0x"),
      );
    });
  });

  describe("when the owner consents", () => {
    for (const title of WEIRD_TITLES) {
      it(`keeps the JSON and the SVG valid for the title ${JSON.stringify(title)}`, async () => {
        const { renderer } = await loadFixture(rendererFixture);
        const { metadata, svg } = decodeTokenUri(
          await renderer.tokenURI(TOKEN_ID, true, title, STORY),
        );
        expect(metadata.name).to.equal(title);
        expect(svgTexts(svg)).to.deep.equal([title]);
        expect(Object.keys(metadata).sort()).to.deep.equal([
          "attributes",
          "description",
          "external_url",
          "image",
          "name",
        ]);
        expect(metadata.attributes).to.deep.equal([
          { trait_type: "Soulbound", value: "true" },
          { trait_type: "Public story", value: "shared" },
        ]);
      });
    }

    it("describes a shared story differently from a private record", async () => {
      const { renderer } = await loadFixture(rendererFixture);
      const shared = decodeTokenUri(
        await renderer.tokenURI(TOKEN_ID, true, "Title", "0x"),
      ).metadata;
      const unshared = decodeTokenUri(await renderer.tokenURI(TOKEN_ID, true, "", "0x")).metadata;
      expect(shared.description).to.not.equal(unshared.description);
      expect(unshared.description).to.match(/encrypted/);
    });

    for (const [label, cid] of [
      ["a CIDv0 (as its dag-pb CIDv1)", cidV0("story v0")],
      ["a raw CIDv1", cidV1("story raw", RAW)],
      ["a dag-pb CIDv1", cidV1("story dag-pb", DAG_PB)],
      ["a dag-cbor CIDv1", cidV1("story dag-cbor", DAG_CBOR)],
      ["a dag-json CIDv1 (two-byte codec)", cidV1("story dag-json", DAG_JSON)],
      ["a CIDv1 with codec 0x3fff", cidV1("story 0x3fff", 0x3fff)],
    ]) {
      it(`links ${label} as ipfs:// + multiformats' base32 CIDv1 string`, async () => {
        const { renderer } = await loadFixture(rendererFixture);
        const { metadata } = decodeTokenUri(await renderer.tokenURI(TOKEN_ID, true, "", cid));
        expect(metadata.external_url).to.equal(`ipfs://${cidToV1String(cid)}`);
        expect(attribute(metadata, "Public story")).to.equal("shared");
      });
    }
  });

  describe("the art", () => {
    /** The colours the renderer documents: hues from keccak256(abi.encode(tokenId)), nothing else. */
    function huesOf(tokenId: bigint): [bigint, bigint] {
      const seed = BigInt(
        ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [tokenId])),
      );
      return [seed % 360n, (seed >> 16n) % 360n];
    }

    for (const tokenId of [0n, 1n, TOKEN_ID, 2n ** 256n - 1n]) {
      it(`takes its colours from the token id alone (${ethers.toBeHex(tokenId)})`, async () => {
        const { renderer } = await loadFixture(rendererFixture);
        const [hue, accent] = huesOf(tokenId);
        const { svg } = decodeTokenUri(await renderer.tokenURI(tokenId, false, "", "0x"));
        const stops = parseSvg(svg)
          .filter((element) => element.name === "stop")
          .map((element) => element.attributes["stop-color"]);
        expect(stops).to.deep.equal([`hsl(${hue},80%,92%)`, `hsl(${accent},70%,55%)`]);
        // The same colours with consent: the art never depends on the profile.
        const withProfile = decodeTokenUri(
          await renderer.tokenURI(tokenId, true, "Title", STORY),
        ).svg;
        expect(withProfile.replace(">Title<", ">Bio-Dental<")).to.equal(svg);
      });
    }
  });
});
