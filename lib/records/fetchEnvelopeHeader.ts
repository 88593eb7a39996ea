import {
  type EnvelopeHeader,
  HEADER_PREFIX_LENGTH,
  decodeEnvelopeHeader,
  decodeEnvelopeHeaderLength,
} from "#lib/crypto/envelope/header.ts";
import type { IpfsClient } from "#lib/ipfs/create-ipfs-client.ts";
import { readAll, streamFromAsyncIterable } from "./streams.ts";

/**
 * Fetches only an envelope's header (two small ranged reads), e.g. to unwrap the data key for a
 * new grantee without downloading a record's attachments.
 *
 * @example
 * const header = await fetchEnvelopeHeader(ipfs, cid)
 */
export async function fetchEnvelopeHeader(ipfs: IpfsClient, cid: string): Promise<EnvelopeHeader> {
  const prefix = await readAll(
    streamFromAsyncIterable(ipfs.cat(cid, { offset: 0, length: HEADER_PREFIX_LENGTH })),
  );
  const headerLength = decodeEnvelopeHeaderLength(prefix);
  const bytes = await readAll(
    streamFromAsyncIterable(ipfs.cat(cid, { offset: 0, length: headerLength })),
  );
  return decodeEnvelopeHeader(bytes);
}
