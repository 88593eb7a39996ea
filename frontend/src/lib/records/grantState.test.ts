import { describe, expect, it } from "vitest";
import { type GrantedLog, countActiveGrants, grantEnded, replayGrants } from "./grantState.ts";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;
const granted = (
  blockNumber: bigint,
  tokenId: bigint,
  grantee: `0x${string}`,
  expiresAt: bigint,
  scopes = 1,
): GrantedLog => ({
  blockNumber,
  logIndex: 0,
  args: { tokenId, grantee, scopes, expiresAt, wrappedKey: "0x01" },
});

describe("replayGrants", () => {
  const now = 1_000n;

  describe("when a grant is active", () => {
    it("is active until it expires, then expired by the clock alone", () => {
      const logs = [granted(1n, 7n, alice, 2_000n)];
      expect(replayGrants({ granted: logs, revoked: [], nowSeconds: now })[0]?.status).toBe(
        "active",
      );
      expect(replayGrants({ granted: logs, revoked: [], nowSeconds: 2_000n })[0]?.status).toBe(
        "expired",
      );
    });
  });

  describe("when the owner revokes", () => {
    it("ends the grant, and a later grant to the same grantee replaces the revoked one", () => {
      const revoked = [{ blockNumber: 2n, logIndex: 0, args: { tokenId: 7n, grantee: alice } }];
      expect(
        replayGrants({ granted: [granted(1n, 7n, alice, 2_000n)], revoked, nowSeconds: now })[0]
          ?.status,
      ).toBe("revoked");
      const regranted = replayGrants({
        granted: [granted(1n, 7n, alice, 2_000n), granted(3n, 7n, alice, 3_000n, 3)],
        revoked,
        nowSeconds: now,
      });
      expect(regranted).toHaveLength(1);
      expect(regranted[0]).toMatchObject({
        status: "active",
        scopes: 3,
        expiresAt: 3_000n,
        grantedAtBlock: 3n,
      });
    });

    it("orders events in the same block by log index", () => {
      const sameBlock = [{ blockNumber: 1n, logIndex: 1, args: { tokenId: 7n, grantee: alice } }];
      const grants = replayGrants({
        granted: [{ ...granted(1n, 7n, alice, 2_000n), logIndex: 2 }],
        revoked: sameBlock,
        nowSeconds: now,
      });
      expect(grants[0]?.status).toBe("active");
    });
  });

  describe("when the token is burned", () => {
    it("erases its grants but not those of other tokens", () => {
      const grants = replayGrants({
        granted: [granted(1n, 7n, alice, 2_000n), granted(1n, 8n, bob, 2_000n)],
        revoked: [],
        erased: [{ blockNumber: 2n, logIndex: 0, args: { tokenId: 7n } }],
        nowSeconds: now,
      });
      expect(grants.find((g) => g.tokenId === 7n)?.status).toBe("erased");
      expect(grants.find((g) => g.tokenId === 8n)?.status).toBe("active");
    });
  });

  it("counts active grants per token", () => {
    const grants = replayGrants({
      granted: [
        granted(1n, 7n, alice, 2_000n),
        granted(1n, 7n, bob, 500n),
        granted(1n, 8n, bob, 2_000n),
      ],
      revoked: [],
      nowSeconds: now,
    });
    const counts = countActiveGrants(grants);
    expect(counts.get(7n)).toBe(1);
    expect(counts.get(8n)).toBe(1);
  });
});

describe("grantEnded", () => {
  const now = 1_000n;
  const revokedAlice = [{ blockNumber: 2n, logIndex: 0, args: { tokenId: 7n, grantee: alice } }];

  it("is true once the grantee's grant on that token is revoked or expired", () => {
    const grants = replayGrants({
      granted: [granted(1n, 7n, alice, 2_000n), granted(1n, 7n, bob, 500n)],
      revoked: revokedAlice,
      nowSeconds: now,
    });
    expect(grantEnded(grants, 7n, alice)).toBe(true);
    expect(grantEnded(grants, 7n, bob)).toBe(true);
  });

  it("is false while the grant is active, and for a grant the logs do not show yet", () => {
    const grants = replayGrants({
      granted: [granted(1n, 7n, alice, 2_000n)],
      revoked: [],
      nowSeconds: now,
    });
    expect(grantEnded(grants, 7n, alice.toLowerCase() as typeof alice)).toBe(false);
    expect(grantEnded(grants, 7n, bob)).toBe(false);
    expect(grantEnded(grants, 8n, alice)).toBe(false);
  });
});
