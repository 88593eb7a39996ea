import { expect } from "chai";
import { cidFromBytes, cidToBytes, cidToHex, parseCid } from "../../../lib/ipfs/cid.ts";

const V0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
const V1 = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";

describe("lib/ipfs CID conversions", () => {
  describe("when converting a CIDv0", () => {
    it("stores 0x12 0x20 + the 32-byte digest and comes back as Qm…", () => {
      const bytes = cidToBytes(V0);
      expect(bytes.length).to.equal(34);
      expect([bytes[0], bytes[1]]).to.deep.equal([0x12, 0x20]);
      expect(cidFromBytes(bytes)).to.equal(V0);
      expect(cidFromBytes(cidToHex(V0))).to.equal(V0);
      expect(cidToHex(V0)).to.match(/^0x1220[0-9a-f]{64}$/);
    });
  });

  describe("when converting a CIDv1", () => {
    it("stores 0x01 + codec + multihash and comes back as base32", () => {
      const bytes = cidToBytes(V1);
      expect([bytes[0], bytes[1], bytes[2], bytes[3]]).to.deep.equal([0x01, 0x55, 0x12, 0x20]);
      expect(bytes.length).to.equal(36);
      expect(cidFromBytes(bytes)).to.equal(V1);
    });

    it("accepts ipfs:// and /ipfs/ forms", () => {
      expect(parseCid(`ipfs://${V1}`).toString()).to.equal(V1);
      expect(parseCid(`/ipfs/${V0}`).toString()).to.equal(V0);
    });
  });

  describe("when the input is malformed", () => {
    it("throws MalformedCidError", () => {
      for (const bad of ["", "Qm123", "not a cid"]) {
        expect(() => cidToBytes(bad))
          .to.throw()
          .with.property("name", "MalformedCidError");
      }
      for (const bad of ["0x", "0x12", "0x1220ab", "0xzz", new Uint8Array([1, 2, 3])]) {
        expect(() => cidFromBytes(bad))
          .to.throw()
          .with.property("name", "MalformedCidError");
      }
    });

    it("rejects a hash other than sha2-256", () => {
      // identity multihash (0x00) of "abc" inside a CIDv1 raw.
      const identityCid = new Uint8Array([0x01, 0x55, 0x00, 0x03, 0x61, 0x62, 0x63]);
      expect(() => cidFromBytes(identityCid))
        .to.throw()
        .with.property("name", "MalformedCidError");
      // sha2-512 (0x13) digest of 64 bytes.
      const sha512 = new Uint8Array([0x01, 0x55, 0x13, 0x40, ...new Uint8Array(64)]);
      expect(() => cidFromBytes(sha512))
        .to.throw()
        .with.property("name", "MalformedCidError");
    });
  });
});
