import { InvalidEnvelopeHeaderError } from "#lib/crypto/errors.ts";
import { createByteReader } from "#lib/crypto/stream/byteReader.ts";
import {
  type EnvelopeHeader,
  HEADER_PREFIX_LENGTH,
  decodeEnvelopeHeader,
  decodeEnvelopeHeaderLength,
} from "./header.ts";

export type ReadEnvelopeHeaderReturnType = {
  header: EnvelopeHeader;
  /** The segments that follow the header, still encrypted. */
  segments: ReadableStream<Uint8Array>;
};

/**
 * Reads and parses the header from the front of an envelope stream (e.g. an IPFS cat).
 *
 * @example
 * const { header, segments } = await readEnvelopeHeader(await ipfs.cat(cid))
 */
export async function readEnvelopeHeader(
  envelope: ReadableStream<Uint8Array>,
): Promise<ReadEnvelopeHeaderReturnType> {
  const reader = createByteReader(envelope);
  try {
    const prefix = await reader.read(HEADER_PREFIX_LENGTH);
    const headerLength = decodeEnvelopeHeaderLength(prefix);
    const rest = await reader.read(headerLength - HEADER_PREFIX_LENGTH);
    if (rest.length < headerLength - HEADER_PREFIX_LENGTH)
      throw new InvalidEnvelopeHeaderError("the header is cut short");
    const bytes = new Uint8Array(headerLength);
    bytes.set(prefix, 0);
    bytes.set(rest, HEADER_PREFIX_LENGTH);
    return { header: decodeEnvelopeHeader(bytes), segments: reader.rest() };
  } catch (error) {
    await reader.cancel(error).catch(() => {});
    throw error;
  }
}
