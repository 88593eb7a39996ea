import { describe, expect, it } from "vitest";
import { parseTokenUri } from "./tokenUri.ts";

const encode = (json: object) => `data:application/json;base64,${btoa(JSON.stringify(json))}`;

describe("parseTokenUri", () => {
  it("reads the art and the story CID", () => {
    const meta = parseTokenUri(
      encode({
        name: "Echo",
        description: "d",
        image: "data:image/svg+xml;base64,PHN2Zy8+",
        external_url: "ipfs://bafyabc",
      }),
    );
    expect(meta).toEqual({
      name: "Echo",
      description: "d",
      image: "data:image/svg+xml;base64,PHN2Zy8+",
      storyCid: "bafyabc",
    });
  });
  it("refuses images that are not inline SVG and URIs that are not inline JSON", () => {
    expect(
      parseTokenUri(encode({ name: "x", image: "https://evil.example/x.png" }))?.image,
    ).toBeUndefined();
    expect(parseTokenUri("https://example.com/1.json")).toBeUndefined();
    expect(parseTokenUri("data:application/json;base64,!!!")).toBeUndefined();
  });
});
