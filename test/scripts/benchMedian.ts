import { expect } from "chai";
import { median } from "../../scripts/bench/median.ts";

describe("scripts/bench median", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([90.2, 120.9, 114.6])).to.equal(114.6);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(median([7])).to.equal(7);
  });

  it("refuses an empty list rather than report a figure that was never measured", () => {
    expect(() => median([])).to.throw(RangeError);
  });
});
