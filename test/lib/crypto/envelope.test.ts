import { expect } from "chai";
import { createHash } from "node:crypto";
import { wrapDataKey } from "#lib/crypto/hpke/wrapDataKey.ts";
import { unwrapDataKey } from "#lib/crypto/hpke/unwrapDataKey.ts";
import { encryptEnvelope } from "#lib/crypto/envelope/encryptEnvelope.ts";
import { decryptEnvelope } from "#lib/crypto/envelope/decryptEnvelope.ts";
import { decryptEnvelopeRange } from "#lib/crypto/envelope/decryptEnvelopeRange.ts";
import { findRecipient } from "#lib/crypto/envelope/findRecipient.ts";
import { openEnvelope } from "#lib/crypto/envelope/openEnvelope.ts";
import { planSegmentRange } from "#lib/crypto/envelope/planSegmentRange.ts";
import { readEnvelopeHeader } from "#lib/crypto/envelope/readEnvelopeHeader.ts";
import { generateEncryptionKey } from "#lib/crypto/keys/generateEncryptionKey.ts";
import { DEFAULT_SEGMENT_SIZE, TAG_LENGTH } from "#lib/crypto/stream/segments.ts";
import { streamOf } from "#lib/crypto/stream/byteReader.ts";
import type { RecordBinding } from "#lib/crypto/binding.ts";
import { encodeRecordPayload } from "#lib/record/encodeRecordPayload.ts";
import { exampleRecord } from "#lib/record/exampleRecord.ts";
import { openRecordPayload } from "#lib/record/openRecordPayload.ts";
import {
  binding,
  chunked,
  collect,
  equalBytes,
  forEachChunk,
  randomBytes,
  rejection,
} from "./helpers.ts";

const owner = generateEncryptionKey();
const grantee = generateEncryptionKey();
const stranger = generateEncryptionKey();
const SMALL = 1024;

async function seal(
  plaintext: Uint8Array,
  options: {
    segmentSize?: number;
    unknownLength?: boolean;
    recipients?: Uint8Array[];
    bind?: RecordBinding;
  } = {},
) {
  const result = await encryptEnvelope({
    plaintext: options.unknownLength ? chunked(plaintext, [700]) : plaintext,
    binding: options.bind ?? binding(),
    ownerPublicKey: owner.publicKey,
    recipientPublicKeys: options.recipients,
    segmentSize: options.segmentSize ?? SMALL,
  });
  const bytes = await collect(result.ciphertext);
  return { ...result, bytes };
}

async function open(
  bytes: Uint8Array,
  options: {
    privateKey?: Uint8Array;
    bind?: RecordBinding;
    wrappedKey?: Uint8Array;
    chunks?: number[];
  } = {},
) {
  const { plaintext } = await decryptEnvelope({
    ciphertext: chunked(bytes, options.chunks ?? [4096]),
    binding: options.bind ?? binding(),
    privateKey: options.privateKey ?? owner.privateKey,
    wrappedKey: options.wrappedKey,
  });
  return collect(plaintext);
}

function flip(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset]! ^= 0x01;
  return copy;
}

describe("envelope", function () {
  this.timeout(60_000);

  describe("when round-tripping", function () {
    const sizes = [0, 1, SMALL - 1, SMALL, SMALL + 1, 2 * SMALL, 3 * SMALL + 7, 1024 * 1024];
    for (const size of sizes) {
      it(`returns the same ${size} bytes (1 KiB segments, odd chunking)`, async function () {
        const plaintext = randomBytes(size);
        const { bytes, header, ciphertextLength } = await seal(plaintext);
        expect(bytes.length).to.equal(ciphertextLength);
        expect(header.plaintextLength).to.equal(size);
        expect(equalBytes(await open(bytes, { chunks: [1, 333, 5000] }), plaintext)).to.equal(true);
        expect(equalBytes(await open(bytes, { chunks: [bytes.length] }), plaintext)).to.equal(true);
      });
    }

    for (const size of [0, 1, DEFAULT_SEGMENT_SIZE, DEFAULT_SEGMENT_SIZE + 1, 1024 * 1024]) {
      it(`returns the same ${size} bytes with the default segment size`, async function () {
        const plaintext = randomBytes(size);
        const { bytes } = await seal(plaintext, { segmentSize: DEFAULT_SEGMENT_SIZE });
        expect(equalBytes(await open(bytes, { chunks: [65536, 1_000_000] }), plaintext)).to.equal(
          true,
        );
      });
    }

    for (const size of [0, 1, 4 * SMALL, 4 * SMALL + 5]) {
      it(`returns the same ${size} bytes when the length was not known in advance`, async function () {
        const plaintext = randomBytes(size);
        const { bytes, header } = await seal(plaintext, { unknownLength: true });
        expect(header.plaintextLength).to.equal(undefined);
        expect(equalBytes(await open(bytes, { chunks: [999] }), plaintext)).to.equal(true);
      });
    }

    it("produces a different ciphertext each time (fresh data key and nonce prefix)", async function () {
      const plaintext = randomBytes(100);
      const a = await seal(plaintext);
      const b = await seal(plaintext);
      expect(equalBytes(a.bytes, b.bytes)).to.equal(false);
      expect(equalBytes(a.dataKey, b.dataKey)).to.equal(false);
    });

    it("lets a grantee in the header decrypt, and a grantee holding a wrap from a grant event", async function () {
      const plaintext = randomBytes(5000);
      const { bytes, dataKey, header } = await seal(plaintext, {
        recipients: [grantee.publicKey, owner.publicKey],
      });
      expect(header.recipients).to.have.length(2); // the owner listed twice is wrapped once
      expect(equalBytes(await open(bytes, { privateKey: grantee.privateKey }), plaintext)).to.equal(
        true,
      );

      const late = generateEncryptionKey();
      const wrappedKey = await wrapDataKey({
        dataKey,
        recipientPublicKey: late.publicKey,
        binding: binding(),
      });
      expect(wrappedKey.length).to.equal(80);
      expect(
        equalBytes(await open(bytes, { privateKey: late.privateKey, wrappedKey }), plaintext),
      ).to.equal(true);
    });

    it("decrypts any plaintext range from only the segments that hold it", async function () {
      const plaintext = randomBytes(10 * SMALL + 123);
      const { bytes } = await seal(plaintext);
      const { header } = await readEnvelopeHeader(streamOf(bytes));
      const opened = await openEnvelope({
        header,
        binding: binding(),
        privateKey: owner.privateKey,
      });
      const ranges: [number, number][] = [
        [0, 0],
        [0, 1],
        [5, SMALL],
        [SMALL, 2 * SMALL],
        [SMALL - 1, SMALL + 1],
        [3000, 7777],
        [0, plaintext.length],
        [plaintext.length - 1, plaintext.length],
        [plaintext.length, plaintext.length],
      ];
      for (const [start, end] of ranges) {
        const fetched: { start: number; end: number }[] = [];
        const stream = await decryptEnvelopeRange({
          header,
          opened,
          start,
          end,
          fetchCiphertext: async (range) => {
            fetched.push(range);
            return bytes.slice(range.start, range.end);
          },
        });
        const out = await collect(stream);
        expect(equalBytes(out, plaintext.subarray(start, end)), `range ${start}..${end}`).to.equal(
          true,
        );
        const plan = planSegmentRange({
          headerLength: header.headerLength,
          segmentSize: SMALL,
          plaintextLength: plaintext.length,
          start,
          end,
        });
        expect(fetched).to.deep.equal([{ start: plan.ciphertextStart, end: plan.ciphertextEnd }]);
        expect(plan.ciphertextEnd - plan.ciphertextStart).to.be.at.most(
          (plan.lastSegment - plan.firstSegment + 1) * (SMALL + TAG_LENGTH),
        );
      }
    });
  });

  describe("when the ciphertext is tampered with", function () {
    // 5000 bytes in 1 KiB segments: segments 0..3 are full, segment 4 (final) holds 904 bytes.
    const plaintext = randomBytes(5000);
    let sealed: Awaited<ReturnType<typeof seal>>;
    let H: number;
    const at = (segment: number, offset = 0) => H + segment * (SMALL + TAG_LENGTH) + offset;
    before(async function () {
      sealed = await seal(plaintext, { recipients: [grantee.publicKey] });
      H = sealed.header.headerLength;
    });

    for (const [label, segment] of [
      ["first", 0],
      ["a middle", 2],
      ["the last", 4],
    ] as const) {
      it(`names ${label} segment when one of its bytes is flipped`, async function () {
        for (const offset of [0, 500, 903 + TAG_LENGTH]) {
          const error = await rejection(open(flip(sealed.bytes, at(segment, offset))));
          expect(error.name).to.equal("SegmentAuthenticationError");
          expect(error).to.have.property("segmentIndex", segment);
        }
      });
    }

    it("reports truncation when the final segment is dropped", async function () {
      const error = await rejection(open(sealed.bytes.slice(0, at(4))));
      expect(error.name).to.equal("TruncatedPayloadError");
      expect(error).to.have.property("segmentIndex", 4);
    });

    it("reports truncation at the segment that was cut mid-way", async function () {
      const error = await rejection(open(sealed.bytes.slice(0, at(2, 500))));
      expect(error.name).to.equal("TruncatedPayloadError");
      expect(error).to.have.property("segmentIndex", 2);
    });

    it("reports truncation when only the header is left", async function () {
      const error = await rejection(open(sealed.bytes.slice(0, H)));
      expect(error.name).to.equal("TruncatedPayloadError");
      expect(error).to.have.property("segmentIndex", 0);
    });

    it("fails at the first moved segment when segments are reordered", async function () {
      const bytes = sealed.bytes.slice();
      bytes.set(sealed.bytes.subarray(at(1), at(2)), at(2));
      bytes.set(sealed.bytes.subarray(at(2), at(3)), at(1));
      const error = await rejection(open(bytes));
      expect(error.name).to.equal("SegmentAuthenticationError");
      expect(error).to.have.property("segmentIndex", 1);
    });

    it("reports data appended after the final segment", async function () {
      const bytes = new Uint8Array(sealed.bytes.length + 10);
      bytes.set(sealed.bytes);
      const error = await rejection(open(bytes));
      expect(error.name).to.equal("TrailingDataError");
      expect(error).to.have.property("segmentIndex", 5);
    });

    it("says the ciphertext belongs to another token or version", async function () {
      for (const other of [
        binding({ tokenId: binding().tokenId + 1n }),
        binding({ version: 2n }),
        binding({ chainId: 1n }),
        binding({ schema: "biodental.record/2" }),
      ]) {
        const error = await rejection(open(sealed.bytes, { bind: other }));
        expect(error.name).to.equal("BindingMismatchError");
        expect(error.message).to.match(/does not belong to token \d+ version \d+/);
      }
    });

    it("fails when another token's header is forged onto these segments", async function () {
      const other = binding({ tokenId: 7n });
      const forged = await seal(plaintext, { bind: other });
      const bytes = new Uint8Array(sealed.bytes.length);
      bytes.set(forged.bytes.subarray(0, H));
      bytes.set(sealed.bytes.subarray(H), H);
      const error = await rejection(open(bytes, { bind: other }));
      expect(error.name).to.equal("SegmentAuthenticationError");
      expect(error).to.have.property("segmentIndex", 0);
    });

    it("refuses a header whose binding hash was rewritten to another token", async function () {
      const other = binding({ tokenId: 7n });
      const forged = await seal(new Uint8Array(0), { bind: other });
      const bytes = sealed.bytes.slice();
      bytes.set(forged.header.bindingHash, 29);
      const error = await rejection(open(bytes, { bind: other }));
      expect(error.name).to.equal("WrongRecipientKeyError");
    });

    it("detects a modified header field with the header tag", async function () {
      for (const offset of [12, 14 + 7, 22, 63 + 88 + 3, 63 + 88 + 8 + 10, H - 1]) {
        // segment size, plaintext length, nonce prefix, the grantee's key id and wrap, the tag itself
        const error = await rejection(open(flip(sealed.bytes, offset)));
        expect(error.name, `offset ${offset}`).to.equal("HeaderAuthenticationError");
      }
    });

    it("rejects bytes that are not an envelope", async function () {
      for (const offset of [0, 4, 5]) {
        const error = await rejection(open(flip(sealed.bytes, offset)));
        expect(error.name).to.equal("InvalidEnvelopeHeaderError");
      }
      expect((await rejection(open(new Uint8Array(5)))).name).to.equal(
        "InvalidEnvelopeHeaderError",
      );
    });

    it("fails on the owner's own wrap being altered", async function () {
      const error = await rejection(open(flip(sealed.bytes, 63 + 8 + 40)));
      expect(error.name).to.equal("WrongRecipientKeyError");
    });
  });

  describe("when the length was not known in advance", function () {
    const plaintext = randomBytes(4 * SMALL);
    let bytes: Uint8Array;
    let H: number;
    const at = (segment: number) => H + segment * (SMALL + TAG_LENGTH);
    before(async function () {
      const sealed = await seal(plaintext, { unknownLength: true });
      bytes = sealed.bytes;
      H = sealed.header.headerLength;
    });

    it("names the flipped segment", async function () {
      const error = await rejection(open(flip(bytes, at(1) + 9)));
      expect(error.name).to.equal("SegmentAuthenticationError");
      expect(error).to.have.property("segmentIndex", 1);
    });

    it("reports truncation at a segment boundary", async function () {
      const error = await rejection(open(bytes.slice(0, at(3))));
      expect(error.name).to.equal("TruncatedPayloadError");
      expect(error).to.have.property("segmentIndex", 3);
    });

    it("reports a whole segment appended after the final one", async function () {
      const longer = new Uint8Array(bytes.length + SMALL + TAG_LENGTH);
      longer.set(bytes);
      const error = await rejection(open(longer));
      expect(error.name).to.equal("TrailingDataError");
      expect(error).to.have.property("segmentIndex", 4);
    });
  });

  describe("when the reader holds the wrong key", function () {
    let sealed: Awaited<ReturnType<typeof seal>>;
    before(async function () {
      sealed = await seal(randomBytes(100));
    });

    it("says the key is not a recipient", async function () {
      const error = await rejection(open(sealed.bytes, { privateKey: stranger.privateKey }));
      expect(error.name).to.equal("NotARecipientError");
      const { header } = await readEnvelopeHeader(streamOf(sealed.bytes));
      expect(() => findRecipient({ header, privateKey: stranger.privateKey }))
        .to.throw()
        .with.property("name", "NotARecipientError");
      expect(findRecipient({ header, privateKey: owner.privateKey }).index).to.equal(0);
    });

    it("says the wrap from a grant was made for another key", async function () {
      const wrappedKey = await wrapDataKey({
        dataKey: sealed.dataKey,
        recipientPublicKey: grantee.publicKey,
        binding: binding(),
      });
      const error = await rejection(
        open(sealed.bytes, { privateKey: stranger.privateKey, wrappedKey }),
      );
      expect(error.name).to.equal("WrongRecipientKeyError");
    });
  });

  describe("when wrapping data keys", function () {
    it("round-trips an 80-byte wrap bound to one token and version", async function () {
      const dataKey = randomBytes(32);
      const wrappedKey = await wrapDataKey({
        dataKey,
        recipientPublicKey: grantee.publicKey,
        binding: binding(),
      });
      expect(wrappedKey.length).to.equal(80);
      expect(
        equalBytes(
          await unwrapDataKey({
            wrappedKey,
            recipientPrivateKey: grantee.privateKey,
            binding: binding(),
          }),
          dataKey,
        ),
      ).to.equal(true);
      for (const other of [binding({ version: 2n }), binding({ tokenId: 1n })]) {
        const error = await rejection(
          unwrapDataKey({ wrappedKey, recipientPrivateKey: grantee.privateKey, binding: other }),
        );
        expect(error.name).to.equal("WrongRecipientKeyError");
      }
      const short = await rejection(
        unwrapDataKey({
          wrappedKey: wrappedKey.subarray(1),
          recipientPrivateKey: grantee.privateKey,
          binding: binding(),
        }),
      );
      expect(short.name).to.equal("KeyUnwrapError");
    });

    it("refuses the all-zero (unregistered) public key", async function () {
      const error = await rejection(
        wrapDataKey({
          dataKey: randomBytes(32),
          recipientPublicKey: new Uint8Array(32),
          binding: binding(),
        }),
      );
      expect(error.name).to.equal("InvalidPublicKeyError");
    });
  });

  describe("when streaming a 300 MiB attachment", function () {
    it("round-trips record + attachment through the envelope with bounded memory", async function () {
      const total = 300 * 1024 * 1024;
      const chunkSize = 1024 * 1024 + 17; // not segment-aligned, so both assembly paths run
      const block = randomBytes(chunkSize);
      const inHash = createHash("sha256");
      let produced = 0;
      const source = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (produced >= total) return controller.close();
            const chunk = block.slice(0, Math.min(chunkSize, total - produced));
            new DataView(chunk.buffer).setUint32(0, produced / chunkSize); // every chunk differs
            inHash.update(chunk);
            produced += chunk.length;
            controller.enqueue(chunk);
          },
        },
        { highWaterMark: 0 },
      );

      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const payload = encodeRecordPayload({
        record: exampleRecord(),
        attachments: [
          {
            name: "notes.txt",
            mediaType: "text/plain",
            data: new TextEncoder().encode("before the scan"),
          },
          { name: "scan.stl", mediaType: "model/stl", data: source, size: total },
        ],
      });
      const { ciphertext } = await encryptEnvelope({
        plaintext: payload.stream,
        plaintextLength: payload.length,
        binding: binding(),
        ownerPublicKey: owner.publicKey,
      });
      const { plaintext } = await decryptEnvelope({
        ciphertext,
        binding: binding(),
        privateKey: owner.privateKey,
      });
      const { record, readAttachment } = await openRecordPayload(plaintext);
      expect(record.attachments.map((a) => [a.name, a.size])).to.deep.equal([
        ["notes.txt", 15],
        ["scan.stl", total],
      ]);
      const outHash = createHash("sha256");
      let received = 0;
      await forEachChunk(readAttachment("scan.stl"), (chunk) => {
        outHash.update(chunk);
        received += chunk.length;
        peak = Math.max(peak, process.memoryUsage().rss);
      });
      expect(received).to.equal(total);
      expect(outHash.digest("hex")).to.equal(inHash.digest("hex"));
      const growthMiB = (peak - before) / 1024 / 1024;
      expect(growthMiB, `RSS grew by ${growthMiB.toFixed(1)} MiB`).to.be.below(150);
    });
  });
});
