import { describe, expect, it } from "vitest";
import { fetchLogsIncrementally } from "./fetchLogsIncrementally.ts";

function recorder() {
  const ranges: [bigint, bigint][] = [];
  return {
    ranges,
    fetchRange: async ({ fromBlock, toBlock }: { fromBlock: bigint; toBlock: bigint }) => {
      ranges.push([fromBlock, toBlock]);
      return [`${fromBlock}-${toBlock}`];
    },
  };
}

describe("fetchLogsIncrementally", () => {
  describe("when nothing is cached", () => {
    it("pages from the deployment block, never from 0", async () => {
      const { ranges, fetchRange } = recorder();
      const window = await fetchLogsIncrementally({
        previous: undefined,
        fromBlock: 100n,
        latestBlock: 349n,
        pageSize: 100n,
        fetchRange,
      });
      expect(ranges).toEqual([
        [100n, 199n],
        [200n, 299n],
        [300n, 349n],
      ]);
      expect(window.toBlock).toBe(349n);
      expect(window.items).toHaveLength(3);
    });
  });

  describe("when a window is cached", () => {
    it("only fetches the blocks mined since", async () => {
      const { ranges, fetchRange } = recorder();
      const window = await fetchLogsIncrementally({
        previous: { toBlock: 349n, items: ["old"] },
        fromBlock: 100n,
        latestBlock: 360n,
        pageSize: 100n,
        fetchRange,
      });
      expect(ranges).toEqual([[350n, 360n]]);
      expect(window.items).toEqual(["old", "350-360"]);
    });

    it("fetches nothing when no block was mined", async () => {
      const { ranges, fetchRange } = recorder();
      const window = await fetchLogsIncrementally({
        previous: { toBlock: 360n, items: ["old"] },
        fromBlock: 100n,
        latestBlock: 360n,
        pageSize: 100n,
        fetchRange,
      });
      expect(ranges).toEqual([]);
      expect(window).toEqual({ toBlock: 360n, items: ["old"] });
    });

    it("starts over when the chain went backwards (a restarted node)", async () => {
      const { ranges, fetchRange } = recorder();
      const window = await fetchLogsIncrementally({
        previous: { toBlock: 900n, items: ["stale"] },
        fromBlock: 100n,
        latestBlock: 150n,
        pageSize: 100n,
        fetchRange,
      });
      expect(ranges).toEqual([[100n, 150n]]);
      expect(window.items).toEqual(["100-150"]);
    });
  });
});
