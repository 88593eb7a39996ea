import { type KeyboardEvent, useRef } from "react";
import {
  CHART_QUADRANTS,
  STATUS_LABELS,
  type ToothChartState,
  describeTooth,
  neighbourTooth,
} from "../../lib/record/toothChart.ts";

export type ToothChartProps = {
  chart: ToothChartState;
  /** The tooth being edited or inspected. */
  selected: number | undefined;
  onSelect: (tooth: number) => void;
  /** Names the chart for assistive technology ("Tooth chart of this visit"). */
  label: string;
  testId?: string;
};

/**
 * The clickable FDI chart (11–48). One tab stop; arrow keys move between teeth (roving tab
 * index), Enter or Space selects. Each tooth says its name and status.
 */
export function ToothChart({
  chart,
  selected,
  onSelect,
  label,
  testId = "tooth-chart",
}: ToothChartProps) {
  const refs = useRef(new Map<number, HTMLButtonElement>());
  const focusTooth = selected ?? 11;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, tooth: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowUp: "up", ArrowDown: "down" } as const;
    const move = step[event.key as keyof typeof step];
    if (move === undefined) return;
    event.preventDefault();
    const next = neighbourTooth(tooth, move);
    onSelect(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tooth-chart" role="group" aria-label={label} data-testid={testId}>
      {(["upper", "lower"] as const).map((jaw) => (
        <div key={jaw} className={`tooth-jaw ${jaw}`}>
          {CHART_QUADRANTS.filter((q) => q.jaw === jaw).map((quadrant) => (
            <div key={quadrant.quadrant} className="tooth-quadrant">
              <span className="tooth-quadrant-label">{quadrant.label}</span>
              {quadrant.teeth.map((tooth) => {
                const entry = chart[tooth];
                const statusText = entry ? STATUS_LABELS[entry.status] : "no finding";
                return (
                  <button
                    key={tooth}
                    ref={(element) => {
                      if (element) refs.current.set(tooth, element);
                      else refs.current.delete(tooth);
                    }}
                    type="button"
                    className={`tooth ${jaw} ${entry ? `status-${entry.status}` : ""}`}
                    aria-pressed={selected === tooth}
                    aria-label={`${describeTooth(tooth)}: ${statusText}`}
                    tabIndex={tooth === focusTooth ? 0 : -1}
                    data-testid={`tooth-${tooth}`}
                    data-status={entry?.status ?? ""}
                    onClick={() => onSelect(tooth)}
                    onKeyDown={(event) => onKeyDown(event, tooth)}
                  >
                    {tooth}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      ))}
      <ul className="tooth-legend" aria-label="Legend">
        <li>
          <span className="swatch" style={{ background: "var(--ok-soft)" }} />
          Healthy
        </li>
        <li>
          <span className="swatch" style={{ background: "var(--warn-soft)" }} />
          Needs care
        </li>
        <li>
          <span className="swatch" style={{ background: "var(--primary-soft)" }} />
          Treated
        </li>
        <li>
          <span
            className="swatch"
            style={{ background: "repeating-linear-gradient(45deg,#eee 0 3px,#fff 3px 6px)" }}
          />
          Missing
        </li>
      </ul>
    </div>
  );
}
