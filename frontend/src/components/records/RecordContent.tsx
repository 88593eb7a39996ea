import { useState } from "react";
import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { formatDate } from "../../lib/format/time.ts";
import { recordToDraft } from "../../lib/record/recordDraft.ts";
import { STATUS_LABELS, describeTooth } from "../../lib/record/toothChart.ts";
import { BiomeChart } from "../charts/BiomeChart.tsx";
import { ToothChart } from "../charts/ToothChart.tsx";

const MOODS = ["", "Very low", "Low", "Okay", "Good", "Very good"] as const;
const FLOSSING = { never: "never", rarely: "rarely", weekly: "weekly", daily: "daily" } as const;

/** A decrypted record, read-only: chart, measurements, biome, habits, mood, story. */
export function RecordContent({ record }: { record: OralWellnessRecord }) {
  const chart = recordToDraft(record).teeth;
  const [selected, setSelected] = useState<number | undefined>(record.teeth[0]?.tooth);
  const finding =
    selected === undefined ? undefined : record.teeth.find((t) => t.tooth === selected);
  const measurement =
    selected === undefined ? undefined : record.periodontal.find((p) => p.tooth === selected);

  return (
    <div className="page" data-testid="record-content">
      <section className="card">
        <h2>Visit</h2>
        <dl className="kv">
          <dt>Date</dt>
          <dd data-testid="record-visit-date">{formatDate(record.visitDate)}</dd>
          <dt>Practitioner</dt>
          <dd data-testid="record-practitioner">
            {record.practitioner.name}
            {record.practitioner.clinic ? `, ${record.practitioner.clinic}` : ""}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="teeth-title">
        <h2 id="teeth-title">Teeth</h2>
        <ToothChart
          chart={chart}
          selected={selected}
          onSelect={setSelected}
          label="Tooth chart of this visit"
          testId="record-tooth-chart"
        />
        {selected !== undefined ? (
          <div
            className="notice notice-info"
            aria-live="polite"
            style={{ marginTop: "0.75rem" }}
            data-testid="tooth-detail"
          >
            <p className="notice-title">{describeTooth(selected)}</p>
            <p>
              {finding
                ? `${STATUS_LABELS[finding.status]}${finding.notes ? `: ${finding.notes}` : ""}`
                : "No finding recorded."}
            </p>
            {measurement ? (
              <p>
                Probing depths {measurement.probingDepthsMm.join(", ")} mm
                {measurement.bleedingOnProbing ? ", bleeding on probing" : ""}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card">
        <h2>Oral biome</h2>
        <BiomeChart readings={record.oralBiome} caption="Relative abundance" />
      </section>

      {record.hygiene || record.wellness ? (
        <section className="card">
          <h2>Habits and mood</h2>
          <dl className="kv">
            {record.hygiene ? (
              <>
                <dt>Brushing</dt>
                <dd>{record.hygiene.brushingPerDay} times a day</dd>
                <dt>Flossing</dt>
                <dd>{FLOSSING[record.hygiene.flossing]}</dd>
                <dt>Mouthwash</dt>
                <dd>{record.hygiene.mouthwash ? "yes" : "no"}</dd>
              </>
            ) : null}
            {record.wellness ? (
              <>
                <dt>Mood</dt>
                <dd data-testid="record-mood">
                  {MOODS[record.wellness.mood]} ({record.wellness.mood}/5)
                </dd>
              </>
            ) : null}
          </dl>
          {record.wellness?.journal ? (
            <blockquote className="journal">{record.wellness.journal}</blockquote>
          ) : null}
        </section>
      ) : null}

      {record.story ? (
        <section className="card">
          <h2>Story</h2>
          <p style={{ whiteSpace: "pre-wrap" }} data-testid="record-story">
            {record.story}
          </p>
        </section>
      ) : null}
    </div>
  );
}
