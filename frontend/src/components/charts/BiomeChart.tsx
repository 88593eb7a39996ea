export type BiomeChartProps = {
  readings: readonly { taxon: string; relativeAbundance: number }[];
  caption?: string;
};

/**
 * Relative abundance per taxon as horizontal bars, largest first. A list, not a canvas: every
 * bar is also its text, so screen readers and small screens get the same information.
 */
export function BiomeChart({ readings, caption = "Oral biome" }: BiomeChartProps) {
  const valid = readings.filter((r) => r.taxon.trim() && Number.isFinite(r.relativeAbundance));
  if (valid.length === 0) return <p className="muted">No biome readings.</p>;
  const sorted = [...valid].sort((a, b) => b.relativeAbundance - a.relativeAbundance);
  const max = Math.max(...sorted.map((r) => r.relativeAbundance), 0.0001);
  const rest = Math.max(0, 1 - sorted.reduce((sum, r) => sum + r.relativeAbundance, 0));
  return (
    <figure className="chart" data-testid="biome-chart">
      <figcaption className="label">{caption}</figcaption>
      <ul className="bars">
        {sorted.map((reading) => (
          <li key={reading.taxon} className="bar-row">
            <span>
              <em>{reading.taxon}</em>
            </span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar-fill"
                style={{ width: `${(reading.relativeAbundance / max) * 100}%`, display: "block" }}
              />
            </span>
            <span className="bar-value">{formatPercent(reading.relativeAbundance)}</span>
          </li>
        ))}
      </ul>
      {rest > 0.0005 ? <p className="hint">Other taxa: {formatPercent(rest)}</p> : null}
    </figure>
  );
}

export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  return `${percent < 1 ? percent.toFixed(2) : percent.toFixed(1)} %`;
}
