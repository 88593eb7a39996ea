import { useId } from "react";

export type LinePoint = {
  /** Short axis label, e.g. "v2". */
  label: string;
  /** Longer label for the data table, e.g. "v2 · Nov 26, 2026". */
  description?: string | undefined;
  value: number | undefined;
};

export type LineChartProps = {
  title: string;
  points: readonly LinePoint[];
  /** The y axis runs from yMin to yMax (e.g. mood 1..5). */
  yMin: number;
  yMax: number;
  unit?: string;
  testId?: string;
};

const W = 320;
const H = 120;
const PAD = { left: 28, right: 10, top: 10, bottom: 26 };

/**
 * A small SVG line plot across record versions, with its numbers in a table for screen readers
 * (and for anyone who prefers numbers). Missing values break the line instead of inventing one.
 */
export function LineChart({ title, points, yMin, yMax, unit = "", testId }: LineChartProps) {
  const id = useId();
  const span = yMax - yMin || 1;
  const x = (i: number) =>
    PAD.left +
    (points.length <= 1
      ? (W - PAD.left - PAD.right) / 2
      : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) =>
    PAD.top + (1 - (Math.min(yMax, Math.max(yMin, v)) - yMin) / span) * (H - PAD.top - PAD.bottom);
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === undefined) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="label" id={`${id}-title`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`}>
        {[yMin, (yMin + yMax) / 2, yMax].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e4def0" />
            <text x={PAD.left - 6} y={y(tick) + 4} fontSize="10" textAnchor="end" fill="#57536a">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {segments.map((d) => (
          <path
            key={d}
            d={d}
            fill="none"
            stroke="#4b2aa8"
            strokeWidth="2.5"
            strokeLinejoin="round"
          />
        ))}
        {points.map((p, i) =>
          p.value === undefined ? null : (
            <circle
              key={`${p.label}-${i}`}
              cx={x(i)}
              cy={y(p.value)}
              r="4"
              fill="#fff"
              stroke="#4b2aa8"
              strokeWidth="2"
            />
          ),
        )}
        {points.map((p, i) => (
          <text
            key={`l-${p.label}-${i}`}
            x={x(i)}
            y={H - 8}
            fontSize="10"
            textAnchor="middle"
            fill="#57536a"
          >
            {p.label}
          </text>
        ))}
      </svg>
      <details>
        <summary className="hint">Data</summary>
        <table>
          <tbody>
            {points.map((p, i) => (
              <tr key={`t-${p.label}-${i}`}>
                <th scope="row">{p.description ?? p.label}</th>
                <td>{p.value === undefined ? "—" : `${p.value}${unit}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
