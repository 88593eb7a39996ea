import { describe, expect, it } from "vitest";
import { tokenIdOf } from "#lib/records/tokenId.ts";
import { parseTokenIdParam, shortAddress, tokenLabel } from "./tokenId.ts";

const owner = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("token ids", () => {
  it("labels records by their 1-based mint index", () => {
    expect(tokenLabel(tokenIdOf(owner, 5n))).toBe("Record #6");
  });
  it("parses only decimal ids from URLs", () => {
    expect(parseTokenIdParam("42")).toBe(42n);
    expect(parseTokenIdParam("0x2a")).toBeUndefined();
    expect(parseTokenIdParam("")).toBeUndefined();
    expect(parseTokenIdParam("1".repeat(79))).toBeUndefined();
  });
  it("shortens addresses", () => {
    expect(shortAddress(owner)).toBe("0x7099…79C8");
  });
});
