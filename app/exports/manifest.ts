// The manifest of an export package: who, when, which data, which filters, which instrument
// versions, every anonymisation step with its counts, and the SHA-256 of every file. It goes into
// the package twice (manifest.json for machines, manifest.txt for people), into the database
// (the export record) and, summarised, into the .sav's document record.
import type { Locale, Localized } from "~/i18n/locale";

export const MANIFEST_VERSION = 1;

export interface ManifestStep {
  /** Stable id, e.g. "pseudonymise", "scrub", "k-anonymity". */
  readonly id: string;
  readonly title: Localized;
  /** One line on what was done and why. */
  readonly summary: Localized;
  /** Counts and settings; numbers for counts. */
  readonly counts: Readonly<Record<string, number | string>>;
}

export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly description: Localized;
}

export interface Manifest {
  readonly manifestVersion: number;
  /** Random id of the export, also in the export record and the audit log. */
  readonly exportId: string;
  readonly createdAt: string;
  readonly createdBy: { readonly id: number | null; readonly name: string; readonly via: "web" | "cli" };
  readonly project: { readonly slug: string; readonly title: string };
  readonly dataset: { readonly id: string; readonly title: Localized; readonly rows: number; readonly description: string };
  readonly format: string;
  readonly language: Locale;
  readonly filters: Readonly<Record<string, string | number | readonly (string | number)[] | boolean | null>>;
  readonly instruments: readonly { readonly key: string; readonly title: Localized; readonly rows: number }[];
  readonly pseudonyms: "stable" | "fresh";
  readonly dates: "month" | "exact";
  readonly steps: readonly ManifestStep[];
  readonly variables: number;
  readonly files: readonly ManifestFile[];
  readonly software: { readonly name: string; readonly version: string };
}

const TEXT = {
  title: { nb: "Medforsker – eksportmanifest", en: "Medforsker – export manifest" },
  who: { nb: "Laget av", en: "Made by" },
  when: { nb: "Tidspunkt (UTC)", en: "Time (UTC)" },
  project: { nb: "Prosjekt", en: "Project" },
  dataset: { nb: "Datasett", en: "Data set" },
  rows: { nb: "Rader", en: "Rows" },
  format: { nb: "Format", en: "Format" },
  language: { nb: "Språk i filene", en: "Language of the files" },
  filters: { nb: "Utvalg", en: "Selection" },
  instruments: { nb: "Instrumentversjoner", en: "Instrument versions" },
  pseudonyms: { nb: "Pseudonymer", en: "Pseudonyms" },
  stable: { nb: "stabile (samme som i andre eksporter fra prosjektet)", en: "stable (the same as in other exports of the project)" },
  fresh: { nb: "nye for denne eksporten (kan ikke kobles til andre eksporter)", en: "new for this export (cannot be linked to other exports)" },
  dates: { nb: "Datoer", en: "Dates" },
  month: { nb: "grovere til måned", en: "coarsened to the month" },
  exact: { nb: "eksakte datoer", en: "exact dates" },
  steps: { nb: "Anonymisering, steg for steg", en: "Anonymisation, step by step" },
  files: { nb: "Filer (SHA-256)", en: "Files (SHA-256)" },
  via: { nb: "via", en: "via" },
  none: { nb: "ingen", en: "none" },
  manifestNote: {
    nb: "manifest.json og manifest.txt er ikke med i listen; de beskriver de andre filene.",
    en: "manifest.json and manifest.txt are not in the list; they describe the other files.",
  },
} satisfies Record<string, Localized>;

function filterText(value: Manifest["filters"][string], locale: Locale): string {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return TEXT.none[locale];
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The summary lines: the .sav's documents and the top of manifest.txt. */
export function manifestSummary(m: Omit<Manifest, "files">, locale: Locale): string[] {
  const lines = [
    `${TEXT.title[locale]} ${m.exportId}`,
    `${TEXT.who[locale]}: ${m.createdBy.name} (${TEXT.via[locale]} ${m.createdBy.via})`,
    `${TEXT.when[locale]}: ${m.createdAt}`,
    `${TEXT.project[locale]}: ${m.project.title} (${m.project.slug})`,
    `${TEXT.dataset[locale]}: ${m.dataset.title[locale]}${m.dataset.description ? ` – ${m.dataset.description}` : ""}`,
    `${TEXT.rows[locale]}: ${m.dataset.rows}`,
    `${TEXT.format[locale]}: ${m.format}; ${TEXT.language[locale]}: ${m.language}`,
    `${TEXT.filters[locale]}: ${Object.entries(m.filters).map(([k, v]) => `${k}=${filterText(v, locale)}`).join("; ")}`,
    `${TEXT.instruments[locale]}: ${m.instruments.map((i) => `${i.key} (${i.rows})`).join(", ") || TEXT.none[locale]}`,
    `${TEXT.pseudonyms[locale]}: ${TEXT[m.pseudonyms][locale]}; ${TEXT.dates[locale]}: ${TEXT[m.dates][locale]}`,
    `${TEXT.steps[locale]}:`,
  ];
  m.steps.forEach((step, i) => {
    const counts = Object.entries(step.counts).map(([k, v]) => `${k}=${v}`).join(", ");
    lines.push(`${i + 1}. ${step.title[locale]}: ${step.summary[locale]}${counts ? ` [${counts}]` : ""}`);
  });
  return lines;
}

/** manifest.txt: the summary, then every file with its size and hash. */
export function manifestText(m: Manifest, locale: Locale): string {
  const lines = manifestSummary(m, locale);
  lines.push("", `${TEXT.files[locale]}:`);
  for (const f of m.files) lines.push(`${f.sha256}  ${f.path}  (${f.bytes} B) – ${f.description[locale]}`);
  lines.push("", TEXT.manifestNote[locale]);
  return lines.join("\n") + "\n";
}
