// The manifest of an export package: who, when, which data, which filters, which instrument
// versions, every anonymisation step with its counts, and the SHA-256 of every file. It goes into
// the package twice (manifest.json for machines, manifest.txt for people), into the database
// (the export record) and, summarised, into the .sav's document record.
import { formatDateTime, formatMonth } from "~/i18n/dates";
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

/** What the export was limited to, by name (never a database id); absent keys do not apply. */
export interface ManifestSelection {
  /** First and last month, YYYY-MM; null = open-ended. */
  readonly period?: { readonly from: string | null; readonly to: string | null };
  /** Case project names; empty = all of the project's. */
  readonly caseProjects?: readonly string[];
  /** The employer-survey wave's title. */
  readonly wave?: string;
  /** The exchanges, e.g. «nr. 11 for jobbspesialister (1. februar 2019)»; empty = all. */
  readonly exchanges?: readonly string[];
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
  /** «SPSS-datafil (.sav)»; missing in manifests made before it was added. */
  readonly formatLabel?: Localized;
  readonly language: Locale;
  readonly filters: ManifestSelection;
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
  exportId: { nb: "Eksportens kjennemerke (også i revisjonsloggen)", en: "The export's identifier (also in the audit log)" },
  who: { nb: "Laget av", en: "Made by" },
  when: { nb: "Tidspunkt", en: "Time" },
  project: { nb: "Prosjekt", en: "Project" },
  dataset: { nb: "Datasett", en: "Data set" },
  rows: { nb: "Rader", en: "Rows" },
  format: { nb: "Format", en: "Format" },
  language: { nb: "Språk i filene", en: "Language of the files" },
  filters: { nb: "Utvalg", en: "Selection" },
  period: { nb: "periode", en: "period" },
  allMonths: { nb: "alle måneder", en: "all months" },
  fromMonth: { nb: "fra", en: "from" },
  toMonth: { nb: "til og med", en: "up to" },
  caseProjects: { nb: "caseprosjekter", en: "case projects" },
  wave: { nb: "runde", en: "wave" },
  exchanges: { nb: "erfaringsutvekslinger", en: "experience exchanges" },
  all: { nb: "alle", en: "all" },
  web: { nb: "nettsiden", en: "the web page" },
  cli: { nb: "kommandolinjen", en: "the command line" },
  rowsOf: { nb: "rader", en: "rows" },
  version: { nb: "versjon", en: "version" },
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

// The counts of the anonymisation steps in words; a count not named here shows its key.
const COUNT_WORDS: Record<string, Localized> = {
  variables: { nb: "variabler", en: "variables" },
  values: { nb: "verdier", en: "values" },
  people: { nb: "personer", en: "people" },
  mode: { nb: "pseudonymer", en: "pseudonyms" },
  textValues: { nb: "tekster", en: "texts" },
  changedValues: { nb: "endrede tekster", en: "texts changed" },
  redactions: { nb: "sladdinger", en: "redactions" },
  knownTerms: { nb: "kjente navn og ord", en: "known names and terms" },
  review: { nb: "gjennomgått", en: "reviewed" },
  cells: { nb: "celler", en: "cells" },
  answers: { nb: "svar", en: "answers" },
  minAnswers: { nb: "minste antall svar", en: "fewest answers" },
  transcripts: { nb: "transkripsjoner", en: "transcripts" },
  turns: { nb: "ytringer", en: "turns" },
  k: { nb: "k", en: "k" },
  kReached: { nb: "k nådd", en: "k reached" },
  groupsBelowKBefore: { nb: "grupper under k før", en: "groups below k before" },
  recordsBelowKAfter: { nb: "rader under k etter", en: "records below k after" },
  withdrawnLeftOut: { nb: "trukket samtykke, utelatt", en: "withdrawn consent, left out" },
  suppressed: { nb: "skjult", en: "suppressed" },
  redacted: { nb: "sladdet", en: "redacted" },
  rows: { nb: "rader", en: "rows" },
  pseudonymised: { nb: "pseudonymiserte verdier", en: "values pseudonymised" },
  coarsened: { nb: "datoer gjort om til måned", en: "dates coarsened to the month" },
  generalised: { nb: "generaliserte verdier", en: "values generalised" },
  dropped: { nb: "utelatt", en: "dropped" },
  // what the scrubber redacted (RedactionKind)
  email: { nb: "e-postadresser", en: "e-mail addresses" },
  url: { nb: "nettadresser", en: "web addresses" },
  nationalId: { nb: "fødselsnumre", en: "national identity numbers" },
  dNumber: { nb: "D-numre", en: "D-numbers" },
  orgNumber: { nb: "organisasjonsnumre", en: "organisation numbers" },
  phone: { nb: "telefonnumre", en: "phone numbers" },
  term: { nb: "kjente navn og ord", en: "known names and terms" },
  name: { nb: "navn", en: "names" },
  organisation: { nb: "organisasjoner", en: "organisations" },
  place: { nb: "steder", en: "places" },
  // the project's coding (log notes)
  codes: { nb: "koder i kodeboken", en: "codes in the codebook" },
  codingsInProject: { nb: "kodinger i prosjektet", en: "codings in the project" },
  roundCodingsLeftOut: { nb: "kodinger i samkjøringsrunder, utelatt", en: "codings in agreement rounds, left out" },
};
const LANGUAGE_NAMES: Record<Locale, Localized> = { nb: { nb: "bokmål", en: "Norwegian (bokmål)" }, en: { nb: "engelsk", en: "English" } };
const VALUE_WORDS: Record<string, Localized> = {
  stable: { nb: "stabile", en: "stable" },
  fresh: { nb: "nye", en: "new" },
  none: { nb: "nei", en: "no" },
};

/** «september 2017 – juni 2018», «fra september 2017», «alle måneder». */
export function periodText(from: string | null, to: string | null, locale: Locale): string {
  if (from && to) return `${formatMonth(from, locale)} – ${formatMonth(to, locale)}`;
  if (from) return `${TEXT.fromMonth[locale]} ${formatMonth(from, locale)}`;
  if (to) return `${TEXT.toMonth[locale]} ${formatMonth(to, locale)}`;
  return TEXT.allMonths[locale];
}

function selectionText(s: ManifestSelection, locale: Locale): string {
  const list = (names: readonly string[] | undefined) => (names?.length ? names.join(", ") : TEXT.all[locale]);
  const parts = [
    s.period ? `${TEXT.period[locale]}: ${periodText(s.period.from, s.period.to, locale)}` : null,
    s.caseProjects ? `${TEXT.caseProjects[locale]}: ${list(s.caseProjects)}` : null,
    s.wave !== undefined ? `${TEXT.wave[locale]}: ${s.wave}` : null,
    s.exchanges ? `${TEXT.exchanges[locale]}: ${list(s.exchanges)}` : null,
  ].filter((p) => p !== null);
  return parts.length ? parts.join("; ") : TEXT.none[locale];
}

/** «variables» → «variabler»; «redacted.phone» → «sladdet telefonnumre»; «suppressed.kjonn» → «skjult kjonn» (a variable name stays). */
function countName(key: string, locale: Locale): string {
  const [head, ...rest] = key.split(".");
  const words = head === "redacted" ? rest.map((kind) => COUNT_WORDS[kind]?.[locale] ?? kind) : rest;
  return [COUNT_WORDS[head]?.[locale] ?? head, ...words].join(" ");
}

function countsText(counts: ManifestStep["counts"], locale: Locale): string {
  return Object.entries(counts)
    .map(([k, v]) => `${countName(k, locale)}: ${typeof v === "string" ? (VALUE_WORDS[v]?.[locale] ?? v) : v}`)
    .join(", ");
}

/** The summary lines: the .sav's documents and the top of manifest.txt. */
export function manifestSummary(m: Omit<Manifest, "files">, locale: Locale): string[] {
  const lines = [
    TEXT.title[locale],
    `${TEXT.exportId[locale]}: ${m.exportId}`,
    `${TEXT.who[locale]}: ${m.createdBy.name} (${TEXT.via[locale]} ${TEXT[m.createdBy.via][locale]})`,
    `${TEXT.when[locale]}: ${formatDateTime(Date.parse(m.createdAt) / 1000, locale)} (${m.createdAt})`,
    `${TEXT.project[locale]}: ${m.project.title} (${m.project.slug})`,
    `${TEXT.dataset[locale]}: ${m.dataset.title[locale]}${m.dataset.description ? ` – ${m.dataset.description}` : ""}`,
    `${TEXT.rows[locale]}: ${m.dataset.rows}`,
    `${TEXT.format[locale]}: ${m.formatLabel?.[locale] ?? m.format}; ${TEXT.language[locale]}: ${LANGUAGE_NAMES[m.language][locale]}`,
    `${TEXT.filters[locale]}: ${selectionText(m.filters, locale)}`,
    `${TEXT.instruments[locale]}: ${m.instruments.map((i) => `${i.title[locale]}, ${TEXT.version[locale]} ${i.key.split("@v")[1] ?? i.key} (${i.rows} ${TEXT.rowsOf[locale]})`).join("; ") || TEXT.none[locale]}`,
    `${TEXT.pseudonyms[locale]}: ${TEXT[m.pseudonyms][locale]}; ${TEXT.dates[locale]}: ${TEXT[m.dates][locale]}`,
    `${TEXT.steps[locale]}:`,
  ];
  m.steps.forEach((step, i) => {
    const counts = countsText(step.counts, locale);
    lines.push(`${i + 1}. ${step.title[locale]}: ${step.summary[locale]}${counts ? ` (${counts})` : ""}`);
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
