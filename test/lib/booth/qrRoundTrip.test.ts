import { expect } from "chai";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { QrImageError, readQrImageFile } from "#lib/booth/qr/readQrImageFile.node.ts";
import { createMemoryReplayStore } from "#lib/booth/replay/memoryReplayStore.ts";
import { verifyPresentationQr } from "#lib/booth/verifyPresentationQr.ts";
import { boothFixture, client, networkHelpers, signPresentation } from "./helpers/boothFixture.ts";

/**
 * Version 18 (89 x 89 modules) at level M holds the 517-character presentation and a short
 * verify link. Shown about 6 cm wide on a phone, a module is about 0.6 mm: a mid-range phone
 * camera resolves that at arm's length. A bigger code would mean a protocol change, so it is
 * asserted here rather than noticed at a festival gate.
 */
const MAX_QR_VERSION = 18;

describe("booth QR images", () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "booth-qr-"));
  });

  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  describe("when a presentation is drawn by qrcode and read back by jsQR", () => {
    for (const form of ["bare", "verify link"] as const) {
      it(`verifies the ${form} form from a PNG and a JPEG, at QR version <= ${MAX_QR_VERSION} (level M)`, async () => {
        const f = await networkHelpers.loadFixture(boothFixture);
        const signed = await signPresentation({ fixture: f, signer: f.alice, tokenId: f.tokenId });
        const text = encodePresentationQr({
          ...signed,
          verifyUrl: form === "bare" ? undefined : "http://127.0.0.1:5173/verify",
        });

        const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
        console.log(
          `      QR (${form}, ${text.length} chars): version ${qr.version}, ${qr.modules.size}x${qr.modules.size} modules, level M`,
        );
        expect(qr.version).to.be.at.most(MAX_QR_VERSION);

        const pngPath = join(directory, `${form}.png`);
        await writeFile(
          pngPath,
          await QRCode.toBuffer(text, {
            errorCorrectionLevel: "M",
            type: "png",
            scale: 4,
            margin: 4,
          }),
        );
        expect(await readQrImageFile(pngPath)).to.equal(text);

        // A photo-like JPEG of the same code (lossy, larger modules).
        const big = PNG.sync.read(
          await QRCode.toBuffer(text, {
            errorCorrectionLevel: "M",
            type: "png",
            scale: 8,
            margin: 4,
          }),
        );
        const jpegPath = join(directory, `${form}.jpg`);
        await writeFile(
          jpegPath,
          jpeg.encode({ data: big.data, width: big.width, height: big.height }, 80).data,
        );
        const fromJpeg = await readQrImageFile(jpegPath);
        expect(fromJpeg).to.equal(text);

        const identity = {
          chainId: f.chainId,
          contract: f.contract,
          booth: f.booth,
          replayStore: createMemoryReplayStore(),
        };
        expect(
          (await verifyPresentationQr(client, { ...identity, input: fromJpeg })).reason,
        ).to.equal("valid");
        expect(
          (
            await verifyPresentationQr(client, {
              ...identity,
              input: await readQrImageFile(pngPath),
            })
          ).reason,
        ).to.equal("replay");
      });
    }
  });

  describe("when the image holds no QR code or is not an image", () => {
    it("throws QrImageError", async () => {
      const blank = new PNG({ width: 64, height: 64 });
      blank.data.fill(255);
      const blankPath = join(directory, "blank.png");
      await writeFile(blankPath, PNG.sync.write(blank));
      const textPath = join(directory, "note.png");
      await writeFile(textPath, "not an image");
      const damagedPath = join(directory, "damaged.png");
      await writeFile(
        damagedPath,
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40, 7)]),
      );
      for (const [path, reason] of [
        [blankPath, /no QR code/],
        [textPath, /neither PNG nor JPEG/],
        [damagedPath, /damaged/],
        [join(directory, "missing.png"), /cannot read/],
      ] as const) {
        let thrown: unknown;
        try {
          await readQrImageFile(path);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(QrImageError);
        expect((thrown as Error).message).to.match(reason);
      }
    });
  });
});
