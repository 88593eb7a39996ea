import { RecordValidationError } from "#lib/record/errors.ts";
import { parseRecord } from "#lib/record/parseRecord.ts";
import {
  type OralWellnessRecord,
  type OralWellnessRecordInput,
  RECORD_SCHEMA_ID,
} from "#lib/record/schema.ts";
import { EMPTY_TOOTH, type ToothChartState, type ToothEntry } from "./toothChart.ts";

/** The record form as typed: strings where people type numbers, so half-typed input is kept. */
export type RecordDraft = {
  visitDate: string;
  practitionerName: string;
  clinic: string;
  teeth: ToothChartState;
  biome: { taxon: string; percent: string }[];
  brushingPerDay: string;
  flossing: "" | "never" | "rarely" | "weekly" | "daily";
  mouthwash: boolean;
  /** 0 = not given; 1–5 otherwise. */
  mood: number;
  journal: string;
  story: string;
};

/** Form field keys: where an error is shown. */
export type DraftErrors = Record<string, string>;

export function emptyDraft(today = new Date()): RecordDraft {
  return {
    visitDate: today.toISOString().slice(0, 10),
    practitionerName: "",
    clinic: "",
    teeth: {},
    biome: [],
    brushingPerDay: "",
    flossing: "",
    mouthwash: false,
    mood: 0,
    journal: "",
    story: "",
  };
}

const sortedTeeth = (teeth: ToothChartState): [number, ToothEntry][] =>
  Object.entries(teeth)
    .map(([tooth, entry]) => [Number(tooth), entry] as [number, ToothEntry])
    .sort((a, b) => a[0] - b[0]);

function parseDepths(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n)))
    return "probing depths must be numbers in mm, separated by commas";
  return numbers;
}

/**
 * Turns the form into the shared schema's input, plus the errors the form itself can name
 * (numbers that are not numbers). The schema (`parseRecord`) has the last word.
 *
 * @example
 * const { input, errors } = draftToRecordInput(draft)
 */
export function draftToRecordInput(draft: RecordDraft): {
  input: OralWellnessRecordInput;
  errors: DraftErrors;
} {
  const errors: DraftErrors = {};
  const teeth = sortedTeeth(draft.teeth);
  const periodontal: NonNullable<OralWellnessRecordInput["periodontal"]> = [];
  for (const [tooth, entry] of teeth) {
    if (!entry.probingDepths.trim()) continue;
    const depths = parseDepths(entry.probingDepths);
    if (typeof depths === "string") errors[`tooth.${tooth}`] = depths;
    else periodontal.push({ tooth, probingDepthsMm: depths, bleedingOnProbing: entry.bleeding });
  }
  const oralBiome = draft.biome.map((reading, i) => {
    const percent = Number(reading.percent.replace(",", "."));
    if (reading.percent.trim() === "" || !Number.isFinite(percent))
      errors[`biome.${i}.percent`] = "enter a percentage";
    return {
      taxon: reading.taxon,
      relativeAbundance: Number.isFinite(percent) ? percent / 100 : Number.NaN,
    };
  });
  const brushing = draft.brushingPerDay.trim() === "" ? undefined : Number(draft.brushingPerDay);
  const input: OralWellnessRecordInput = {
    schema: RECORD_SCHEMA_ID,
    visitDate: draft.visitDate,
    practitioner: {
      name: draft.practitionerName,
      ...(draft.clinic.trim() ? { clinic: draft.clinic.trim() } : {}),
    },
    teeth: teeth.flatMap(([tooth, entry]) =>
      entry.status === "none"
        ? []
        : [
            {
              tooth,
              status: entry.status,
              ...(entry.notes.trim() ? { notes: entry.notes.trim() } : {}),
            },
          ],
    ),
    periodontal,
    oralBiome,
    ...(brushing !== undefined || draft.flossing
      ? {
          hygiene: {
            brushingPerDay: brushing ?? 0,
            flossing: draft.flossing || "never",
            mouthwash: draft.mouthwash,
          },
        }
      : {}),
    ...(draft.mood > 0
      ? {
          wellness: {
            mood: draft.mood,
            ...(draft.journal.trim() ? { journal: draft.journal } : {}),
          },
        }
      : {}),
    ...(draft.story.trim() ? { story: draft.story } : {}),
    attachments: [],
  };
  return { input, errors };
}

/**
 * Maps a schema issue path (`teeth[2].notes`, `oralBiome[0].taxon`, `wellness.mood`) to the form
 * field that shows it.
 */
export function fieldOfIssuePath(path: string, input: OralWellnessRecordInput): string {
  const indexed = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (indexed) {
    const [, list, index, rest] = indexed;
    const i = Number(index);
    if (list === "teeth") return `tooth.${input.teeth?.[i]?.tooth ?? ""}`;
    if (list === "periodontal") return `tooth.${input.periodontal?.[i]?.tooth ?? ""}`;
    if (list === "oralBiome")
      return `biome.${i}.${rest === "relativeAbundance" ? "percent" : (rest ?? "taxon")}`;
    if (list === "attachments") return "attachments";
  }
  if (path === "practitioner.name" || path === "practitioner") return "practitionerName";
  if (path === "practitioner.clinic") return "clinic";
  if (path === "oralBiome") return "biome";
  if (path.startsWith("wellness.mood")) return "mood";
  if (path.startsWith("wellness.journal")) return "journal";
  if (path.startsWith("hygiene.brushingPerDay")) return "brushingPerDay";
  if (path.startsWith("hygiene")) return "flossing";
  return path || "form";
}

export type ValidateDraftReturnType =
  | { ok: true; record: OralWellnessRecord; input: OralWellnessRecordInput }
  | { ok: false; errors: DraftErrors };

/**
 * Validates the form against the shared record schema and says which field is wrong.
 *
 * @example
 * const result = validateDraft(draft, ["scan.pdf"])
 * if (!result.ok) showErrors(result.errors)
 */
export function validateDraft(
  draft: RecordDraft,
  attachmentNames: readonly string[] = [],
): ValidateDraftReturnType {
  const { input, errors } = draftToRecordInput(draft);
  const duplicate = attachmentNames.find((name, i) => attachmentNames.indexOf(name) !== i);
  if (duplicate) errors.attachments = `two attachments are named "${duplicate}"`;
  try {
    const record = parseRecord(input);
    if (Object.keys(errors).length === 0) return { ok: true, record, input };
  } catch (error) {
    if (!(error instanceof RecordValidationError)) throw error;
    for (const issue of error.issues) {
      const field = fieldOfIssuePath(issue.path, input);
      errors[field] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/** A decrypted record back into the form, to write its next version. */
export function recordToDraft(record: OralWellnessRecord): RecordDraft {
  const teeth: Record<number, ToothEntry> = {};
  for (const finding of record.teeth)
    teeth[finding.tooth] = { ...EMPTY_TOOTH, status: finding.status, notes: finding.notes ?? "" };
  for (const measurement of record.periodontal) {
    const entry = teeth[measurement.tooth] ?? { ...EMPTY_TOOTH, status: "none" as const };
    teeth[measurement.tooth] = {
      ...entry,
      probingDepths: measurement.probingDepthsMm.join(", "),
      bleeding: measurement.bleedingOnProbing,
    };
  }
  return {
    visitDate: record.visitDate,
    practitionerName: record.practitioner.name,
    clinic: record.practitioner.clinic ?? "",
    teeth,
    biome: record.oralBiome.map((reading) => ({
      taxon: reading.taxon,
      percent: String(Math.round(reading.relativeAbundance * 10_000) / 100),
    })),
    brushingPerDay: record.hygiene ? String(record.hygiene.brushingPerDay) : "",
    flossing: record.hygiene?.flossing ?? "",
    mouthwash: record.hygiene?.mouthwash ?? false,
    mood: record.wellness?.mood ?? 0,
    journal: record.wellness?.journal ?? "",
    story: record.story ?? "",
  };
}
