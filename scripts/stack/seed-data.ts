/**
 * The demo cast of the Oral Harmony Festival (see the "Emotional Echoes" campaign): records,
 * grants and public stories `npm run seed` creates. Fiction, written for the demo; every record
 * is encrypted like a real one, every story is public by its character's (scripted) consent.
 */
import type { OralWellnessRecordInput } from "#lib/record/schema.ts";
import { RECORD_SCHEMA_ID } from "#lib/record/schema.ts";
import { SCOPE_PRESENT, SCOPE_READ } from "#lib/records/scopes.ts";

export const PRACTITIONER = {
  name: "Dr. Liora Voss",
  clinic: "Playful Harmony Pods - Wellness Alchemy Studio",
};

export type SeedAttachment = { name: string; mediaType: string; text: string };

export type SeedRecord = {
  record: OralWellnessRecordInput;
  attachments: SeedAttachment[];
  /** Later versions of the same record (a timeline across versions). */
  updates?: { record: OralWellnessRecordInput; attachments: SeedAttachment[] }[];
  /** A grant to the practitioner, days from now. */
  grant?: { scopes: number; days: number };
  /** A public story for the gallery; `consent: false` shows the owner's toggle switched off. */
  story?: { title: string; text: string; mood: string; consent: boolean };
};

export type SeedMember = { index: number; name: string; records: SeedRecord[] };

const record = (
  fields: Omit<OralWellnessRecordInput, "schema" | "practitioner">,
): OralWellnessRecordInput => ({
  schema: RECORD_SCHEMA_ID,
  practitioner: PRACTITIONER,
  ...fields,
});

export const SEED_MEMBERS: SeedMember[] = [
  {
    index: 1,
    name: "Talai Rina",
    records: [
      {
        record: record({
          visitDate: "2025-05-03",
          teeth: [
            { tooth: 11, status: "healthy" },
            {
              tooth: 21,
              status: "sensitive",
              notes:
                "Cold sensitivity since the festival rehearsals; desensitising varnish applied.",
            },
            { tooth: 36, status: "filled", notes: "Old composite, margins intact." },
            { tooth: 46, status: "healthy" },
          ],
          periodontal: [
            { tooth: 16, probingDepthsMm: [2, 2, 3, 2, 2, 2], bleedingOnProbing: false },
            { tooth: 41, probingDepthsMm: [3, 2, 2, 3, 2, 3], bleedingOnProbing: true },
          ],
          oralBiome: [
            { taxon: "Streptococcus salivarius", relativeAbundance: 0.24 },
            { taxon: "Streptococcus mutans", relativeAbundance: 0.03 },
            { taxon: "Veillonella parvula", relativeAbundance: 0.11 },
            { taxon: "Rothia mucilaginosa", relativeAbundance: 0.08 },
          ],
          hygiene: {
            brushingPerDay: 2,
            flossing: "weekly",
            mouthwash: false,
            tongueCleaning: true,
            sugaryDrinksPerDay: 1,
          },
          wellness: {
            mood: 4,
            journal:
              "Storytelling rehearsals all week. I clench when I am nervous; Liora showed me a jaw release to do before going on stage.",
          },
          story:
            "Pre-festival check-up. Talai is weaving the community's health stories into the opening performance of the Oral Harmony Festival.",
        }),
        attachments: [
          {
            name: "rehearsal-notes.txt",
            mediaType: "text/plain",
            text: "Opening act, draft 3\n- Start with a breath, then a smile held for five counts.\n- Each storyteller names one habit that healed them.\n- End inside the Smilencer: silence, then laughter.\n",
          },
        ],
        grant: { scopes: SCOPE_READ, days: 30 },
        story: {
          title: "Emotional Echoes - Talai: the stage taught my jaw to rest",
          text: "Before every rehearsal I clenched my jaw until my teeth ached. At the Wellness Alchemy Studio, Dr. Liora Voss asked me what story my jaw was telling. I did not know a jaw could tell stories. Now I breathe, smile for five counts and begin. The ache is gone, and the opening act of the Oral Harmony Festival begins the same way.",
          mood: "hopeful",
          consent: true,
        },
      },
    ],
  },
  {
    index: 2,
    name: "Kai Zindra",
    records: [
      {
        record: record({
          visitDate: "2025-05-10",
          teeth: [
            { tooth: 17, status: "crown", notes: "Ceramic crown, fitted last spring." },
            {
              tooth: 26,
              status: "caries",
              notes: "Early enamel lesion, distal. Fluoride varnish, recheck in 3 months.",
            },
            { tooth: 31, status: "healthy" },
          ],
          oralBiome: [
            { taxon: "Streptococcus salivarius", relativeAbundance: 0.19 },
            { taxon: "Streptococcus mutans", relativeAbundance: 0.06 },
            { taxon: "Porphyromonas gingivalis", relativeAbundance: 0.004 },
            { taxon: "Fusobacterium nucleatum", relativeAbundance: 0.03 },
            { taxon: "Veillonella parvula", relativeAbundance: 0.14 },
          ],
          hygiene: {
            brushingPerDay: 2,
            flossing: "daily",
            mouthwash: true,
            interdentalBrushes: true,
            sugaryDrinksPerDay: 2,
          },
          wellness: {
            mood: 3,
            journal:
              "Long nights hardening the biome-mapping stations before the festival. Too many energy drinks; the map shows it.",
          },
          story:
            "Quantum Biome Mapping session at the festival preview. Kai wanted to see his own map before trusting the stations with anyone else's.",
        }),
        attachments: [
          {
            name: "biome-map.csv",
            mediaType: "text/csv",
            text: "taxon,relative_abundance,trend\nStreptococcus salivarius,0.19,stable\nStreptococcus mutans,0.06,rising\nPorphyromonas gingivalis,0.004,stable\nFusobacterium nucleatum,0.03,falling\nVeillonella parvula,0.14,stable\n",
          },
        ],
        grant: { scopes: SCOPE_READ | SCOPE_PRESENT, days: 14 },
        story: {
          title: "Emotional Echoes - Kai: the map that looked back",
          text: "I built the mapping stations to be safe. Seeing my own map, I understood what people trust us with.",
          mood: "thoughtful",
          consent: false,
        },
      },
    ],
  },
  {
    index: 3,
    name: "Elysia Prenter",
    records: [
      {
        record: record({
          visitDate: "2025-04-20",
          teeth: [
            { tooth: 12, status: "healthy" },
            { tooth: 22, status: "filled", notes: "Small composite, placed after a cycling fall." },
            { tooth: 38, status: "missing", notes: "Wisdom tooth, extracted years ago." },
          ],
          periodontal: [
            { tooth: 46, probingDepthsMm: [4, 3, 4, 3, 3, 4], bleedingOnProbing: true },
          ],
          oralBiome: [
            { taxon: "Streptococcus salivarius", relativeAbundance: 0.17 },
            { taxon: "Porphyromonas gingivalis", relativeAbundance: 0.02 },
            { taxon: "Veillonella parvula", relativeAbundance: 0.1 },
          ],
          hygiene: {
            brushingPerDay: 1,
            flossing: "rarely",
            mouthwash: false,
            sugaryDrinksPerDay: 0,
          },
          wellness: {
            mood: 2,
            journal:
              "Deadline for the Smilencer installation. Sleeping badly, skipping evening brushing.",
          },
          story:
            "Bleeding gums around the lower right molars. Elysia is designing the Smilencer, an immersive installation for the festival.",
        }),
        attachments: [
          {
            name: "smilencer-sketch.svg",
            mediaType: "image/svg+xml",
            text: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><path d="M10 20 Q60 70 110 20" fill="none" stroke="#3aa58b" stroke-width="6" stroke-linecap="round"/><circle cx="35" cy="14" r="5" fill="#f2b84b"/><circle cx="85" cy="14" r="5" fill="#f2b84b"/></svg>\n',
          },
        ],
        updates: [
          {
            record: record({
              visitDate: "2025-06-01",
              teeth: [
                { tooth: 12, status: "healthy" },
                { tooth: 22, status: "filled", notes: "Composite intact." },
                { tooth: 38, status: "missing" },
              ],
              periodontal: [
                { tooth: 46, probingDepthsMm: [3, 2, 3, 2, 2, 3], bleedingOnProbing: false },
              ],
              oralBiome: [
                { taxon: "Streptococcus salivarius", relativeAbundance: 0.23 },
                { taxon: "Porphyromonas gingivalis", relativeAbundance: 0.006 },
                { taxon: "Veillonella parvula", relativeAbundance: 0.12 },
              ],
              hygiene: {
                brushingPerDay: 2,
                flossing: "daily",
                mouthwash: false,
                interdentalBrushes: true,
                sugaryDrinksPerDay: 0,
              },
              wellness: {
                mood: 4,
                journal:
                  "The installation opened. I brush with the lights of the Smilencer in my head.",
              },
              story: "Follow-up after the festival: no bleeding on probing, pockets down to 3 mm.",
            }),
            attachments: [],
          },
        ],
        story: {
          title: "Emotional Echoes - Elysia: a sanctuary with a smile",
          text: "I designed the Smilencer as a quiet room inside a loud festival. During the attack on our records, people sat in it and told each other what their smiles had been through. My own gums were bleeding while I built it; six weeks later they were not. I did not fix that alone, and the room was never only mine.",
          mood: "grateful",
          consent: true,
        },
      },
    ],
  },
];

/** The practitioner's account index (Dr. Liora Voss receives the grants). */
export const PRACTITIONER_INDEX = 4;
