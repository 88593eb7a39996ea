/**
 * The plaintext inside an envelope: the record JSON, then every attachment's raw bytes.
 *
 *   offset      size   field
 *   0           4      J = byte length of the record JSON (uint32 big-endian)
 *   4           J      record JSON, UTF-8; `attachments[i]` = { name, mediaType, size, offset }
 *   4 + J       ...    attachments back to back; attachment i starts at 4 + J + attachments[i].offset
 *
 * Offsets are relative to the attachments area so that writing them does not change J. Any
 * attachment can be located from the record alone, streamed on its own, or fetched as a plaintext
 * byte range (see `attachmentRange` and `planSegmentRange`).
 */
import { AttachmentSizeMismatchError, RecordValidationError } from "./errors.ts";
import { parseRecord } from "./parseRecord.ts";
import type { OralWellnessRecord, OralWellnessRecordInput } from "./schema.ts";

export const RECORD_LENGTH_PREFIX = 4;
/** A record JSON larger than this is not a record (attachments carry bulk data). */
export const MAX_RECORD_JSON_LENGTH = 16 * 1024 * 1024;

export type AttachmentSource = {
  name: string;
  mediaType: string;
  /** Blob/File (size known), bytes, or a stream (then `size` is required). */
  data: Blob | Uint8Array | ReadableStream<Uint8Array>;
  size?: number | undefined;
};

export type EncodeRecordPayloadParameters = {
  /** The record; its `attachments` list is replaced by the one built from `attachments`. */
  record: OralWellnessRecordInput;
  attachments?: AttachmentSource[] | undefined;
};

export type EncodeRecordPayloadReturnType = {
  /** The validated record as written, with attachment sizes and offsets. */
  record: OralWellnessRecord;
  /** Total plaintext bytes: pass it to `encryptEnvelope` as `plaintextLength`. */
  length: number;
  stream: ReadableStream<Uint8Array>;
};

/**
 * Builds the plaintext payload as a lazy stream: attachment sources are read only as the stream
 * is consumed, so a multi-gigabyte scan never sits in memory.
 *
 * @example
 * const payload = encodeRecordPayload({ record, attachments: [{ name: "scan.stl", mediaType: "model/stl", data: file }] })
 * const { ciphertext } = await encryptEnvelope({ plaintext: payload.stream, plaintextLength: payload.length, binding, ownerPublicKey })
 */
export function encodeRecordPayload({
  record,
  attachments = [],
}: EncodeRecordPayloadParameters): EncodeRecordPayloadReturnType {
  let offset = 0;
  const metadata = attachments.map((attachment, i) => {
    const size = sizeOf(attachment);
    if (size === undefined) {
      throw new RecordValidationError([
        { path: `attachments[${i}].size`, message: "is required for a stream source" },
      ]);
    }
    const entry = { name: attachment.name, mediaType: attachment.mediaType, size, offset };
    offset += size;
    return entry;
  });
  const parsed = parseRecord({ ...record, attachments: metadata });
  const json = new TextEncoder().encode(JSON.stringify(parsed));
  if (json.length > MAX_RECORD_JSON_LENGTH) {
    throw new RecordValidationError([
      {
        path: "",
        message: `the record JSON is ${json.length} bytes; put bulk data in attachments`,
      },
    ]);
  }
  const prefix = new Uint8Array(RECORD_LENGTH_PREFIX + json.length);
  new DataView(prefix.buffer).setUint32(0, json.length, false);
  prefix.set(json, RECORD_LENGTH_PREFIX);

  let part = -1;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let delivered = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (part === -1) {
            part = 0;
            controller.enqueue(prefix);
            return;
          }
          if (part >= attachments.length) {
            controller.close();
            return;
          }
          const source = attachments[part]!;
          const expected = metadata[part]!.size;
          if (source.data instanceof Uint8Array) {
            part++;
            if (source.data.length > 0) return controller.enqueue(source.data);
            continue;
          }
          reader ??= (source.data instanceof Blob ? source.data.stream() : source.data).getReader();
          const { done, value } = await reader.read();
          if (!done) {
            delivered += value.length;
            if (delivered > expected)
              throw new AttachmentSizeMismatchError({
                name: source.name,
                expected,
                actual: delivered,
              });
            if (value.length > 0) return controller.enqueue(value);
            continue;
          }
          if (delivered !== expected)
            throw new AttachmentSizeMismatchError({
              name: source.name,
              expected,
              actual: delivered,
            });
          reader = undefined;
          delivered = 0;
          part++;
        }
      },
      async cancel(reason) {
        await reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );

  return { record: parsed, length: prefix.length + offset, stream };
}

function sizeOf(attachment: AttachmentSource): number | undefined {
  if (attachment.data instanceof Uint8Array) return attachment.data.length;
  if (attachment.data instanceof Blob) return attachment.data.size;
  return attachment.size;
}
