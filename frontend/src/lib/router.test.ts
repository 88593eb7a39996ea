import { describe, expect, it } from "vitest";
import { matchPath } from "./router.ts";

describe("matchPath", () => {
  it("matches static and parameter segments", () => {
    expect(matchPath("/records/:tokenId/access", "/records/42/access")).toEqual({
      params: { tokenId: "42" },
    });
    expect(matchPath("/", "/")).toEqual({ params: {} });
  });
  it("ignores a trailing slash and rejects other shapes", () => {
    expect(matchPath("/records", "/records/")).toEqual({ params: {} });
    expect(matchPath("/records/:tokenId", "/records")).toBeUndefined();
    expect(matchPath("/records/:tokenId", "/shared/1")).toBeUndefined();
  });
});
