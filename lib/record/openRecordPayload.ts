import { createByteReader } from "#lib/crypto/stream/byteReader.ts";
import { AttachmentNotFoundError, RecordPayloadError } from "./errors.ts";
import { MAX_RECORD_JSON_LENGTH, RECORD_LENGTH_PREFIX } from "./encodeRecordPayload.ts";
import { parseRecord } from "./parseRecord.ts";
import type { AttachmentMetadata, OralWellnessRecord } from "./schema.ts";

export type OpenRecordPayloadReturnType = {
  record: OralWellnessRecord;
  /** Plaintext offset where the attachments area starts (4 + record JSON length). */
  attachmentsOffset: number;
  /**
   * Streams one attachment. The payload is read forwards only: ask for attachments in the
   * order they are stored, and read each stream to its end before asking for the next.
   */
  readAttachment(selector: string | number): ReadableStream<Uint8Array>;
  /** Releases the underlying stream (e.g. stops the IPFS download). */
  cancel(): Promise<void>;
};

/**
 * Parses the record at the front of a decrypted payload stream and lets the caller stream
 * attachments out of the rest.
 *
 * @example
 * const { plaintext } = await decryptEnvelope({ ciphertext, binding, privateKey })
 * const { record, readAttachment } = await openRecordPayload(plaintext)
 * const photo = new Response(readAttachment("smile.jpg")).blob()
 */
export async function openRecordPayload(
  payload: ReadableStream<Uint8Array>,
): Promise<OpenRecordPayloadReturnType> {
  const reader = createByteReader(payload);
  const prefix = await reader.read(RECORD_LENGTH_PREFIX);
  if (prefix.length < RECORD_LENGTH_PREFIX)
    throw new RecordPayloadError("shorter than its length prefix");
  const jsonLength = new DataView(prefix.buffer, prefix.byteOffset, prefix.length).getUint32(
    0,
    false,
  );
  if (jsonLength > MAX_RECORD_JSON_LENGTH)
    throw new RecordPayloadError(`record JSON length ${jsonLength} is too large`);
  const json = await reader.read(jsonLength);
  if (json.length < jsonLength) throw new RecordPayloadError("the record JSON is cut short");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(json);
  } catch (cause) {
    throw new RecordPayloadError("the record JSON is not UTF-8", { cause });
  }
  const record = parseRecord(text);
  assertContiguous(record.attachments);
  const attachmentsOffset = RECORD_LENGTH_PREFIX + jsonLength;
  let position = 0; // within the attachments area

  return {
    record,
    attachmentsOffset,
    readAttachment(selector) {
      const attachment = findAttachment(record, selector);
      const offset = attachment.offset ?? 0;
      if (offset < position) {
        throw new RecordPayloadError(
          `attachment "${attachment.name}" was already passed; open the payload again to read it`,
        );
      }
      const skip = offset - position;
      position = offset + attachment.size;
      let remaining = attachment.size;
      return new ReadableStream<Uint8Array>(
        {
          async start(controller) {
            if ((await reader.skip(skip)) < skip)
              controller.error(new RecordPayloadError("the payload ends before the attachment"));
            else if (remaining === 0) controller.close();
          },
          async pull(controller) {
            const chunk = await reader.readChunk(remaining);
            if (!chunk) {
              controller.error(
                new RecordPayloadError(`the payload ends inside attachment "${attachment.name}"`),
              );
              return;
            }
            remaining -= chunk.length;
            controller.enqueue(chunk);
            if (remaining === 0) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
    },
    cancel: () => reader.cancel(),
  };
}

/**
 * The plaintext byte range [start, end) of an attachment, for random access with
 * `planSegmentRange` / `decryptEnvelopeRange` (fetch and decrypt only its segments).
 *
 * @example
 * const { start, end } = attachmentRange({ record, attachmentsOffset }, "scan.stl")
 */
export function attachmentRange(
  { record, attachmentsOffset }: { record: OralWellnessRecord; attachmentsOffset: number },
  selector: string | number,
): { start: number; end: number } {
  const attachment = findAttachment(record, selector);
  const start = attachmentsOffset + (attachment.offset ?? 0);
  return { start, end: start + attachment.size };
}

function findAttachment(record: OralWellnessRecord, selector: string | number): AttachmentMetadata {
  const attachment =
    typeof selector === "number"
      ? record.attachments[selector]
      : record.attachments.find((a) => a.name === selector);
  if (!attachment) throw new AttachmentNotFoundError(selector);
  return attachment;
}

/** Offsets must be exactly the running sum of sizes: the payload has no gaps or overlaps. */
function assertContiguous(attachments: AttachmentMetadata[]): void {
  let expected = 0;
  attachments.forEach((attachment, i) => {
    if ((attachment.offset ?? expected) !== expected) {
      throw new RecordPayloadError(
        `attachments[${i}].offset is ${attachment.offset}, expected ${expected}`,
      );
    }
    expected += attachment.size;
  });
}
