// The human-readable codebook in every package, one Markdown file per language (kodebok.md in
// bokmål, codebook.md in English): every variable with its label, type, measurement level, NVivo
// role and what the anonymisation did to it; every value label (sets shared by several variables,
// like Ja/Nei/«Nei, men kunne vært viktig», listed once); the redaction markers; the steps.
import type { Locale, Localized } from "~/i18n/locale";
import { REDACTION_KINDS, REDACTION_MARKERS } from "./anonymise/scrub";
import type { ManifestStep } from "./manifest";
import type { ExportSchema, SchemaVariable, Treatment } from "./schema";

export const CODEBOOK_FILES: Record<Locale, string> = { nb: "kodebok.md", en: "codebook.md" };

const T = {
  title: { nb: "Kodebok", en: "Codebook" },
  intro: {
    nb: "Variablene i datafilene, med samme navn, koder og etiketter i alle formater.",
    en: "The variables of the data files, with the same names, codes and labels in every format.",
  },
  variables: { nb: "Variabler", en: "Variables" },
  values: { nb: "Verdietiketter", en: "Value labels" },
  markers: { nb: "Markører i fritekst", en: "Markers in free text" },
  markersIntro: {
    nb: "Det som er fjernet fra fritekst, er erstattet der det sto med en markør for hva slags opplysning det var:",
    en: "What was removed from free text is replaced where it stood by a marker saying what kind of detail it was:",
  },
  steps: { nb: "Anonymisering", en: "Anonymisation" },
  no: { nb: "Nr.", en: "No." },
  name: { nb: "Navn", en: "Name" },
  label: { nb: "Etikett", en: "Label" },
  type: { nb: "Type", en: "Type" },
  measure: { nb: "Målenivå", en: "Measure" },
  nvivo: { nb: "NVivo", en: "NVivo" },
  treatment: { nb: "Anonymisering", en: "Anonymisation" },
  code: { nb: "Kode", en: "Code" },
  missing: { nb: "manglende verdi", en: "missing value" },
  variablesWith: { nb: "Variabler", en: "Variables" },
  marker: { nb: "Markør", en: "Marker" },
  meaning: { nb: "Betyr", en: "Means" },
} satisfies Record<string, Localized>;

const TYPES: Record<SchemaVariable["type"], Localized> = {
  numeric: { nb: "tall", en: "numeric" },
  string: { nb: "tekst", en: "text" },
  date: { nb: "dato", en: "date" },
};
const MEASURES: Record<SchemaVariable["measure"], Localized> = {
  nominal: { nb: "nominal", en: "nominal" },
  ordinal: { nb: "ordinal", en: "ordinal" },
  scale: { nb: "skala", en: "scale" },
};
const NVIVO: Record<SchemaVariable["nvivo"], Localized> = {
  codable: { nb: "kodbar", en: "codable" },
  classifying: { nb: "klassifiserende", en: "classifying" },
};
export const TREATMENTS: Record<Treatment, Localized> = {
  kept: { nb: "uendret", en: "unchanged" },
  pseudonymised: { nb: "pseudonymisert", en: "pseudonymised" },
  coarsened: { nb: "grovere (måned)", en: "coarsened (month)" },
  scrubbed: { nb: "renset fritekst", en: "scrubbed free text" },
  generalised: { nb: "generalisert (k-anonymitet)", en: "generalised (k-anonymity)" },
  "k-anonymised": { nb: "enkeltverdier skjult (k-anonymitet)", en: "single values suppressed (k-anonymity)" },
  derived: { nb: "laget av eksporten", en: "made by the export" },
};
export const MARKER_MEANINGS: Record<keyof typeof REDACTION_MARKERS, Localized> = {
  email: { nb: "e-postadresse", en: "e-mail address" },
  url: { nb: "nettadresse", en: "web address" },
  nationalId: { nb: "fødselsnummer (kontrollsifrene stemmer)", en: "national identity number (check digits valid)" },
  dNumber: { nb: "D-nummer (kontrollsifrene stemmer)", en: "D-number (check digits valid)" },
  orgNumber: { nb: "organisasjonsnummer (kontrollsifferet stemmer)", en: "organisation number (check digit valid)" },
  phone: { nb: "telefonnummer (norsk eller utenlandsk, gyldig for landet)", en: "phone number (Norwegian or foreign, valid for its country)" },
  term: { nb: "ord eller uttrykk lagt til i forskerens gjennomgang", en: "word or phrase added in the researcher's review" },
  name: { nb: "navn på en person i prosjektet, eller et sannsynlig personnavn funnet av navnesøket", en: "name of a person in the project, or a likely person's name found by the name detector" },
  organisation: { nb: "navn på en caseorganisasjon", en: "name of a case organisation" },
  place: { nb: "stedsnavn knyttet til prosjektet", en: "place name listed for the project" },
  bidi: { nb: "usynlig retningstegn (f.eks. høyre-til-venstre-overstyring), fjernet uten markør", en: "invisible direction control (e.g. right-to-left override), removed without a marker" },
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function codebookMarkdown(schema: ExportSchema, locale: Locale, heading: string, steps: readonly ManifestStep[]): string {
  const out: string[] = [`# ${T.title[locale]}: ${cell(heading)}`, "", T.intro[locale], "", `## ${T.variables[locale]}`, ""];
  out.push(`| ${T.no[locale]} | ${T.name[locale]} | ${T.label[locale]} | ${T.type[locale]} | ${T.measure[locale]} | ${T.nvivo[locale]} | ${T.treatment[locale]} |`);
  out.push("|---|---|---|---|---|---|---|");
  schema.variables.forEach((v, i) => {
    out.push(
      `| ${i + 1} | \`${v.name}\` | ${cell(v.label[locale])} | ${TYPES[v.type][locale]} | ${MEASURES[v.measure][locale]} | ${NVIVO[v.nvivo][locale]} | ${TREATMENTS[v.treatment][locale]} |`,
    );
  });

  // Value-label sets, each once, with the variables that share it.
  const sets = new Map<string, { vars: SchemaVariable[]; v: SchemaVariable }>();
  for (const v of schema.variables) {
    if (!v.valueLabels?.length) continue;
    const key = JSON.stringify([v.valueLabels.map((l) => [l.value, l.label[locale]]), v.missing ?? []]);
    const set = sets.get(key) ?? { vars: [], v };
    set.vars.push(v);
    sets.set(key, set);
  }
  if (sets.size) {
    out.push("", `## ${T.values[locale]}`);
    for (const { vars, v } of sets.values()) {
      out.push("", `### ${vars.map((x) => `\`${x.name}\``).join(", ")}`, "");
      out.push(`| ${T.code[locale]} | ${T.label[locale]} |`, "|---|---|");
      for (const l of v.valueLabels!) {
        const missing = v.missing?.some((m) => m === l.value) ? ` (${T.missing[locale]})` : "";
        out.push(`| ${typeof l.value === "string" ? `'${cell(l.value)}'` : l.value} | ${cell(l.label[locale])}${missing} |`);
      }
    }
  }

  if (schema.variables.some((v) => v.treatment === "scrubbed")) {
    out.push("", `## ${T.markers[locale]}`, "", T.markersIntro[locale], "", `| ${T.marker[locale]} | ${T.meaning[locale]} |`, "|---|---|");
    for (const kind of REDACTION_KINDS) out.push(`| ${REDACTION_MARKERS[kind] ? `\`${REDACTION_MARKERS[kind]}\`` : "–"} | ${MARKER_MEANINGS[kind][locale]} |`);
  }

  if (steps.length) {
    out.push("", `## ${T.steps[locale]}`, "");
    steps.forEach((s, i) => {
      const counts = Object.entries(s.counts).map(([k, v]) => `${k}=${v}`).join(", ");
      out.push(`${i + 1}. **${cell(s.title[locale])}**: ${cell(s.summary[locale])}${counts ? ` (${counts})` : ""}`);
    });
  }
  return out.join("\n") + "\n";
}
