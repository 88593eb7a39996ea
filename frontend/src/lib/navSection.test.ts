import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { tokenIdOf } from "#lib/records/tokenId.ts";
import { navSectionOf } from "./navSection.ts";

const owner = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const grantee = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ownersRecord = tokenIdOf(owner, 2n);

describe("navSectionOf", () => {
  it("highlights the section whose path the page is, or is under", () => {
    expect(navSectionOf("/", owner)).toBe("/");
    expect(navSectionOf("/records", owner)).toBe("/records");
    expect(navSectionOf("/mint", undefined)).toBe("/mint");
    expect(navSectionOf("/shared", grantee)).toBe("/shared");
    expect(navSectionOf("/echoes", undefined)).toBe("/echoes");
    expect(navSectionOf("/onboarding", owner)).toBeUndefined();
    expect(navSectionOf("/recordsx", owner)).toBeUndefined();
  });

  it("puts the owner's own record pages under My records", () => {
    expect(navSectionOf(`/records/${ownersRecord}`, owner)).toBe("/records");
    expect(navSectionOf(`/records/${ownersRecord}/access`, owner.toLowerCase() as Address)).toBe(
      "/records",
    );
  });

  it("puts a record someone else minted under Shared, on every one of its pages", () => {
    expect(navSectionOf(`/records/${ownersRecord}`, grantee)).toBe("/shared");
    expect(navSectionOf(`/records/${ownersRecord}/story`, grantee)).toBe("/shared");
  });

  it("falls back to My records when nobody is connected or the id is not a token id", () => {
    expect(navSectionOf(`/records/${ownersRecord}`, undefined)).toBe("/records");
    expect(navSectionOf("/records/not-a-number", grantee)).toBe("/records");
    expect(navSectionOf(`/records/${"9".repeat(78)}`, grantee)).toBe("/records");
  });
});
