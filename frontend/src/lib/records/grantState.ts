import { type Address, type Hex, isAddressEqual } from "viem";

export type GrantStatus = "active" | "expired" | "revoked" | "erased";

export type GrantView = {
  tokenId: bigint;
  grantee: Address;
  scopes: number;
  expiresAt: bigint;
  /** The record key wrapped for the grantee, as delivered in the AccessGranted log. */
  wrappedKey: Hex;
  /** Block of the grant: its wrapped key opens the versions current at that block. */
  grantedAtBlock: bigint;
  status: GrantStatus;
};

type Positioned = { blockNumber: bigint; logIndex: number };
export type GrantedLog = Positioned & {
  args: { tokenId: bigint; grantee: Address; scopes: number; expiresAt: bigint; wrappedKey: Hex };
};
export type RevokedLog = Positioned & { args: { tokenId: bigint; grantee: Address } };
export type ErasedLog = Positioned & { args: { tokenId: bigint } };

const before = (a: Positioned, b: Positioned): number =>
  a.blockNumber === b.blockNumber
    ? a.logIndex - b.logIndex
    : a.blockNumber < b.blockNumber
      ? -1
      : 1;

/**
 * Replays grant, revoke and erase logs in chain order into one state per (token, grantee): a new
 * grant replaces the old one (as the contract does), a revoke or the token's erasure ends it, and
 * the clock turns an active grant into an expired one without any refetch.
 *
 * @example
 * const grants = replayGrants({ granted, revoked, erased, nowSeconds: BigInt(Math.floor(Date.now() / 1000)) })
 */
export function replayGrants({
  granted,
  revoked,
  erased = [],
  nowSeconds,
}: {
  granted: readonly GrantedLog[];
  revoked: readonly RevokedLog[];
  erased?: readonly ErasedLog[] | undefined;
  nowSeconds: bigint;
}): GrantView[] {
  type Event =
    | { kind: "granted"; log: GrantedLog }
    | { kind: "revoked"; log: RevokedLog }
    | { kind: "erased"; log: ErasedLog };
  const events: Event[] = [
    ...granted.map((log) => ({ kind: "granted" as const, log })),
    ...revoked.map((log) => ({ kind: "revoked" as const, log })),
    ...erased.map((log) => ({ kind: "erased" as const, log })),
  ].sort((a, b) => before(a.log, b.log));

  const state = new Map<string, GrantView>();
  const key = (tokenId: bigint, grantee: string) => `${tokenId}:${grantee.toLowerCase()}`;
  for (const event of events) {
    if (event.kind === "granted") {
      const { tokenId, grantee, scopes, expiresAt, wrappedKey } = event.log.args;
      state.set(key(tokenId, grantee), {
        tokenId,
        grantee,
        scopes,
        expiresAt,
        wrappedKey,
        grantedAtBlock: event.log.blockNumber,
        status: "active",
      });
    } else if (event.kind === "revoked") {
      const existing = state.get(key(event.log.args.tokenId, event.log.args.grantee));
      if (existing) existing.status = "revoked";
    } else {
      for (const grant of state.values())
        if (grant.tokenId === event.log.args.tokenId && grant.status === "active")
          grant.status = "erased";
    }
  }
  return [...state.values()].map((grant) =>
    grant.status === "active" && grant.expiresAt <= nowSeconds
      ? { ...grant, status: "expired" }
      : grant,
  );
}

/** Active grants per token, for the gallery's "shared with N" badge. */
export function countActiveGrants(grants: readonly GrantView[]): Map<bigint, number> {
  const counts = new Map<bigint, number>();
  for (const grant of grants)
    if (grant.status === "active") counts.set(grant.tokenId, (counts.get(grant.tokenId) ?? 0) + 1);
  return counts;
}

/**
 * Whether the logs show `grantee`'s grant on `tokenId` as over (revoked, expired or erased). A
 * grant the logs do not hold yet is not over: a confirmation shown right after the grant's
 * receipt stays up until the refreshed logs say otherwise.
 *
 * @example
 * grantEnded(grants, tokenId, "0x7099…") // true once the owner revoked 0x7099…
 */
export function grantEnded(
  grants: readonly GrantView[],
  tokenId: bigint,
  grantee: Address,
): boolean {
  const grant = grants.find(
    (candidate) => candidate.tokenId === tokenId && isAddressEqual(candidate.grantee, grantee),
  );
  return grant !== undefined && grant.status !== "active";
}
