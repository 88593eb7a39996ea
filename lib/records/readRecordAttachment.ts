import type { Address } from "viem";
import { isAddressEqual } from "viem";
import { decryptEnvelopeRange } from "#lib/crypto/envelope/decryptEnvelopeRange.ts";
import { openEnvelope } from "#lib/crypto/envelope/openEnvelope.ts";
import { NotARecipientError } from "#lib/crypto/errors.ts";
import { RECORD_LENGTH_PREFIX } from "#lib/record/encodeRecordPayload.ts";
import { attachmentRange } from "#lib/record/openRecordPayload.ts";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { fetchEnvelopeHeader } from "./fetchEnvelopeHeader.ts";
import { findGrantWrappedKey } from "./findGrantWrappedKey.ts";
import { recordBinding } from "./recordBinding.ts";
import type { RecordsClient } from "./recordsClient.ts";
import { readRecordPointer } from "./readRecordPointer.ts";
import { readAll, streamFromAsyncIterable } from "./streams.ts";

export type ReadRecordAttachmentParameters = {
  tokenId: bigint;
  /** Who reads: the owner or a READ grantee (grant checks are `readRecord`'s; this only decrypts). */
  reader: Address;
  privateKey: Uint8Array;
  /** The current version's record, as `readRecord` returned it (it locates the attachment). */
  record: OralWellnessRecord;
  /** Attachment name or index. */
  selector: string | number;
  onProgress?: ((bytesDone: number) => void) | undefined;
};

export type ReadRecordAttachmentReturnType = {
  stream: ReadableStream<Uint8Array>;
  size: number;
  mediaType: string;
  name: string;
};

/**
 * Streams one attachment of the current version, fetching (ranged IPFS reads) and decrypting
 * only the segments that hold it: a photo comes out of a record with a 300 MiB scan without
 * downloading the scan.
 *
 * @example
 * const { stream, name } = await readRecordAttachment(client, { tokenId, reader, privateKey, record, selector: "smile.jpg" })
 * await stream.pipeTo(fileWritable)
 */
export async function readRecordAttachment(
  client: RecordsClient,
  parameters: ReadRecordAttachmentParameters,
): Promise<ReadRecordAttachmentReturnType> {
  const { tokenId, reader, privateKey, record, selector } = parameters;
  const { owner, cid, version } = await readRecordPointer(client, tokenId);
  const binding = recordBinding(client, { tokenId, version });
  const header = await fetchEnvelopeHeader(client.ipfs, cid);
  let opened: Awaited<ReturnType<typeof openEnvelope>>;
  try {
    opened = await openEnvelope({ header, binding, privateKey });
  } catch (error) {
    if (isAddressEqual(owner, reader) || !(error instanceof NotARecipientError)) throw error;
    const wrappedKey = await findGrantWrappedKey(client, { tokenId, grantee: reader });
    if (!wrappedKey) throw error;
    opened = await openEnvelope({ header, binding, privateKey, wrappedKey });
  }
  const fetchCiphertext = ({ start, end }: { start: number; end: number }) =>
    Promise.resolve(
      streamFromAsyncIterable(client.ipfs.cat(cid, { offset: start, length: end - start })),
    );
  // The attachments area starts after the record JSON, whose length is the payload's first 4 bytes.
  const prefix = await readAll(
    await decryptEnvelopeRange({
      header,
      opened,
      start: 0,
      end: RECORD_LENGTH_PREFIX,
      fetchCiphertext,
    }),
  );
  const jsonLength = new DataView(prefix.buffer, prefix.byteOffset, prefix.length).getUint32(
    0,
    false,
  );
  const { start, end } = attachmentRange(
    { record, attachmentsOffset: RECORD_LENGTH_PREFIX + jsonLength },
    selector,
  );
  const attachment =
    typeof selector === "number"
      ? record.attachments[selector]!
      : record.attachments.find((a) => a.name === selector)!;
  let done = 0;
  const counted = (
    await decryptEnvelopeRange({ header, opened, start, end, fetchCiphertext })
  ).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        done += chunk.length;
        parameters.onProgress?.(done);
        controller.enqueue(chunk);
      },
    }),
  );
  return {
    stream: counted,
    size: end - start,
    mediaType: attachment.mediaType,
    name: attachment.name,
  };
}
