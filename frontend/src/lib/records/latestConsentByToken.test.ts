import { describe, expect, it } from "vitest";
import { latestConsentByToken } from "./latestConsentByToken.ts";

describe("latestConsentByToken", () => {
  it("keeps tokens whose last event consents, newest first", () => {
    const logs = [
      { args: { tokenId: 1n, consent: true } },
      { args: { tokenId: 2n, consent: true } },
      { args: { tokenId: 1n, consent: false } },
      { args: { tokenId: 3n, consent: true } },
      { args: { tokenId: 2n, consent: true } },
    ];
    expect(latestConsentByToken(logs)).toEqual([2n, 3n]);
  });
});
