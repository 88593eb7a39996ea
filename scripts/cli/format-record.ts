import type { OralWellnessRecord } from "#lib/record/schema.ts";
import { describeTokenId } from "#lib/records/tokenId.ts";

export type FormatRecordParameters = {
  tokenId: bigint;
  owner: string;
  reader: string;
  version: bigint;
  cid: string;
  record: OralWellnessRecord;
};

/** A readable terminal summary of a decrypted record. */
export function formatRecord({
  tokenId,
  owner,
  reader,
  version,
  cid,
  record,
}: FormatRecordParameters): string {
  const lines = [
    `Token ${tokenId} (${describeTokenId(tokenId)})  version ${version}  (${cid})`,
    `  owner ${owner}${owner.toLowerCase() === reader.toLowerCase() ? " (you)" : `, read by ${reader} (grantee)`}`,
    `  visit ${record.visitDate} with ${record.practitioner.name}${record.practitioner.clinic ? `, ${record.practitioner.clinic}` : ""}`,
  ];
  if (record.teeth.length) {
    lines.push("  teeth (FDI):");
    for (const tooth of record.teeth)
      lines.push(`    ${tooth.tooth}  ${tooth.status}${tooth.notes ? `: ${tooth.notes}` : ""}`);
  }
  if (record.periodontal.length) {
    lines.push("  periodontal (mm):");
    for (const p of record.periodontal)
      lines.push(
        `    ${p.tooth}  ${p.probingDepthsMm.join(" ")}${p.bleedingOnProbing ? "  bleeding" : ""}`,
      );
  }
  if (record.oralBiome.length) {
    lines.push("  oral biome:");
    for (const reading of record.oralBiome)
      lines.push(
        `    ${(reading.relativeAbundance * 100).toFixed(1).padStart(5)} %  ${reading.taxon}`,
      );
  }
  if (record.hygiene) {
    const h = record.hygiene;
    lines.push(
      `  hygiene: brushing ${h.brushingPerDay}/day, flossing ${h.flossing}, mouthwash ${h.mouthwash ? "yes" : "no"}`,
    );
  }
  if (record.wellness)
    lines.push(
      `  mood ${record.wellness.mood}/5${record.wellness.journal ? `: ${record.wellness.journal}` : ""}`,
    );
  if (record.story) lines.push(`  story: ${record.story}`);
  lines.push(
    `  attachments: ${record.attachments.map((a) => `${a.name} (${a.mediaType}, ${a.size} bytes)`).join(", ") || "none"}`,
  );
  return lines.join("\n");
}
