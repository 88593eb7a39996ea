import { describe, expect, it } from "vitest";
import { exampleRecord } from "#lib/record/exampleRecord.ts";
import { EMPTY_TOOTH } from "./toothChart.ts";
import { emptyDraft, recordToDraft, validateDraft } from "./recordDraft.ts";

const filled = () => ({
  ...emptyDraft(new Date("2026-05-01T10:00:00Z")),
  practitionerName: "Dr. Liora Voss",
});

describe("validateDraft", () => {
  describe("when the form is complete", () => {
    it("produces a record of the shared schema", () => {
      const draft = {
        ...filled(),
        teeth: {
          16: {
            ...EMPTY_TOOTH,
            status: "filled" as const,
            notes: " occlusal ",
            probingDepths: "3, 2,4",
            bleeding: true,
          },
          11: { ...EMPTY_TOOTH },
        },
        biome: [{ taxon: "Streptococcus salivarius", percent: "21,5" }],
        mood: 4,
        journal: "Calmer",
      };
      const result = validateDraft(draft);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.record.visitDate).toBe("2026-05-01");
      expect(result.record.teeth).toEqual([
        { tooth: 11, status: "healthy" },
        { tooth: 16, status: "filled", notes: "occlusal" },
      ]);
      expect(result.record.periodontal).toEqual([
        { tooth: 16, probingDepthsMm: [3, 2, 4], bleedingOnProbing: true },
      ]);
      expect(result.record.oralBiome[0]?.relativeAbundance).toBeCloseTo(0.215);
      expect(result.record.wellness).toEqual({ mood: 4, journal: "Calmer" });
      expect(result.record.hygiene).toBeUndefined();
    });
  });

  describe("when fields are wrong", () => {
    it("names the practitioner field when it is empty", () => {
      const result = validateDraft({ ...filled(), practitionerName: "  " });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.practitionerName).toMatch(/empty|required/);
    });

    it("names the tooth whose probing depths are out of range or not numbers", () => {
      const high = validateDraft({
        ...filled(),
        teeth: { 36: { ...EMPTY_TOOTH, probingDepths: "25" } },
      });
      expect(!high.ok && high.errors["tooth.36"]).toMatch(/20 mm/);
      const text = validateDraft({
        ...filled(),
        teeth: { 36: { ...EMPTY_TOOTH, probingDepths: "deep" } },
      });
      expect(!text.ok && text.errors["tooth.36"]).toMatch(/numbers/);
    });

    it("names the biome list when abundances exceed 100 %", () => {
      const result = validateDraft({
        ...filled(),
        biome: [
          { taxon: "A", percent: "70" },
          { taxon: "B", percent: "40" },
        ],
      });
      expect(!result.ok && result.errors.biome).toMatch(/more than 1/);
    });

    it("names a biome row without a taxon", () => {
      const result = validateDraft({ ...filled(), biome: [{ taxon: "", percent: "10" }] });
      expect(!result.ok && result.errors["biome.0.taxon"]).toBeTruthy();
    });

    it("refuses two attachments with the same name", () => {
      const result = validateDraft(filled(), ["scan.pdf", "scan.pdf"]);
      expect(!result.ok && result.errors.attachments).toMatch(/scan\.pdf/);
    });
  });
});

describe("recordToDraft", () => {
  it("round-trips a record through the form", () => {
    const record = exampleRecord();
    const result = validateDraft(recordToDraft(record));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.teeth).toEqual([...record.teeth].sort((a, b) => a.tooth - b.tooth));
    expect(result.record.oralBiome).toEqual(record.oralBiome);
    expect(result.record.wellness).toEqual(record.wellness);
    expect(result.record.hygiene).toEqual({
      brushingPerDay: 2,
      flossing: "weekly",
      mouthwash: true,
    });
  });
});
