import { randomBytes } from "node:crypto";
import { expect } from "chai";
import { HeldBackSegmenter } from "../../../lib/crypto/stream/heldBackSegmenter.ts";

/** Feeds `input` in pieces of the given sizes; returns the emitted segments (copied) and the rest. */
async function segment(input: Uint8Array, size: number, pieces: number[]) {
  const segmenter = new HeldBackSegmenter(size);
  const emitted: Buffer[] = [];
  let offset = 0;
  for (let index = 0; offset < input.length; index++) {
    const length = pieces[index % pieces.length]!;
    await segmenter.push(input.subarray(offset, offset + length), async (piece) => {
      emitted.push(Buffer.from(piece));
    });
    offset += length;
  }
  return { emitted, rest: Buffer.from(segmenter.rest) };
}

describe("lib/crypto HeldBackSegmenter", () => {
  for (const length of [0, 1, 99, 100, 101, 250, 300, 1000]) {
    it(`cuts ${length} bytes into full segments and holds the last one back, whatever the pieces`, async () => {
      const input = randomBytes(length);
      for (const pieces of [[1], [7], [100], [150], [1000], [33, 250]]) {
        const { emitted, rest } = await segment(input, 100, pieces);
        expect(Buffer.concat([...emitted, rest]).equals(input), `${pieces}`).to.equal(true);
        for (const piece of emitted) expect(piece.length).to.equal(100);
        // The final segment is held back even when full: only more input could prove it is not final.
        const expectedRest = length === 0 ? 0 : length % 100 === 0 ? 100 : length % 100;
        expect(rest.length, `${pieces}`).to.equal(expectedRest);
      }
    });
  }

  it("waits for each emit before cutting the next segment", async () => {
    const segmenter = new HeldBackSegmenter(10);
    const order: string[] = [];
    await segmenter.push(randomBytes(35), async (piece) => {
      order.push(`start ${piece.length}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push("end");
    });
    expect(order).to.deep.equal(["start 10", "end", "start 10", "end", "start 10", "end"]);
    expect(segmenter.rest.length).to.equal(5);
  });
});
