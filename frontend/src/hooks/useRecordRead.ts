import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import { readRecord } from "#lib/records/readRecord.ts";
import { targetChain } from "../lib/chains.ts";
import { queryKeys } from "../lib/queryKeys.ts";
import { useIpfsReachable } from "./useIpfsReachable.ts";
import { useRecordsClient } from "./useRecordsClient.ts";

/**
 * The decrypted current version of a record, for its owner or a grantee. Only the record JSON is
 * read: the download stops before the attachments, which are fetched one by one on demand. A
 * version's plaintext never changes, so it is cached until the version does.
 */
export function useRecordRead({
  tokenId,
  version,
  reader,
  keyPair,
}: {
  tokenId: bigint;
  version: bigint | undefined;
  reader: Address | undefined;
  keyPair: EncryptionKeyPair | undefined;
}) {
  const client = useRecordsClient();
  const ipfsUp = useIpfsReachable();
  return useQuery({
    queryKey: queryKeys.record(targetChain.id, tokenId, version ?? 0n, reader ?? ""),
    enabled: ipfsUp && Boolean(client && reader && keyPair && version !== undefined),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
    queryFn: async () => {
      if (!client || !reader || !keyPair) throw new Error("unreachable: the query is disabled");
      const result = await readRecord(client, { tokenId, reader, privateKey: keyPair.privateKey });
      await result.cancel();
      return {
        record: result.record,
        version: result.version,
        cid: result.cid,
        owner: result.owner,
      };
    },
  });
}
