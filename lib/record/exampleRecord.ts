import { parseRecord } from "./parseRecord.ts";
import {
  type OralWellnessRecord,
  type OralWellnessRecordInput,
  RECORD_SCHEMA_ID,
} from "./schema.ts";

/**
 * A complete, valid record for tests, demos and seeding; `overrides` replace top-level fields.
 *
 * @example
 * const record = exampleRecord({ visitDate: "2025-03-01" })
 */
export function exampleRecord(
  overrides: Partial<OralWellnessRecordInput> = {},
): OralWellnessRecord {
  return parseRecord({
    schema: RECORD_SCHEMA_ID,
    visitDate: "2025-06-14",
    practitioner: { name: "Dr. Ada Molar", clinic: "Harbour Dental Wellness" },
    teeth: [
      { tooth: 16, status: "filled", notes: "Composite filling, occlusal; intact margins." },
      {
        tooth: 26,
        status: "caries",
        notes: "Early enamel lesion, distal. Fluoride varnish applied.",
      },
      { tooth: 36, status: "crown" },
      { tooth: 48, status: "missing", notes: "Extracted 2019." },
      { tooth: 11, status: "healthy" },
    ],
    periodontal: [
      { tooth: 16, probingDepthsMm: [3, 2, 3, 3, 2, 4], bleedingOnProbing: true },
      { tooth: 31, probingDepthsMm: [2, 2, 2, 2, 2, 2], bleedingOnProbing: false },
    ],
    oralBiome: [
      { taxon: "Streptococcus mutans", relativeAbundance: 0.04 },
      { taxon: "Streptococcus salivarius", relativeAbundance: 0.21 },
      { taxon: "Porphyromonas gingivalis", relativeAbundance: 0.005 },
      { taxon: "Veillonella parvula", relativeAbundance: 0.12 },
    ],
    hygiene: {
      brushingPerDay: 2,
      flossing: "weekly",
      mouthwash: true,
      interdentalBrushes: false,
      tongueCleaning: true,
      sugaryDrinksPerDay: 1,
    },
    wellness: {
      mood: 4,
      journal: "Less jaw tension since the night guard. Feeling calmer about the next visit.",
    },
    story:
      "Came in for a routine check-up after a sensitive spot on the upper left. Talked through flossing habits.",
    attachments: [],
    ...overrides,
  });
}
