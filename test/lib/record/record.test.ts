import { expect } from "chai";
import { encryptEnvelope } from "#lib/crypto/envelope/encryptEnvelope.ts";
import { decryptEnvelopeRange } from "#lib/crypto/envelope/decryptEnvelopeRange.ts";
import { openEnvelope } from "#lib/crypto/envelope/openEnvelope.ts";
import { readEnvelopeHeader } from "#lib/crypto/envelope/readEnvelopeHeader.ts";
import { generateEncryptionKey } from "#lib/crypto/keys/generateEncryptionKey.ts";
import { streamOf } from "#lib/crypto/stream/byteReader.ts";
import { encodeRecordPayload } from "#lib/record/encodeRecordPayload.ts";
import { exampleRecord } from "#lib/record/exampleRecord.ts";
import { attachmentRange, openRecordPayload } from "#lib/record/openRecordPayload.ts";
import { parseRecord } from "#lib/record/parseRecord.ts";
import { RECORD_SCHEMA_ID, isFdiTooth } from "#lib/record/schema.ts";
import {
  binding,
  chunked,
  collect,
  equalBytes,
  randomBytes,
  rejection,
} from "../crypto/helpers.ts";

function issuesOf(input: unknown): string[] {
  try {
    parseRecord(input);
  } catch (error) {
    expect((error as Error).name).to.equal("RecordValidationError");
    return (error as { issues: { path: string; message: string }[] }).issues.map(
      (issue) => `${issue.path}: ${issue.message}`,
    );
  }
  throw new Error("expected the record to be rejected");
}

describe("record", function () {
  describe("when validating", function () {
    it("accepts the example record and applies defaults", function () {
      const record = exampleRecord();
      expect(record.schema).to.equal(RECORD_SCHEMA_ID);
      const minimal = parseRecord({
        schema: RECORD_SCHEMA_ID,
        visitDate: "2025-01-31",
        practitioner: { name: "Dr. B" },
      });
      expect(minimal.teeth).to.deep.equal([]);
      expect(minimal.attachments).to.deep.equal([]);
      expect(parseRecord(JSON.stringify(record))).to.deep.equal(record);
    });

    it("knows the FDI chart: 11–18, 21–28, 31–38, 41–48 only", function () {
      const valid = [];
      for (let n = 0; n < 100; n++) if (isFdiTooth(n)) valid.push(n);
      expect(valid).to.have.length(32);
      expect(valid.slice(0, 9)).to.deep.equal([11, 12, 13, 14, 15, 16, 17, 18, 21]);
      for (const n of [10, 19, 20, 49, 51, 85, 11.5])
        expect(isFdiTooth(n), String(n)).to.equal(false);
    });

    it("names the field of an invalid tooth number", function () {
      const record = exampleRecord();
      const teeth = [...record.teeth];
      teeth[2] = { tooth: 19, status: "healthy" };
      expect(issuesOf({ ...record, teeth })).to.deep.equal([
        "teeth[2].tooth: 19 is not an FDI tooth number (11–18, 21–28, 31–38, 41–48)",
      ]);
      const error = (() => {
        try {
          parseRecord({ ...record, teeth });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error?.message).to.contain("teeth[2].tooth: 19 is not an FDI tooth number");
    });

    it("names every field at fault", function () {
      const record = exampleRecord();
      const issues = issuesOf({
        ...record,
        visitDate: "14/06/2025",
        practitioner: {},
        teeth: [
          { tooth: 16, status: "broken" },
          { tooth: 16, status: "healthy" },
        ],
        periodontal: [{ tooth: 16, probingDepthsMm: [3, 25], bleedingOnProbing: "yes" }],
        oralBiome: [
          { taxon: "A", relativeAbundance: 0.7 },
          { taxon: "B", relativeAbundance: 0.5 },
        ],
        hygiene: { brushingPerDay: 1.5, flossing: "daily", mouthwash: false },
        wellness: { mood: 6 },
        attachments: [{ name: "x.jpg", mediaType: "jpeg", size: -1 }],
        extra: true,
      });
      expect(issues).to.include.members([
        "visitDate: must be an ISO date (YYYY-MM-DD)",
        "practitioner.name: is required",
        "teeth[0].status: must be one of healthy, caries, filled, crown, missing, implant, sensitive, other",
        "periodontal[0].probingDepthsMm[1]: must be at most 20 mm",
        "periodontal[0].bleedingOnProbing: must be true or false",
        "hygiene.brushingPerDay: must be a whole number",
        "wellness.mood: must be 1 to 5",
        "attachments[0].mediaType: must be a media type like image/jpeg",
        "attachments[0].size: must not be negative",
      ]);
      expect(issues.some((issue) => issue.startsWith("extra:"))).to.equal(true);
    });

    it("rejects a duplicated tooth and abundances adding up to more than 1", function () {
      const record = exampleRecord();
      expect(
        issuesOf({
          ...record,
          teeth: [
            { tooth: 21, status: "healthy" },
            { tooth: 21, status: "filled" },
          ],
        }),
      ).to.deep.equal(["teeth[1]: tooth 21 is listed twice"]);
      expect(
        issuesOf({
          ...record,
          oralBiome: [
            { taxon: "A", relativeAbundance: 0.7 },
            { taxon: "B", relativeAbundance: 0.5 },
          ],
        }),
      ).to.deep.equal(["oralBiome: relative abundances add up to 1.2000, more than 1"]);
      expect(() =>
        parseRecord({
          ...record,
          oralBiome: [
            { taxon: "A", relativeAbundance: 0.7 },
            { taxon: "B", relativeAbundance: 0.3 + 1e-9 },
          ],
        }),
      ).not.to.throw();
    });

    it("rejects text that is not JSON", function () {
      expect(issuesOf("{ nope")[0]).to.match(/^: not JSON/);
      expect(issuesOf({ ...exampleRecord(), schema: "biodental.record/9" })).to.deep.equal([
        'schema: must be "biodental.record/1"',
      ]);
    });
  });

  describe("when packing a record with attachments", function () {
    const photo = randomBytes(70_000);
    const scan = randomBytes(300_000);
    const pdf = new Blob([randomBytes(5_000)], { type: "application/pdf" });
    const sources = () => [
      { name: "smile.jpg", mediaType: "image/jpeg", data: photo },
      { name: "empty.txt", mediaType: "text/plain", data: new Uint8Array(0) },
      {
        name: "scan.stl",
        mediaType: "model/stl",
        data: chunked(scan, [4096, 777]),
        size: scan.length,
      },
      { name: "referral.pdf", mediaType: "application/pdf", data: pdf },
    ];

    it("writes sizes and offsets and streams each attachment back", async function () {
      const payload = encodeRecordPayload({ record: exampleRecord(), attachments: sources() });
      expect(payload.record.attachments).to.deep.equal([
        { name: "smile.jpg", mediaType: "image/jpeg", size: 70_000, offset: 0 },
        { name: "empty.txt", mediaType: "text/plain", size: 0, offset: 70_000 },
        { name: "scan.stl", mediaType: "model/stl", size: 300_000, offset: 70_000 },
        { name: "referral.pdf", mediaType: "application/pdf", size: 5_000, offset: 370_000 },
      ]);
      const bytes = await collect(payload.stream);
      expect(bytes.length).to.equal(payload.length);

      const opened = await openRecordPayload(chunked(bytes, [1000, 65536]));
      expect(opened.record).to.deep.equal(payload.record);
      expect(equalBytes(await collect(opened.readAttachment("smile.jpg")), photo)).to.equal(true);
      expect((await collect(opened.readAttachment(1))).length).to.equal(0);
      // skipping scan.stl entirely
      expect(
        equalBytes(
          await collect(opened.readAttachment("referral.pdf")),
          new Uint8Array(await pdf.arrayBuffer()),
        ),
      ).to.equal(true);
      expect(() => opened.readAttachment("smile.jpg"))
        .to.throw()
        .with.property("name", "RecordPayloadError");
      expect(() => opened.readAttachment("nope.png"))
        .to.throw()
        .with.property("name", "AttachmentNotFoundError");
    });

    it("fails when a stream source delivers a different size than declared", async function () {
      const short = encodeRecordPayload({
        record: exampleRecord(),
        attachments: [
          {
            name: "a.bin",
            mediaType: "application/octet-stream",
            data: chunked(randomBytes(10)),
            size: 11,
          },
        ],
      });
      expect((await rejection(collect(short.stream))).name).to.equal("AttachmentSizeMismatchError");
      const long = encodeRecordPayload({
        record: exampleRecord(),
        attachments: [
          {
            name: "a.bin",
            mediaType: "application/octet-stream",
            data: chunked(randomBytes(12)),
            size: 11,
          },
        ],
      });
      expect((await rejection(collect(long.stream))).name).to.equal("AttachmentSizeMismatchError");
      expect(() =>
        encodeRecordPayload({
          record: exampleRecord(),
          attachments: [
            { name: "a.bin", mediaType: "application/octet-stream", data: chunked(randomBytes(1)) },
          ],
        }),
      )
        .to.throw(/attachments\[0\]\.size/)
        .with.property("name", "RecordValidationError");
    });

    it("fetches and decrypts one attachment from an envelope by plaintext range", async function () {
      const owner = generateEncryptionKey();
      const payload = encodeRecordPayload({ record: exampleRecord(), attachments: sources() });
      const { ciphertext } = await encryptEnvelope({
        plaintext: payload.stream,
        plaintextLength: payload.length,
        binding: binding(),
        ownerPublicKey: owner.publicKey,
        segmentSize: 4096,
      });
      const envelope = await collect(ciphertext);
      const { header, segments } = await readEnvelopeHeader(streamOf(envelope));
      await segments.cancel();
      const opened = await openEnvelope({
        header,
        binding: binding(),
        privateKey: owner.privateKey,
      });

      let fetchedBytes = 0;
      const fetchCiphertext = async ({ start, end }: { start: number; end: number }) => {
        fetchedBytes += end - start;
        return envelope.slice(start, end);
      };
      // The record JSON first (a few segments), then just the attachment.
      const front = await decryptEnvelopeRange({
        header,
        opened,
        start: 0,
        end: Math.min(payload.length, 64 * 1024),
        fetchCiphertext,
      });
      const parsed = await openRecordPayload(front);
      await parsed.cancel();
      const range = attachmentRange(parsed, "smile.jpg");
      const out = await collect(
        await decryptEnvelopeRange({ header, opened, ...range, fetchCiphertext }),
      );
      expect(equalBytes(out, photo)).to.equal(true);
      expect(fetchedBytes).to.be.below(envelope.length / 2);
    });
  });
});
