import type { TimelineEntry } from "../../hooks/useRecordTimelineRead.ts";
import { formatDate } from "../../lib/format/time.ts";
import { showTimelineCharts, unreadableVersions } from "../../lib/records/timelineCharts.ts";
import { LineChart } from "../charts/LineChart.tsx";

const NEEDS_CARE = new Set(["caries", "sensitive", "other"]);

/** How the record evolved across its versions: mood, teeth needing care, bleeding sites. */
export function RecordTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length < 2)
    return <p className="muted">The timeline appears once the record has a second version.</p>;
  const charts = showTimelineCharts(entries);
  const unreadable = unreadableVersions(entries);
  const reading = !charts && unreadable.length < entries.length;
  return (
    <div className="grid" data-testid="record-timeline">
      {charts ? <TimelineCharts entries={entries} /> : null}
      {reading ? <p className="hint">Decrypting the earlier versions…</p> : null}
      {unreadable.length > 0 ? (
        <p className="hint" data-testid="timeline-unreadable">
          {unreadable.length === 1 ? "One version is" : `${unreadable.length} versions are`} not
          readable with your key or no longer stored (
          {unreadable.map((e) => `v${e.version}`).join(", ")}).
        </p>
      ) : null}
    </div>
  );
}

/** The three charts, one point per version; a version that cannot be read leaves a gap. */
function TimelineCharts({ entries }: { entries: readonly TimelineEntry[] }) {
  const describe = (entry: TimelineEntry) =>
    entry.record ? `visit of ${formatDate(entry.record.visitDate)}` : "not readable";
  const points = (value: (entry: TimelineEntry) => number | undefined) =>
    entries.map((entry) => ({
      label: `v${entry.version}`,
      description: `v${entry.version} · ${describe(entry)}`,
      value: entry.record ? value(entry) : undefined,
    }));
  return (
    <>
      <LineChart
        title="Mood (1–5)"
        points={points((e) => e.record?.wellness?.mood)}
        yMin={1}
        yMax={5}
        testId="timeline-mood"
      />
      <LineChart
        title="Teeth needing care"
        points={points((e) => e.record?.teeth.filter((t) => NEEDS_CARE.has(t.status)).length)}
        yMin={0}
        yMax={Math.max(4, ...entries.map((e) => e.record?.teeth.length ?? 0))}
      />
      <LineChart
        title="Sites bleeding on probing"
        points={points((e) => e.record?.periodontal.filter((p) => p.bleedingOnProbing).length)}
        yMin={0}
        yMax={Math.max(4, ...entries.map((e) => e.record?.periodontal.length ?? 0))}
      />
    </>
  );
}
