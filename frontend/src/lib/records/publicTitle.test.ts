import { describe, expect, it } from "vitest";
import { publicTitleProblem } from "./publicTitle.ts";

describe("publicTitleProblem", () => {
  it("accepts plain printable ASCII up to 64 characters", () => {
    expect(publicTitleProblem("Echo of a smile: 2145, Oral Harmony Festival!")).toBeUndefined();
    expect(publicTitleProblem("x".repeat(64))).toBeUndefined();
  });
  it("names what is wrong", () => {
    expect(publicTitleProblem("")).toMatch(/title/);
    expect(publicTitleProblem("x".repeat(65))).toMatch(/65/);
    expect(publicTitleProblem("Smile <3")).toMatch(/“<”/);
    expect(publicTitleProblem("Café")).toMatch(/“é”/);
  });
});
