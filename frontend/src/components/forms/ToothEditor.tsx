import { useId } from "react";
import {
  EMPTY_TOOTH,
  STATUS_LABELS,
  TOOTH_STATUS_OPTIONS,
  type ToothEntry,
  describeTooth,
} from "../../lib/record/toothChart.ts";

export type ToothEditorProps = {
  tooth: number;
  entry: ToothEntry | undefined;
  error: string | undefined;
  onChange: (entry: ToothEntry | undefined) => void;
};

/** Finding and periodontal measurement of the tooth selected on the chart. */
export function ToothEditor({ tooth, entry, error, onChange }: ToothEditorProps) {
  const id = useId();
  const current = entry ?? EMPTY_TOOTH;
  const update = (patch: Partial<ToothEntry>) => onChange({ ...current, ...patch });
  return (
    <fieldset
      className="tooth-editor"
      data-testid="tooth-editor"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        Tooth {tooth}{" "}
        <span className="muted">({describeTooth(tooth).replace(/ \(\d+\)$/, "")})</span>
      </legend>
      <div className="row">
        <label className="field">
          <span>Finding</span>
          <select
            value={entry ? current.status : ""}
            onChange={(event) =>
              event.target.value === ""
                ? onChange(undefined)
                : update({ status: event.target.value as ToothEntry["status"] })
            }
            data-testid="tooth-status"
          >
            <option value="">No entry</option>
            {TOOTH_STATUS_OPTIONS.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
            <option value="none">{STATUS_LABELS.none}</option>
          </select>
        </label>
        <label className="field">
          <span>Probing depths (mm, up to 6)</span>
          <input
            type="text"
            inputMode="decimal"
            placeholder="3, 2, 3"
            value={current.probingDepths}
            disabled={!entry}
            onChange={(event) => update({ probingDepths: event.target.value })}
            aria-invalid={Boolean(error)}
            data-testid="tooth-depths"
          />
        </label>
      </div>
      {entry && entry.status !== "none" ? (
        <label className="field">
          <span>Notes</span>
          <textarea
            rows={2}
            value={current.notes}
            onChange={(event) => update({ notes: event.target.value })}
            data-testid="tooth-notes"
          />
        </label>
      ) : null}
      {entry ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={current.bleeding}
            onChange={(event) => update({ bleeding: event.target.checked })}
          />
          Bleeding on probing
        </label>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
