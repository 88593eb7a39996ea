import "fake-indexeddb/auto";
import { expect } from "chai";
import { getAddress } from "viem";
import { checkInOf } from "#lib/booth/checkins/checkIn.ts";
import { checkInsToCsv } from "#lib/booth/checkins/checkInsToCsv.ts";
import { createIndexedDbCheckInLog } from "#lib/booth/checkins/indexedDbCheckInLog.ts";
import { makeVerdict } from "#lib/booth/verdict.ts";

const holder = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

describe("booth check-in log", () => {
  describe("when verdicts are logged", () => {
    it("keeps them in IndexedDB across reopening, lists newest first, and clears", async () => {
      const databaseName = `checkins-${Math.random()}`;
      let log = await createIndexedDbCheckInLog({ databaseName });
      const valid = makeVerdict({
        reason: "valid",
        tokenId: 42n,
        holder,
        notAfter: 1n,
        publicProfile: { title: "Brave smile", storyCid: null },
      });
      await log.add(checkInOf(valid, 1000));
      await log.add(checkInOf(makeVerdict({ reason: "replay", tokenId: 42n, holder }), 2000));
      await log.add(checkInOf(makeVerdict({ reason: "malformed" }), 3000));
      log.close();
      log = await createIndexedDbCheckInLog({ databaseName });
      expect((await log.list()).map((c) => c.reason)).to.deep.equal([
        "valid",
        "replay",
        "malformed",
      ]);
      expect((await log.recent(2)).map((c) => c.at)).to.deep.equal([3000, 2000]);
      expect((await log.list())[0]).to.deep.equal({
        at: 1000,
        outcome: "valid",
        reason: "valid",
        tokenId: "42",
        holder,
        title: "Brave smile",
      });
      await log.clear();
      expect(await log.list()).to.deep.equal([]);
      log.close();
    });
  });

  describe("when exported as CSV", () => {
    it("writes a header, ISO times and quotes what needs quoting", () => {
      const csv = checkInsToCsv([
        { at: 0, outcome: "valid", reason: "valid", tokenId: "7", holder, title: 'Smile, "big"' },
        { at: 1000, outcome: "invalid", reason: "malformed", tokenId: "", holder: "", title: "" },
      ]);
      expect(csv).to.equal(
        "time,outcome,reason,tokenId,holder,title\r\n" +
          `1970-01-01T00:00:00.000Z,valid,valid,7,${holder},"Smile, ""big"""\r\n` +
          "1970-01-01T00:00:01.000Z,invalid,malformed,,,\r\n",
      );
    });

    it("defuses titles a spreadsheet would run as formulas", () => {
      const csv = checkInsToCsv([
        { at: 0, outcome: "valid", reason: "valid", tokenId: "1", holder, title: "=HYPERLINK(1)" },
      ]);
      expect(csv.split("\r\n")[1]!.endsWith(",'=HYPERLINK(1)")).to.equal(true);
    });
  });
});
