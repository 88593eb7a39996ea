import { TOOTH_STATUSES, type ToothStatus } from "#lib/record/schema.ts";

/**
 * The FDI chart as a dentist faces the patient: the patient's right (quadrants 1 and 4) on the
 * viewer's left, each row running from the back teeth to the midline and out again.
 */
export const CHART_QUADRANTS = [
  { quadrant: 1, label: "Upper right", jaw: "upper", teeth: [18, 17, 16, 15, 14, 13, 12, 11] },
  { quadrant: 2, label: "Upper left", jaw: "upper", teeth: [21, 22, 23, 24, 25, 26, 27, 28] },
  { quadrant: 4, label: "Lower right", jaw: "lower", teeth: [48, 47, 46, 45, 44, 43, 42, 41] },
  { quadrant: 3, label: "Lower left", jaw: "lower", teeth: [31, 32, 33, 34, 35, 36, 37, 38] },
] as const;

export const ALL_TEETH: readonly number[] = CHART_QUADRANTS.flatMap((q) => q.teeth);

const TYPES = [
  "central incisor",
  "lateral incisor",
  "canine",
  "first premolar",
  "second premolar",
  "first molar",
  "second molar",
  "third molar",
] as const;

/**
 * "upper right first molar (16)": what a screen reader says for a tooth button.
 *
 * @example
 * describeTooth(36) // "lower left first molar (36)"
 */
export function describeTooth(tooth: number): string {
  const quadrant = CHART_QUADRANTS.find((q) => q.quadrant === Math.floor(tooth / 10));
  const type = TYPES[(tooth % 10) - 1];
  if (!quadrant || !type) return `tooth ${tooth}`;
  return `${quadrant.label.toLowerCase()} ${type} (${tooth})`;
}

export const STATUS_LABELS: Record<ToothStatus | "none", string> = {
  none: "Measured only",
  healthy: "Healthy",
  caries: "Caries",
  filled: "Filled",
  crown: "Crown",
  missing: "Missing",
  implant: "Implant",
  sensitive: "Sensitive",
  other: "Other",
};

export const TOOTH_STATUS_OPTIONS: readonly ToothStatus[] = TOOTH_STATUSES;

export type ToothEntry = {
  /** "none": the tooth has only periodontal measurements, no finding. */
  status: ToothStatus | "none";
  notes: string;
  /** Comma-separated probing depths in mm, as typed (up to six sites). */
  probingDepths: string;
  bleeding: boolean;
};

export type ToothChartState = Readonly<Record<number, ToothEntry>>;

export const EMPTY_TOOTH: ToothEntry = {
  status: "healthy",
  notes: "",
  probingDepths: "",
  bleeding: false,
};

/**
 * Sets (or, with `undefined`, clears) one tooth's entry, returning a new chart.
 *
 * @example
 * setTooth({}, 16, { ...EMPTY_TOOTH, status: "filled" })
 */
export function setTooth(
  chart: ToothChartState,
  tooth: number,
  entry: ToothEntry | undefined,
): ToothChartState {
  const next = { ...chart };
  if (entry === undefined) delete next[tooth];
  else next[tooth] = entry;
  return next;
}

/** Keyboard navigation across the chart in reading order; wraps at the ends. */
export function neighbourTooth(tooth: number, step: 1 | -1 | "up" | "down"): number {
  const rows: number[][] = [
    [...CHART_QUADRANTS[0].teeth, ...CHART_QUADRANTS[1].teeth],
    [...CHART_QUADRANTS[2].teeth, ...CHART_QUADRANTS[3].teeth],
  ];
  const row = rows.findIndex((r) => r.includes(tooth));
  if (row < 0) return tooth;
  const current = rows[row] as number[];
  const column = current.indexOf(tooth);
  if (step === "up" || step === "down")
    return (rows[step === "up" ? 0 : 1] as number[])[column] as number;
  return current[(column + step + current.length) % current.length] as number;
}
