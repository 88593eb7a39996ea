import * as v from "valibot";

/**
 * The oral-wellness record, version 1. This JSON is the first part of the encrypted payload
 * (see `payload.ts`); attachments follow it as raw bytes. A breaking change gets a new schema id
 * (`biodental.record/2`), which is also part of every ciphertext's binding.
 */
export const RECORD_SCHEMA_ID = "biodental.record/1";

/** FDI two-digit notation, permanent dentition: quadrants 1–4, teeth 1–8 (11–18, 21–28, 31–38, 41–48). */
export function isFdiTooth(value: number): boolean {
  const quadrant = Math.floor(value / 10);
  const tooth = value % 10;
  return Number.isInteger(value) && quadrant >= 1 && quadrant <= 4 && tooth >= 1 && tooth <= 8;
}

export const FdiToothSchema = v.pipe(
  v.number("must be a number"),
  v.check(
    isFdiTooth,
    (issue) => `${String(issue.input)} is not an FDI tooth number (11–18, 21–28, 31–38, 41–48)`,
  ),
);

export const TOOTH_STATUSES = [
  "healthy",
  "caries",
  "filled",
  "crown",
  "missing",
  "implant",
  "sensitive",
  "other",
] as const;

const text = (max: number) =>
  v.pipe(v.string("must be text"), v.maxLength(max, `must be at most ${max} characters`));
const nonEmptyText = (max: number) =>
  v.pipe(text(max), v.trim(), v.minLength(1, "must not be empty"));
const count = (max: number) =>
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(0, "must not be negative"),
    v.maxValue(max, `must be at most ${max}`),
  );

export const ToothFindingSchema = v.strictObject({
  tooth: FdiToothSchema,
  status: v.picklist(TOOTH_STATUSES, `must be one of ${TOOTH_STATUSES.join(", ")}`),
  notes: v.optional(text(2000)),
});

export const PeriodontalMeasurementSchema = v.strictObject({
  tooth: FdiToothSchema,
  /** Up to six sites per tooth (MB, B, DB, ML, L, DL), in millimetres. */
  probingDepthsMm: v.pipe(
    v.array(
      v.pipe(
        v.number("must be a number"),
        v.minValue(0, "must not be negative"),
        v.maxValue(20, "must be at most 20 mm"),
      ),
    ),
    v.minLength(1, "needs at least one site"),
    v.maxLength(6, "has at most six sites"),
  ),
  bleedingOnProbing: v.boolean("must be true or false"),
});

/** Sums above 1 by more than rounding error are a data-entry mistake. */
export const ABUNDANCE_EPSILON = 1e-6;

export const OralBiomeReadingSchema = v.strictObject({
  taxon: nonEmptyText(200),
  relativeAbundance: v.pipe(
    v.number("must be a number"),
    v.minValue(0, "must be between 0 and 1"),
    v.maxValue(1, "must be between 0 and 1"),
  ),
});

export const HygieneHabitsSchema = v.strictObject({
  brushingPerDay: count(10),
  flossing: v.picklist(
    ["never", "rarely", "weekly", "daily"] as const,
    "must be never, rarely, weekly or daily",
  ),
  mouthwash: v.boolean("must be true or false"),
  interdentalBrushes: v.optional(v.boolean("must be true or false")),
  tongueCleaning: v.optional(v.boolean("must be true or false")),
  sugaryDrinksPerDay: v.optional(count(50)),
});

export const WellnessJournalSchema = v.strictObject({
  /** 1 = very low … 5 = very good. */
  mood: v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(1, "must be 1 to 5"),
    v.maxValue(5, "must be 1 to 5"),
  ),
  journal: v.optional(text(20_000)),
});

export const AttachmentSchema = v.strictObject({
  name: nonEmptyText(255),
  mediaType: v.pipe(
    v.string("must be text"),
    v.regex(/^[\w.+-]+\/[\w.+-]+$/, "must be a media type like image/jpeg"),
  ),
  size: v.pipe(
    v.number("must be a number"),
    v.safeInteger("must be a whole number of bytes"),
    v.minValue(0, "must not be negative"),
  ),
  /** Byte offset from the start of the attachments area; filled in by `encodeRecordPayload`. */
  offset: v.optional(
    v.pipe(
      v.number("must be a number"),
      v.safeInteger("must be a whole number of bytes"),
      v.minValue(0, "must not be negative"),
    ),
  ),
});

export const RecordSchema = v.strictObject({
  schema: v.literal(RECORD_SCHEMA_ID, `must be "${RECORD_SCHEMA_ID}"`),
  visitDate: v.pipe(v.string("must be text"), v.isoDate("must be an ISO date (YYYY-MM-DD)")),
  practitioner: v.strictObject({
    name: nonEmptyText(200),
    clinic: v.optional(text(200)),
  }),
  teeth: v.pipe(
    v.optional(v.array(ToothFindingSchema), []),
    v.checkItems(
      (item, index, array) => array.findIndex((other) => other.tooth === item.tooth) === index,
      (issue) => `tooth ${(issue.input as { tooth: number }).tooth} is listed twice`,
    ),
  ),
  periodontal: v.optional(v.array(PeriodontalMeasurementSchema), []),
  oralBiome: v.pipe(
    v.optional(v.array(OralBiomeReadingSchema), []),
    v.check(
      (readings) =>
        readings.reduce((sum, reading) => sum + reading.relativeAbundance, 0) <=
        1 + ABUNDANCE_EPSILON,
      (issue) =>
        `relative abundances add up to ${(issue.input as { relativeAbundance: number }[]).reduce((sum, r) => sum + r.relativeAbundance, 0).toFixed(4)}, more than 1`,
    ),
  ),
  hygiene: v.optional(HygieneHabitsSchema),
  wellness: v.optional(WellnessJournalSchema),
  story: v.optional(text(100_000)),
  attachments: v.pipe(
    v.optional(v.array(AttachmentSchema), []),
    v.checkItems(
      (item, index, array) => array.findIndex((other) => other.name === item.name) === index,
      (issue) => `attachment name "${(issue.input as { name: string }).name}" is used twice`,
    ),
  ),
});

/** A parsed, valid record. */
export type OralWellnessRecord = v.InferOutput<typeof RecordSchema>;
/** What callers may pass in (defaults not yet applied). */
export type OralWellnessRecordInput = v.InferInput<typeof RecordSchema>;
export type ToothFinding = v.InferOutput<typeof ToothFindingSchema>;
export type ToothStatus = (typeof TOOTH_STATUSES)[number];
export type PeriodontalMeasurement = v.InferOutput<typeof PeriodontalMeasurementSchema>;
export type OralBiomeReading = v.InferOutput<typeof OralBiomeReadingSchema>;
export type HygieneHabits = v.InferOutput<typeof HygieneHabitsSchema>;
export type WellnessJournal = v.InferOutput<typeof WellnessJournalSchema>;
export type AttachmentMetadata = v.InferOutput<typeof AttachmentSchema>;
