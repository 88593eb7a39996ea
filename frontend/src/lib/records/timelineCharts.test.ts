import { describe, expect, it } from "vitest";
import { showTimelineCharts, unreadableVersions } from "./timelineCharts.ts";

const readable = { version: 1n, record: { mood: 4 }, isPending: false };
const failed = { version: 2n, record: undefined, isPending: false };
const reading = { version: 3n, record: undefined, isPending: true };

describe("showTimelineCharts", () => {
  it("draws the charts once a single version is decrypted", () => {
    expect(showTimelineCharts([failed, readable])).toBe(true);
    expect(showTimelineCharts([reading, readable, failed])).toBe(true);
  });

  it("draws no empty axes when no version is readable, or none is decrypted yet", () => {
    expect(showTimelineCharts([failed, failed])).toBe(false);
    expect(showTimelineCharts([reading, failed])).toBe(false);
    expect(showTimelineCharts([])).toBe(false);
  });
});

describe("unreadableVersions", () => {
  it("lists the versions that failed, not those still being read", () => {
    expect(unreadableVersions([readable, failed, reading])).toEqual([failed]);
  });
});
