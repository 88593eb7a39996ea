import type { RecordBinding } from "#lib/crypto/binding.ts";
import { RECORD_SCHEMA_ID } from "#lib/record/schema.ts";
import type { RecordsClient } from "./recordsClient.ts";

/**
 * What a version's ciphertext and key wraps are bound to: this chain, this contract, this token,
 * this version, this schema.
 *
 * @example
 * const binding = recordBinding(client, { tokenId, version: 1n })
 */
export function recordBinding(
  client: Pick<RecordsClient, "chainId" | "contract">,
  { tokenId, version }: { tokenId: bigint; version: bigint },
): RecordBinding {
  return {
    chainId: BigInt(client.chainId),
    contract: client.contract,
    tokenId,
    version,
    schema: RECORD_SCHEMA_ID,
  };
}
