import { useQueries } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { targetChain } from "../lib/chains.ts";
import { queryKeys } from "../lib/queryKeys.ts";
import { readVersionRecord } from "../lib/records/readVersionRecord.ts";
import { useIpfsReachable } from "./useIpfsReachable.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

const MAX_VERSIONS = 12;

export type TimelineEntry = {
  version: bigint;
  record: OralWellnessRecord | undefined;
  error: unknown;
  isPending: boolean;
};

/**
 * The record JSON of the latest versions, decrypted in parallel for the timeline; versions this
 * reader cannot open (encrypted before a grant, or unpinned since) come back with their error.
 */
export function useRecordTimelineRead({
  tokenId,
  versions,
  reader,
  keyPair,
  grantWraps,
}: {
  tokenId: bigint;
  versions: readonly { version: bigint; cid: Hex }[];
  reader: Address | undefined;
  keyPair: EncryptionKeyPair | undefined;
  /** A grantee's wraps from its AccessGranted logs; undefined while those logs load. */
  grantWraps: readonly Hex[] | undefined;
}): TimelineEntry[] {
  const client = useRecordsClient();
  const ipfsUp = useIpfsReachable();
  const recent = versions.slice(-MAX_VERSIONS);
  const results = useQueries({
    queries: recent.map((entry) => ({
      // The wraps are part of the key and awaited: a version read without them fails for a
      // grantee, and that failure would otherwise stay cached (no retry, never stale).
      queryKey: [
        ...queryKeys.record(targetChain.id, tokenId, entry.version, reader ?? ""),
        "json",
        grantWraps ?? [],
      ],
      enabled: ipfsUp && Boolean(client && keyPair && reader && grantWraps),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 5 * 60_000,
      retry: false,
      queryFn: () =>
        readVersionRecord(client!, {
          tokenId,
          version: entry.version,
          cid: entry.cid,
          privateKey: keyPair!.privateKey,
          grantWraps,
        }),
    })),
  });
  return recent.map((entry, i) => ({
    version: entry.version,
    record: results[i]?.data,
    error: results[i]?.error ?? undefined,
    isPending: results[i]?.isPending ?? true,
  }));
}
