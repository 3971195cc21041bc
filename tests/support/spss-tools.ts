// Runs PSPP, ReadStat and R's foreign package as independent judges of the SPSS files we write (shared/spec/export-formats.md §5).
// Every helper throws on any reader error or warning, so a test can never pass on a file a tool refused.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Papa from "papaparse";
import type { DataDictionary, Row } from "../../app/exports/dictionary";
import { assertJudges } from "./judges";

// PSPP writes and prints in the locale's charset; without UTF-8 every æøå becomes '??' (spec §4).
const ENV = { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" };

/**
 * Throws when a judge is missing, in CI (CI=true) and locally alike: these tests must fail, never skip.
 * Every helper below calls it, so each test that needs a tool fails with this message.
 */
export function assertSpssToolsInstalled(): void {
  assertJudges("pspp", "readstat", "rForeign");
}

const tempDirs: string[] = [];

export function makeTempDir(prefix = "spss-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** For afterAll: deletes the directories made by makeTempDir (set KEEP_SPSS_TEST_FILES=1 to inspect them). */
export function removeTempDirs(): void {
  if (process.env.KEEP_SPSS_TEST_FILES) return;
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Parses CSV text into rows of fields (keeps blank lines as [""]). */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\n", skipEmptyLines: false });
  const rows = result.data;
  if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return rows;
}

export interface PsppTable {
  title: string;
  rows: string[][];
}

/**
 * Runs a PSPP syntax (prefixed with a UTF-8 locale and names-not-labels in tables) and returns the
 * tables of its CSV output. Throws if PSPP exits non-zero or writes anything to its -e error file.
 */
export function runPspp(dir: string, name: string, syntax: string): PsppTable[] {
  assertSpssToolsInstalled();
  const sps = join(dir, `${name}.sps`);
  const err = join(dir, `${name}.err`);
  const out = join(dir, `${name}.csv`);
  writeFileSync(sps, `SET LOCALE='UTF-8'.\nSET TVARS=NAMES.\n${syntax}\n`);
  const run = spawnSync("pspp", ["-e", err, "-o", out, sps], { env: ENV, encoding: "utf8", cwd: dir });
  const errors = existsSync(err) ? readFileSync(err, "utf8") : "";
  if (run.status !== 0 || errors.trim() !== "") {
    throw new Error(`pspp ${name} failed (exit ${run.status}):\n${errors}\n${run.stderr}\n${run.stdout}`);
  }
  const tables: PsppTable[] = [];
  for (const row of parseCsv(readFileSync(out, "utf8"))) {
    if (row.length === 1 && row[0].startsWith("Table: ")) tables.push({ title: row[0].slice(7), rows: [] });
    else if (!(row.length === 1 && row[0] === "") && tables.length > 0) tables[tables.length - 1].rows.push(row);
  }
  return tables;
}

export function table(tables: PsppTable[], title: string): string[][] {
  const t = tables.find((x) => x.title === title);
  if (!t) throw new Error(`PSPP output has no table '${title}' (has: ${tables.map((x) => x.title).join(", ")})`);
  return t.rows;
}

export interface PsppVariable {
  name: string;
  position: number;
  label: string;
  measure: string;
  width: number;
  alignment: string;
  printFormat: string;
  writeFormat: string;
  missing: string;
}

export interface PsppValueLabel {
  variable: string;
  value: string;
  label: string;
  /** PSPP marks declared user-missing values with a footnote. */
  isMissing: boolean;
}

export interface PsppDictionary {
  variables: PsppVariable[];
  valueLabels: PsppValueLabel[];
  documents: string | null;
  fileLabel: string | null;
  cases: number;
}

/** GET FILE + DISPLAY DICTIONARY / DOCUMENTS / FILE LABEL, and the case count from SYSFILE INFO. */
export function psppDictionary(dir: string, sav: string): PsppDictionary {
  const tables = runPspp(
    dir,
    `dict-${basename(sav)}`,
    `GET FILE='${sav}'.\nDISPLAY DICTIONARY.\nDISPLAY DOCUMENTS.\nDISPLAY FILE LABEL.\nSYSFILE INFO FILE='${sav}'.`,
  );
  const [header, ...rows] = table(tables, "Variables");
  const col = (n: string) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`No column ${n} in ${header.join(",")}`);
    return i;
  };
  const variables = rows.map((r) => ({
    name: r[col("Name")],
    position: Number(r[col("Position")]),
    label: r[col("Label")],
    measure: r[col("Measurement Level")],
    width: Number(r[col("Width")]),
    alignment: r[col("Alignment")],
    printFormat: r[col("Print Format")],
    writeFormat: r[col("Write Format")],
    missing: header.includes("Missing Values") ? r[col("Missing Values")] : "", // column only present if any variable has some
  }));
  const valueLabels: PsppValueLabel[] = [];
  const labelTable = tables.find((t) => t.title === "Value Labels");
  let current = "";
  for (const r of labelTable?.rows.slice(1) ?? []) {
    if (r.length < 3) continue; // footnotes
    if (r[0]) current = r[0];
    const isMissing = /\[[a-z]\]$/.test(r[1]);
    valueLabels.push({ variable: current, value: r[1].replace(/\[[a-z]\]$/, ""), label: r[2], isMissing });
  }
  const docs = tables.find((t) => t.title === "Documents");
  const fileLabel = tables.find((t) => t.title === "File Label");
  const info = table(tables, "File Information");
  return {
    variables,
    valueLabels,
    documents: docs ? docs.rows.map((r) => r.join(",")).join("\n") : null,
    fileLabel: fileLabel ? (fileLabel.rows.find((r) => r[0] === "Label")?.[1] ?? null) : null,
    cases: Number(info.find((r) => r[0] === "Cases")?.[1]),
  };
}

/** FREQUENCIES for the given variables: per variable, rows of [Valid|Missing|"", value or label, count]. */
export function psppFrequencies(dir: string, sav: string, vars: string[]): Map<string, { section: string; value: string; count: number }[]> {
  const tables = runPspp(dir, `freq-${basename(sav)}`, `GET FILE='${sav}'.\nFREQUENCIES VARIABLES=${vars.join(" ")} /FORMAT=LIMIT(200) /STATISTICS=NONE.`);
  const result = new Map<string, { section: string; value: string; count: number }[]>();
  for (const v of vars) {
    const rows = table(tables, v).slice(1);
    let section = "";
    const entries = [];
    for (const r of rows) {
      if (r[0]) section = r[0];
      if (section === "Total") break;
      entries.push({ section, value: r[1], count: Number(r[2]) });
    }
    result.set(v, entries);
  }
  return result;
}

/** pspp-convert to CSV: raw values (system-missing = " ") or, with labels, value labels applied. */
export function psppConvert(dir: string, sav: string, labels = false): string[][] {
  assertSpssToolsInstalled();
  const out = join(dir, `${basename(sav)}${labels ? ".labels" : ""}.convert.csv`);
  const args = labels ? ["--labels", sav, out] : [sav, out];
  const run = spawnSync("pspp-convert", args, { env: ENV, encoding: "utf8" });
  if (run.status !== 0 || run.stderr.trim() !== "") throw new Error(`pspp-convert failed (exit ${run.status}): ${run.stderr}`);
  return parseCsv(readFileSync(out, "utf8"));
}

/** ReadStat's CSV dump (system-missing = empty). ReadStat exits 0 on failure, so stderr decides. */
export function readstatData(dir: string, sav: string): string[][] {
  assertSpssToolsInstalled();
  const out = join(dir, `${basename(sav)}.readstat.csv`);
  const run = spawnSync("readstat", ["-f", sav, out], { env: ENV, encoding: "utf8" });
  if (run.status !== 0 || /error/i.test(run.stderr) || !existsSync(out)) {
    throw new Error(`readstat failed (exit ${run.status}): ${run.stderr}`);
  }
  return parseCsv(readFileSync(out, "utf8"));
}

export interface ReadstatVariableMetadata {
  type: "NUMERIC" | "STRING";
  name: string;
  label?: string;
  format?: string;
  pattern?: string;
  decimals?: number;
  categories?: { code: number | string; label: string }[];
  missing?: { type: string; values: number[] };
}

/**
 * ReadStat's extract_metadata JSON. It aborts on string missing values and ignores long-string value
 * labels (record 7.21, also in files PSPP writes), so only use it on dictionaries without those.
 */
export function readstatMetadata(dir: string, sav: string): ReadstatVariableMetadata[] {
  assertSpssToolsInstalled();
  const out = join(dir, `${basename(sav)}.metadata.json`);
  const run = spawnSync("extract_metadata", [sav, out], { env: ENV, encoding: "utf8" });
  if (run.status !== 0 || /error/i.test(run.stderr)) throw new Error(`extract_metadata failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(readFileSync(out, "utf8")).variables;
}

/** ReadStat's summary (`readstat x.sav`): Columns, Rows, Table label, Text encoding, ... */
export function readstatSummary(sav: string): Record<string, string> {
  assertSpssToolsInstalled();
  const run = spawnSync("readstat", [sav], { env: ENV, encoding: "utf8" });
  const summary: Record<string, string> = {};
  for (const line of run.stdout.split("\n")) {
    const m = /^([^:]+): (.*)$/.exec(line);
    if (m) summary[m[1]] = m[2];
  }
  if (run.status !== 0 || /error/i.test(run.stderr) || !summary.Columns) {
    throw new Error(`readstat could not read ${sav}:\n${run.stderr}${run.stdout}`);
  }
  return summary;
}

/** What R's foreign::read.spss read from a .sav (tests/support/r-foreign-read.R). */
export interface RForeignFile {
  /** Header and rows as R holds them: value labels applied, numbers as R prints them, strings padded. */
  rows: string[][];
  variableLabels: Map<string, string>;
  valueLabels: { variable: string; value: string; label: string }[];
  /** R's notes that say nothing wrong about the file (R_NOTES). */
  notes: string[];
}

/**
 * R's notes that are expected on good files: a scale variable whose missing codes have labels
 * becomes a factor with its other values as undeclared levels, and R cannot hold a string over 255
 * bytes, so it splits one into consecutive variables. Any other warning fails the reading.
 */
const R_NOTES = [/^Undeclared level\(s\) .* added in variable: \w+$/, /: Very long string record\(s\) found \(record type 7, subtype 14\), each will be imported in consecutive separate variables$/];

const R_SCRIPT = new URL("./r-foreign-read.R", import.meta.url).pathname;

/**
 * Reads a .sav with R's foreign::read.spss. `names` are the file's variables (as PSPP lists them):
 * R splits a very long string into consecutive variables, which are joined back here byte for
 * byte (a character may straddle the pieces) before the text is decoded as UTF-8.
 */
export function rForeignRead(dir: string, sav: string, names: string[]): RForeignFile {
  assertSpssToolsInstalled();
  const out = mkdtempSync(join(dir, `r-${basename(sav)}-`));
  const run = spawnSync("Rscript", [R_SCRIPT, sav, out], { env: ENV, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`R could not read ${sav} (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  const warnings = readFileSync(join(out, "warnings.txt"), "utf8").split("\n").filter(Boolean);
  const unexpected = warnings.filter((w) => !R_NOTES.some((note) => note.test(w)));
  if (unexpected.length > 0) throw new Error(`R warned about ${sav}:\n${unexpected.join("\n")}`);

  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const decode = (latin1: string) => utf8.decode(Buffer.from(latin1, "latin1"));
  const [header, ...data] = parseCsv(readFileSync(join(out, "data.csv"), "latin1"));
  // Column i of R's data belongs to variable owner[i]: a name PSPP knows starts a variable.
  const owner: number[] = [];
  for (const name of header.map(decode)) owner.push(names.includes(name) ? owner.length : owner[owner.length - 1] ?? 0);
  const starts = header.map((_, i) => i).filter((i) => owner[i] === i);
  const joined = (row: string[]) => starts.map((s) => decode(row.filter((_, i) => owner[i] === s).join("")));
  const csv = (file: string) => parseCsv(readFileSync(join(out, file), "utf8")).slice(1);
  return {
    rows: [starts.map((s) => decode(header[s])), ...data.map(joined)],
    variableLabels: new Map(csv("variable-labels.csv").map(([name, label]) => [name, label])),
    valueLabels: csv("value-labels.csv").map(([variable, value, label]) => ({ variable, value, label })),
    notes: warnings,
  };
}

// ---- Shared test data: a dictionary that exercises every feature of the writers. ----

const SENTENCE = "Brukeren skrev: «Blåbærsyltetøy på brødskiva gjør dagen lysere», sa Øyvind fra Ærøy 😊. ";

/** Norwegian text of exactly `bytes` UTF-8 bytes, with a 2-byte 'ø' straddling every 255-byte segment boundary. */
export function norsk(bytes: number, sentence = SENTENCE): string {
  let s = "";
  let n = 0;
  let i = 0;
  const chars = [...sentence];
  const fill = (target: number) => {
    while (n < target) {
      let c = chars[i++ % chars.length];
      if (n + Buffer.byteLength(c) > target) c = "x";
      s += c;
      n += Buffer.byteLength(c);
    }
  };
  for (let b = 255; b < bytes - 1; b += 255) {
    fill(b - 1);
    s += "ø";
    n += 2;
  }
  fill(bytes);
  if (Buffer.byteLength(s) !== bytes) throw new Error("norsk(): wrong length");
  return s;
}

/** What a reader should show for a string: NFC, cut on a character boundary, trailing blanks gone. */
export function shownString(value: unknown, width: number): string {
  if (value == null) return "";
  let b = Buffer.from(String(value).normalize("NFC"));
  if (b.length > width) {
    let end = width;
    while ((b[end] & 0xc0) === 0x80) end--;
    b = b.subarray(0, end);
  }
  return b.toString("utf8").replace(/ +$/, "");
}

export function cutBytes(s: string, max: number): string {
  return shownString(s, max);
}

export const LONG_LABEL = "Variabeletikett på over 255 byte: " + "ø".repeat(150);
export const LONG_VALUE_LABEL = "Verdietikett på over 120 byte: " + "å".repeat(70);
export const NAME_64 = "dette_er_et_svaert_langt_variabelnavn_som_tester_grensen_paa_64b";

export const richDict: DataDictionary = {
  fileLabel: "Medforsker-eksport: «Brukermedvirkning» – æøå ÆØÅ og litt til som blir for langt",
  documents: ["Eksportert fra Medforsker.", "Andre linje med æøå, og en linje som er lengre enn åtti byte slik at den må brytes på tegngrense."],
  variables: [
    { name: "respondent_id", label: "Respondent (anonymisert løpenummer)", type: "numeric", measure: "scale", decimals: 0 },
    {
      name: "samtykke_status",
      label: "Samtykke til deltakelse",
      type: "numeric",
      measure: "nominal",
      valueLabels: [
        { value: 1, label: "Ja" },
        { value: 2, label: "Nei" },
        { value: 3, label: "Nei, men kunne vært viktig" },
        { value: 99, label: "Vil ikke svare" },
      ],
      missing: [99],
    },
    { name: "alder", label: "Alder i år", type: "numeric", measure: "scale", decimals: 1, width: 14, missing: [-1, 998, 999] },
    {
      name: "vurdering",
      label: "Hvor fornøyd er du? (1–5)",
      type: "numeric",
      measure: "ordinal",
      valueLabels: [
        { value: 1, label: "Svært misfornøyd" },
        { value: 5, label: LONG_VALUE_LABEL },
      ],
    },
    {
      name: "kjonn",
      label: "Kjønn",
      type: "string",
      measure: "nominal",
      valueLabels: [
        { value: "K", label: "Kvinne" },
        { value: "M", label: "Mann" },
        { value: "X", label: "Annet / vil ikke oppgi" },
      ],
      missing: ["X"],
    },
    { name: "kode8", label: "Kode på 8 byte", type: "string", measure: "nominal", valueLabels: [{ value: "Ærlig12", label: "Ærlig og tolv" }], missing: ["abc"] },
    {
      name: "kode9",
      label: "Kode på 9 byte",
      type: "string",
      measure: "nominal",
      valueLabels: [
        { value: "Blåbær1", label: "Blåbærkode" },
        { value: "Båd", label: "Båt (NFC)" },
      ],
      missing: ["ukjent"],
    },
    { name: "tekst255", label: "Tekst 255", type: "string", measure: "nominal" },
    { name: "tekst256", label: "Tekst 256", type: "string", measure: "nominal" },
    { name: "tekst504", label: "Tekst 504", type: "string", measure: "nominal" },
    { name: "tekst505", label: "Tekst 505", type: "string", measure: "nominal" },
    { name: "tekst1000", label: "Tekst 1000", type: "string", measure: "nominal", width: 50 },
    {
      name: "fritekst_kommentar",
      label: "Fritekst: 'Hva kan bli bedre?' «æøå»",
      type: "string",
      measure: "nominal",
      valueLabels: [{ value: "Vet ikke", label: "Respondenten vet ikke" }],
      missing: ["ukjent"],
    },
    { name: "innsendt", label: "Innsendt dato", type: "date", measure: "scale" },
    { name: NAME_64, label: LONG_LABEL, type: "numeric", measure: "scale", decimals: 2 },
  ],
};

/** 600 bytes with 'ø' straddling both segment boundaries (bytes 255 and 510) and a line break. */
export const fritekst600 = norsk(600).replace(" ", "\n");
export const richRows: Row[] = [
  {
    respondent_id: 1, samtykke_status: 1, alder: 1e9, vurdering: 5, kjonn: "K", kode8: "Ærlig12", kode9: "Blåbær1",
    tekst255: norsk(255), tekst256: norsk(256), tekst504: norsk(504), tekst505: norsk(505), tekst1000: norsk(1000),
    fritekst_kommentar: fritekst600, innsendt: "2024-03-01", [NAME_64]: 3.14,
  },
  {
    respondent_id: 2, samtykke_status: null, alder: 34.5, vurdering: 1, kjonn: "M", kode8: "abc", kode9: "Ba\u030Ad",
    tekst255: "kort æøå", tekst256: "  innrykk", tekst504: "", tekst505: null, tekst1000: "en linje\nto linjer",
    fritekst_kommentar: "Vet ikke", innsendt: "2024-02-29", [NAME_64]: -0.5,
  },
  { respondent_id: 3, samtykke_status: 99, alder: 999, vurdering: undefined, kjonn: "X", kode9: "ukjent", fritekst_kommentar: "ukjent", innsendt: null, [NAME_64]: "" },
  { respondent_id: "4", samtykke_status: 2, alder: -100, kjonn: null, innsendt: "" },
  { respondent_id: 151, samtykke_status: 3, alder: 152.25, vurdering: 0, kjonn: "K", innsendt: "1900-01-01", [NAME_64]: 123456.78 },
];

export const expectedWidths: Record<string, number> = {
  kjonn: 1, kode8: 8, kode9: 9, tekst255: 255, tekst256: 256, tekst504: 504, tekst505: 505, tekst1000: 1000, fritekst_kommentar: 600,
};


/** A date variable with a labelled user-missing date, for both writers. */
export const dateDict: DataDictionary = {
  fileLabel: "Datoer",
  variables: [
    {
      name: "fodt",
      label: "Fødselsdato",
      type: "date",
      measure: "scale",
      valueLabels: [
        { value: "1900-01-01", label: "Ukjent dato" },
        { value: "1900-01-02", label: "Ukjent dato (2)" },
      ],
      missing: ["1900-01-01"],
    },
  ],
};
export const dateRows: Row[] = [{ fodt: "1985-06-15" }, { fodt: "1900-01-01" }, { fodt: null }, { fodt: "2000-02-29" }];

/** How PSPP shows 1985-06-15, 2000-02-29 and 1900-01-01 in each date format the writers offer. */
export const DATE_SHOWN = {
  EDATE: ["EDATE10", "15.06.1985", "29.02.2000", "01.01.1900"],
  SDATE: ["SDATE10", "1985/06/15", "2000/02/29", "1900/01/01"],
  ADATE: ["ADATE10", "06/15/1985", "02/29/2000", "01/01/1900"],
  DATE: ["DATE11", "15-JUN-1985", "29-FEB-2000", "01-JAN-1900"],
} as const;

/** What PSPP must see in a file written from dateDict/dateRows with the given date format. */
export function checkDates(dir: string, sav: string, format: keyof typeof DATE_SHOWN): void {
  const [fmt, june, leap, unknown] = DATE_SHOWN[format];
  const d = psppDictionary(dir, sav);
  if (d.variables[0].printFormat !== fmt) throw new Error(`format ${d.variables[0].printFormat}`);
  // DISPLAY DICTIONARY shows a date missing value as SPSS seconds: 1900-01-01 = 10010390400.
  if (d.variables[0].missing !== "10010390400") throw new Error(`missing shown as '${d.variables[0].missing}'`);
  const label = d.valueLabels[0];
  if (label.value !== unknown || label.label !== "Ukjent dato" || !label.isMissing) throw new Error(`value label ${JSON.stringify(label)}`);
  const f = psppFrequencies(dir, sav, ["fodt"]).get("fodt")!;
  const got = JSON.stringify(f);
  const want = JSON.stringify([
    { section: "Valid", value: june, count: 1 },
    { section: "Valid", value: leap, count: 1 },
    { section: "Missing", value: ".", count: 1 },
    { section: "Missing", value: "Ukjent dato", count: 1 },
  ]);
  if (got !== want) throw new Error(`frequencies ${got}, expected ${want}`);
}
