import { expect } from "chai";
import {
  type Hex,
  bytesToHex,
  decodeAbiParameters,
  encodeAbiParameters,
  getAddress,
  hexToBytes,
} from "viem";
import { decodeBase64Url, encodeBase64Url } from "#lib/booth/base64url.ts";
import { MAX_PRESENTATION_TEXT_LENGTH, PRESENTATION_QR_PREFIX } from "#lib/booth/constants.ts";
import { decodePresentationQr } from "#lib/booth/decodePresentationQr.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { MalformedPresentationError } from "#lib/booth/errors.ts";
import { PRESENTATION_PAYLOAD_PARAMETERS } from "#lib/booth/presentationAbi.ts";
import type { SignedPresentation } from "#lib/booth/types.ts";

function randomHex(bytes: number): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

function sample(signatureBytes = 65): SignedPresentation {
  return {
    chainId: 31337n,
    verifyingContract: getAddress(randomHex(20)),
    presentation: {
      tokenId: (BigInt(randomHex(20)) << 96n) | 7n,
      holder: getAddress(randomHex(20)),
      booth: getAddress(randomHex(20)),
      challenge: randomHex(32),
      notAfter: 1_800_000_030n,
    },
    signature: randomHex(signatureBytes),
  };
}

/** The payload bytes of a QR text, to tamper with. */
function payloadOf(text: string): Uint8Array {
  const decoded = decodeBase64Url(text.slice(PRESENTATION_QR_PREFIX.length));
  if (decoded.bytes === undefined) throw new Error(decoded.error);
  return decoded.bytes;
}

function textOf(bytes: Uint8Array): string {
  return PRESENTATION_QR_PREFIX + encodeBase64Url(bytes);
}

function expectMalformed(input: string, reason: RegExp): void {
  let thrown: unknown;
  try {
    decodePresentationQr(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `accepted ${input.slice(0, 40)}…`).to.be.instanceOf(MalformedPresentationError);
  expect((thrown as MalformedPresentationError).reason).to.match(reason);
}

describe("booth QR codec", () => {
  describe("when encoding base64url", () => {
    it("round-trips every length and byte value without padding", () => {
      for (let length = 0; length < 70; length++) {
        const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length) & 0xff);
        const text = encodeBase64Url(bytes);
        expect(text).to.match(/^[A-Za-z0-9_-]*$/);
        expect(text).to.equal(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64Url(text).bytes).to.deep.equal(bytes);
      }
    });

    it("refuses padding, the standard alphabet, whitespace and set unused bits", () => {
      expect(decodeBase64Url("-_8=").error).to.match(/padding/);
      expect(decodeBase64Url("+/8").error).to.match(/character/);
      expect(decodeBase64Url("-_ 8").error).to.match(/character/);
      expect(decodeBase64Url("-_9").error).to.match(/non-canonical/);
      expect(decodeBase64Url("QR").error).to.match(/non-canonical/);
      expect(decodeBase64Url("A").error).to.match(/impossible/);
      expect(decodeBase64Url("é").error).to.match(/character/);
    });
  });

  describe("when a presentation is encoded", () => {
    it("is the bdp1. prefix plus base64url of the protocol's ABI tuple", () => {
      const signed = sample();
      const text = encodePresentationQr(signed);
      expect(text.startsWith("bdp1.")).to.equal(true);
      expect(text).to.have.length(517);
      const viaViem = encodeAbiParameters(PRESENTATION_PAYLOAD_PARAMETERS, [
        signed.chainId,
        signed.verifyingContract,
        signed.presentation.tokenId,
        signed.presentation.holder,
        signed.presentation.booth,
        signed.presentation.challenge,
        signed.presentation.notAfter,
        signed.signature,
      ]);
      expect(bytesToHex(payloadOf(text))).to.equal(viaViem);
    });

    it("decodes back to the same presentation, bare or inside a verify link", () => {
      for (const length of [0, 1, 64, 65, 66, 200]) {
        const signed = sample(length);
        expect(decodePresentationQr(encodePresentationQr(signed))).to.deep.equal(signed);
        const link = encodePresentationQr({
          ...signed,
          verifyUrl: "https://festival.example/app/verify",
        });
        expect(link.startsWith("https://festival.example/app/verify#bdp1.")).to.equal(true);
        expect(decodePresentationQr(link)).to.deep.equal(signed);
        expect(decodePresentationQr(`  ${link}\r\n`)).to.deep.equal(signed);
      }
    });

    it("agrees with viem's ABI decoder on the fields", () => {
      const signed = sample();
      const [chainId, verifyingContract, tokenId, holder, booth, challenge, notAfter, signature] =
        decodeAbiParameters(
          PRESENTATION_PAYLOAD_PARAMETERS,
          bytesToHex(payloadOf(encodePresentationQr(signed))),
        );
      expect({
        chainId,
        verifyingContract,
        presentation: { tokenId, holder, booth, challenge, notAfter },
        signature,
      }).to.deep.equal(signed);
    });
  });

  describe("when the input is malformed", () => {
    const good = encodePresentationQr(sample());

    it("refuses a wrong or missing prefix", () => {
      expectMalformed("", /does not start/);
      expectMalformed(good.replace("bdp1.", "bdp2."), /does not start/);
      expectMalformed(good.replace("bdp1.", "BDP1."), /does not start/);
      expectMalformed(good.slice(5), /does not start/);
      expectMalformed(`ftp://x/verify#${good}`, /neither/);
      expectMalformed(`https://x/verify#${good.replace("bdp1.", "bdp0.")}`, /fragment/);
      expectMalformed(`https://x y/verify#${good}`, /neither/);
    });

    it("refuses bad base64url, padding and huge input", () => {
      expectMalformed(`${good}=`, /padding/);
      expectMalformed(good.slice(0, 100) + "+" + good.slice(101), /character/);
      expectMalformed(good.slice(0, 100) + " " + good.slice(101), /character/);
      expectMalformed(good + "A", /impossible/);
      expectMalformed("bdp1." + "A".repeat(MAX_PRESENTATION_TEXT_LENGTH), /longer than/);
      expectMalformed("bdp1." + "A".repeat(10_000_000), /longer than/);
    });

    it("refuses wrong lengths, truncation and trailing bytes", () => {
      const bytes = payloadOf(good);
      expectMalformed(textOf(bytes.subarray(0, 100)), /too short/);
      expectMalformed(textOf(bytes.subarray(0, bytes.length - 1)), /whole ABI words/);
      expectMalformed(textOf(bytes.subarray(0, bytes.length - 32)), /ends inside the signature/);
      expectMalformed(textOf(new Uint8Array([...bytes, ...new Uint8Array(32)])), /trailing/);
    });

    it("refuses non-canonical encodings", () => {
      const bytes = payloadOf(good);
      const tamper = (offset: number, value: number): string => {
        const copy = bytes.slice();
        copy[offset] = value;
        return textOf(copy);
      };
      expectMalformed(tamper(32 * 1, 1), /verifyingContract has non-zero high bytes/);
      expectMalformed(tamper(32 * 3 + 11, 1), /holder has non-zero high bytes/);
      expectMalformed(tamper(32 * 4, 0xff), /booth has non-zero high bytes/);
      expectMalformed(tamper(32 * 6 + 23, 1), /notAfter has non-zero high bytes/);
      expectMalformed(tamper(32 * 7 + 31, 0x20), /offset/);
      expectMalformed(tamper(32 * 8 + 31, 100), /ends inside/);
      expectMalformed(tamper(32 * 8 + 31, 1), /trailing/);
      expectMalformed(tamper(bytes.length - 1, 1), /padding is not zero/);
      // An offset pointing elsewhere, with the data moved there: valid ABI, but not canonical.
      const moved = new Uint8Array(bytes.length + 32);
      moved.set(bytes.subarray(0, 32 * 8));
      moved.set(bytes.subarray(32 * 8), 32 * 9);
      moved[32 * 7 + 31] = 0x20;
      moved[32 * 7 + 30] = 0x01;
      expectMalformed(textOf(moved), /offset/);
    });

    it("refuses an absurd signature length without allocating it", () => {
      const bytes = payloadOf(good);
      bytes.set(hexToBytes(`0x${"ff".repeat(32)}`), 32 * 8);
      expectMalformed(textOf(bytes), /signature is longer/);
    });

    it("turns every random mutation into either the same presentation or MalformedPresentationError", () => {
      const signed = decodePresentationQr(good);
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. #%";
      // A seeded generator (xorshift32): a failure names its iteration and reproduces.
      let state = 0x9e3779b9;
      const random = (): number => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 2 ** 32;
      };
      for (let i = 0; i < 3000; i++) {
        const chars = good.split("");
        const position = Math.floor(random() * (chars.length + 1));
        const action = i % 3;
        const pick = alphabet[Math.floor(random() * alphabet.length)]!;
        if (action === 0) chars[Math.min(position, chars.length - 1)] = pick;
        else if (action === 1) chars.splice(position, 1);
        else chars.splice(position, 0, pick);
        const mutated = chars.join("");
        try {
          const decoded = decodePresentationQr(mutated);
          // Only surrounding whitespace is forgiven; any other change that decodes must decode differently.
          if (mutated.trim() === good) expect(decoded, `iteration ${i}`).to.deep.equal(signed);
          else expect(decoded, `iteration ${i}: ${mutated}`).to.not.deep.equal(signed);
        } catch (error) {
          expect(error, `iteration ${i}: ${mutated}`).to.be.instanceOf(MalformedPresentationError);
        }
      }
    });

    it("refuses non-string input with MalformedPresentationError", () => {
      expect(() => decodePresentationQr(undefined as unknown as string)).to.throw(
        MalformedPresentationError,
      );
      expect(() => decodePresentationQr(42 as unknown as string)).to.throw(
        MalformedPresentationError,
      );
    });
  });
});
