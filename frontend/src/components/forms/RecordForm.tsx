import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import type { OralWellnessRecordInput } from "#lib/record/schema.ts";
import { type DraftErrors, type RecordDraft, validateDraft } from "../../lib/record/recordDraft.ts";
import { setTooth } from "../../lib/record/toothChart.ts";
import { BiomeChart } from "../charts/BiomeChart.tsx";
import { ToothChart } from "../charts/ToothChart.tsx";
import { AttachmentDropzone } from "./AttachmentDropzone.tsx";
import { ToothEditor } from "./ToothEditor.tsx";

export type RecordFormSubmit = { input: OralWellnessRecordInput; files: File[] };

export type RecordFormProps = {
  initial: RecordDraft;
  submitLabel: string;
  busy: boolean;
  onSubmit: (value: RecordFormSubmit) => void;
  /** Extra content above the attachments (e.g. attachments kept from the previous version). */
  attachmentsNote?: ReactNode;
  /** Names already taken by kept attachments, for the duplicate-name check. */
  reservedNames?: readonly string[];
  /** Shown above the submit button, which it disables (e.g. the IPFS node is down). */
  blocker?: ReactNode;
};

const MOODS = ["Very low", "Low", "Okay", "Good", "Very good"] as const;

/**
 * The structured record: visit, tooth chart, biome readings, hygiene, mood and journal, private
 * story, attachments. Validated against the shared schema on submit; every error sits next to
 * its field and in a summary that takes focus.
 */
export function RecordForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  attachmentsNote,
  reservedNames = [],
  blocker,
}: RecordFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [selectedTooth, setSelectedTooth] = useState<number | undefined>();
  const summary = useRef<HTMLDivElement>(null);
  const set = <K extends keyof RecordDraft>(key: K, value: RecordDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: string) => errors[key];
  const fieldProps = (key: string) => ({
    "aria-invalid": Boolean(err(key)),
    "aria-describedby": err(key) ? `${id}-${key}-error` : undefined,
  });
  const errorText = (key: string) =>
    err(key) ? (
      <span className="field-error" id={`${id}-${key}-error`}>
        {err(key)}
      </span>
    ) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateDraft(draft, [...reservedNames, ...files.map((f) => f.name)]);
    if (!result.ok) {
      setErrors(result.errors);
      const tooth = Object.keys(result.errors).find((key) => key.startsWith("tooth."));
      if (tooth) setSelectedTooth(Number(tooth.slice(6)));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    onSubmit({ input: result.input, files });
  };

  const errorCount = Object.keys(errors).length;
  const previewBiome = draft.biome.map((r) => ({
    taxon: r.taxon,
    relativeAbundance: Number(r.percent.replace(",", ".")) / 100,
  }));

  return (
    <form onSubmit={submit} noValidate data-testid="record-form" className="page">
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {errorCount > 0 ? (
          <div className="notice notice-error" role="alert" data-testid="form-errors">
            <p className="notice-title">
              Please check {errorCount === 1 ? "one field" : `${errorCount} fields`}
            </p>
            <ul>
              {Object.entries(errors).map(([key, message]) => (
                <li key={key}>
                  {labelOf(key)}: {message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <fieldset>
        <legend>Visit</legend>
        <div className="row">
          <div className="field">
            <label className="field">
              <span>Visit date</span>
              <input
                type="date"
                value={draft.visitDate}
                onChange={(e) => set("visitDate", e.target.value)}
                required
                data-testid="visit-date"
                {...fieldProps("visitDate")}
              />
            </label>
            {errorText("visitDate")}
          </div>
          <div className="field">
            <label className="field">
              <span>Practitioner</span>
              <input
                type="text"
                value={draft.practitionerName}
                onChange={(e) => set("practitionerName", e.target.value)}
                autoComplete="off"
                required
                data-testid="practitioner"
                {...fieldProps("practitionerName")}
              />
            </label>
            {errorText("practitionerName")}
          </div>
          <label className="field">
            <span>Clinic (optional)</span>
            <input
              type="text"
              value={draft.clinic}
              onChange={(e) => set("clinic", e.target.value)}
              autoComplete="off"
              data-testid="clinic"
            />
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Teeth</legend>
        <p className="hint">Tap a tooth to note a finding. Arrow keys move across the chart.</p>
        <ToothChart
          chart={draft.teeth}
          selected={selectedTooth}
          onSelect={setSelectedTooth}
          label="Tooth chart (FDI)"
        />
        {selectedTooth !== undefined ? (
          <ToothEditor
            tooth={selectedTooth}
            entry={draft.teeth[selectedTooth]}
            error={err(`tooth.${selectedTooth}`)}
            onChange={(entry) => set("teeth", setTooth(draft.teeth, selectedTooth, entry))}
          />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Oral biome</legend>
        {draft.biome.map((reading, index) => (
          <div className="row" key={index} data-testid={`biome-row-${index}`}>
            <div className="field">
              <label className="field">
                <span>Taxon</span>
                <input
                  type="text"
                  value={reading.taxon}
                  onChange={(e) =>
                    set(
                      "biome",
                      draft.biome.map((r, i) =>
                        i === index ? { ...r, taxon: e.target.value } : r,
                      ),
                    )
                  }
                  data-testid={`biome-taxon-${index}`}
                  {...fieldProps(`biome.${index}.taxon`)}
                />
              </label>
              {errorText(`biome.${index}.taxon`)}
            </div>
            <div className="field">
              <label className="field">
                <span>Abundance (%)</span>
                <input
                  type="text"
                  inputMode="decimal"
                  value={reading.percent}
                  onChange={(e) =>
                    set(
                      "biome",
                      draft.biome.map((r, i) =>
                        i === index ? { ...r, percent: e.target.value } : r,
                      ),
                    )
                  }
                  data-testid={`biome-percent-${index}`}
                  {...fieldProps(`biome.${index}.percent`)}
                />
              </label>
              {errorText(`biome.${index}.percent`)}
            </div>
            <button
              type="button"
              className="button-link"
              style={{ flex: "none", alignSelf: "center" }}
              onClick={() =>
                set(
                  "biome",
                  draft.biome.filter((_, i) => i !== index),
                )
              }
              aria-label={`Remove reading ${index + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        {errorText("biome")}
        <button
          type="button"
          className="button secondary small"
          onClick={() => set("biome", [...draft.biome, { taxon: "", percent: "" }])}
          data-testid="add-biome"
        >
          Add a reading
        </button>
        {draft.biome.length > 0 ? <BiomeChart readings={previewBiome} caption="Preview" /> : null}
      </fieldset>

      <fieldset>
        <legend>Hygiene</legend>
        <div className="row">
          <div className="field">
            <label className="field">
              <span>Brushing per day</span>
              <input
                type="number"
                min={0}
                max={10}
                inputMode="numeric"
                value={draft.brushingPerDay}
                onChange={(e) => set("brushingPerDay", e.target.value)}
                {...fieldProps("brushingPerDay")}
              />
            </label>
            {errorText("brushingPerDay")}
          </div>
          <label className="field">
            <span>Flossing</span>
            <select
              value={draft.flossing}
              onChange={(e) => set("flossing", e.target.value as RecordDraft["flossing"])}
              {...fieldProps("flossing")}
            >
              <option value="">Not recorded</option>
              <option value="never">Never</option>
              <option value="rarely">Rarely</option>
              <option value="weekly">Weekly</option>
              <option value="daily">Daily</option>
            </select>
          </label>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.mouthwash}
            onChange={(e) => set("mouthwash", e.target.checked)}
          />
          Uses mouthwash
        </label>
      </fieldset>

      <fieldset>
        <legend>Mood and journal</legend>
        <div className="choice-row" role="radiogroup" aria-label="Mood">
          {MOODS.map((label, index) => (
            <label key={label} className="choice">
              <input
                type="radio"
                name={`${id}-mood`}
                value={index + 1}
                checked={draft.mood === index + 1}
                onChange={() => set("mood", index + 1)}
                data-testid={`mood-${index + 1}`}
              />
              {label}
            </label>
          ))}
        </div>
        {errorText("mood")}
        <div className="field" style={{ marginTop: "0.75rem" }}>
          <label className="field">
            <span>Emotional-wellness journal</span>
            <textarea
              value={draft.journal}
              onChange={(e) => set("journal", e.target.value)}
              rows={3}
              data-testid="journal"
              {...fieldProps("journal")}
            />
          </label>
          {errorText("journal")}
        </div>
      </fieldset>

      <fieldset>
        <legend>Your story (private)</legend>
        <label className="field">
          <span>Notes and story</span>
          <textarea
            value={draft.story}
            onChange={(e) => set("story", e.target.value)}
            rows={4}
            data-testid="story"
          />
        </label>
        <p className="hint">
          Encrypted like everything else. To share a story publicly, use “Public story” on the
          record later.
        </p>
      </fieldset>

      {attachmentsNote}
      <AttachmentDropzone files={files} onChange={setFiles} error={err("attachments")} />

      {blocker}
      <div className="actions">
        <button
          type="submit"
          className="button"
          disabled={busy || Boolean(blocker)}
          data-testid="record-submit"
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function labelOf(key: string): string {
  if (key.startsWith("tooth.")) return `Tooth ${key.slice(6)}`;
  const biome = /^biome\.(\d+)\.(\w+)$/.exec(key);
  if (biome)
    return `Biome reading ${Number(biome[1]) + 1} (${biome[2] === "percent" ? "abundance" : "taxon"})`;
  const labels: Record<string, string> = {
    visitDate: "Visit date",
    practitionerName: "Practitioner",
    clinic: "Clinic",
    biome: "Oral biome",
    brushingPerDay: "Brushing per day",
    flossing: "Hygiene",
    mood: "Mood",
    journal: "Journal",
    attachments: "Attachments",
  };
  return labels[key] ?? key;
}
