// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import type { TimelineEntry } from "../../hooks/useRecordTimelineRead.ts";
import { RecordTimeline } from "./RecordTimeline.tsx";

const record = {
  visitDate: "2026-11-26",
  teeth: [],
  periodontal: [],
  wellness: { mood: 4 },
} as unknown as OralWellnessRecord;
const entry = (version: bigint, state: "read" | "failed" | "reading"): TimelineEntry => ({
  version,
  record: state === "read" ? record : undefined,
  error: state === "failed" ? new Error("not a recipient") : undefined,
  isPending: state === "reading",
});

describe("RecordTimeline", () => {
  it("shows only the explanation, no empty charts, when no version is readable", () => {
    render(<RecordTimeline entries={[entry(1n, "failed"), entry(2n, "failed")]} />);
    expect(screen.queryAllByRole("figure")).toHaveLength(0);
    expect(screen.getByTestId("timeline-unreadable").textContent).toMatch(
      /2 versions are not readable .*\(v1, v2\)/,
    );
  });

  it("draws the three charts once one version is readable, and names the others", () => {
    render(<RecordTimeline entries={[entry(1n, "failed"), entry(2n, "read")]} />);
    expect(screen.getAllByRole("figure")).toHaveLength(3);
    expect(screen.getByTestId("timeline-unreadable").textContent).toMatch(/One version is .*v1/);
  });

  it("says it is decrypting, without charts, while no version is read yet", () => {
    render(<RecordTimeline entries={[entry(1n, "reading"), entry(2n, "reading")]} />);
    expect(screen.queryAllByRole("figure")).toHaveLength(0);
    expect(screen.getByText(/Decrypting the earlier versions/)).toBeTruthy();
  });
});
