// SPSS syntax (.sps) + CSV pair: the human-readable alternative to the .sav (shared/spec/export-formats.md §4).
// The CSV is read by GET DATA /TYPE=TXT, which cannot take line breaks inside quoted fields, so line
// breaks in free text become " / " here (and only here; the .sav keeps them).

import {
  DOCUMENT_LINE_BYTES,
  FILE_LABEL_BYTES,
  MAX_STRING_WIDTH,
  MAX_VALUE_LABEL_BYTES,
  MAX_VARIABLE_LABEL_BYTES,
  assertValidDictionary,
  nfc,
  parseIsoDate,
  truncateToBytes,
  utf8Length,
  utf8Wrap,
  type DataDictionary,
  type DictVariable,
  type Measure,
  type Row,
} from "../dictionary";
import type { RowSource, SpssDateFormat } from "./sav-writer.server";
import { csvText } from "../../server/csv.server";

export interface SpsOptions {
  /** CSV file name as written into FILE HANDLE; relative names resolve against SPSS's working directory. */
  csvFileName: string;
  /** A-widths in bytes of the CSV text (after line-break replacement). Measured from the rows if absent. */
  stringWidths?: Record<string, number>;
  /** Display format for date variables. Default EDATE (dd.mm.yyyy). */
  dateFormat?: SpssDateFormat;
}

const LINE_BREAKS = /\r\n|\r|\n/g;
const LINE_BREAK_REPLACEMENT = " / ";
const DATE_WIDTH: Record<SpssDateFormat, number> = { DATE: 11, ADATE: 10, EDATE: 10, SDATE: 10 };

/** A string value as it goes into the CSV: NFC, without line breaks. */
export function spssCsvValue(value: string): string {
  return nfc(value).replace(LINE_BREAKS, LINE_BREAK_REPLACEMENT);
}

/** The .sps and the CSV as two strings (for small exports; use encodeCsv + buildSps to stream). */
export async function writeSpsAndCsv(dict: DataDictionary, rows: RowSource, opts: SpsOptions): Promise<{ sps: string; csv: string }> {
  const parts: string[] = [];
  const gen = encodeCsv(dict, rows);
  let step = await gen.next();
  while (!step.done) {
    parts.push(step.value);
    step = await gen.next();
  }
  return { sps: buildSps(dict, { ...opts, stringWidths: opts.stringWidths ?? step.value }), csv: parts.join("") };
}

/**
 * The CSV in chunks of text (UTF-8 when written; no BOM). Returns the measured byte width of every string
 * variable, to pass to buildSps as stringWidths, so the data is read only once.
 */
export async function* encodeCsv(dict: DataDictionary, rows: RowSource): AsyncGenerator<string, Record<string, number>> {
  assertValidDictionary(dict);
  const vars = dict.variables;
  const widths: Record<string, number> = {};
  for (const v of vars) {
    if (v.type !== "string") continue;
    const declared = [...(v.valueLabels ?? []).map((l) => l.value), ...(v.missing ?? [])];
    widths[v.name] = Math.max(1, ...declared.map((x) => utf8Length(spssCsvValue(String(x)))));
  }
  // Strings are always quoted (GET DATA reads a quoted empty string as an empty string), numbers
  // and dates never; papaparse lays the rows out.
  const quotes = vars.map((v) => v.type === "string");
  const header = csvText([vars.map((v) => v.name)], { newline: "\n" });
  let batch: string[][] = [];
  const line = (row: Row) => {
    const fields: string[] = [];
    for (const v of vars) {
      const raw = row[v.name];
      if (v.type === "string") {
        const text = raw == null ? "" : spssCsvValue(String(raw));
        const n = Buffer.byteLength(text);
        if (n > widths[v.name]) widths[v.name] = Math.min(n, MAX_STRING_WIDTH);
        fields.push(text);
      } else if (raw == null || (typeof raw === "string" && raw.trim() === "")) {
        fields.push(""); // empty field = system-missing, as null and '' are in the .sav
      } else if (v.type === "date") {
        if (typeof raw !== "string" || parseIsoDate(raw) === null) throw new Error(`${v.name}: '${raw}' is not a 'YYYY-MM-DD' date`);
        fields.push(raw);
      } else {
        fields.push(csvNumber(raw, v.name));
      }
    }
    return fields;
  };
  let count = 0;
  const add = (row: Row) => {
    count++;
    try {
      batch.push(line(row));
    } catch (error) {
      throw new Error(`Row ${count}: ${(error as Error).message}`, { cause: error });
    }
  };
  const take = () => {
    const text = csvText(batch, { newline: "\n", quotes });
    batch = [];
    return text;
  };
  const FLUSH_AT = 500; // rows per yielded chunk
  yield header;
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      add(row);
      if (batch.length >= FLUSH_AT) yield take();
    }
  } else {
    for (const row of rows) {
      add(row);
      if (batch.length >= FLUSH_AT) yield take();
    }
  }
  if (batch.length) yield take();
  return widths;
}

/** Plain decimal notation: SPSS's F input format reads a point and digits, whatever the locale (SET DECIMAL=DOT). */
function csvNumber(raw: number | string, name: string): string {
  const n = typeof raw === "number" ? raw : Number(raw.trim());
  if (typeof raw === "string" && !Number.isFinite(n)) throw new Error(`${name}: '${raw}' is not a number`);
  if (!Number.isFinite(n)) return ""; // NaN/Infinity: system-missing, as in the .sav
  const s = String(n);
  if (!s.includes("e")) return s;
  // JS switches to exponent notation below 1e-6 and from 1e21; spell those out.
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, "");
}

/** SPSS string literal: apostrophes doubled, no line breaks, cut to `maxBytes` on a character boundary. */
function quote(text: string, maxBytes: number): string {
  const oneLine = nfc(text).replace(LINE_BREAKS, " ");
  return `'${truncateToBytes(oneLine, maxBytes).replaceAll("'", "''")}'`;
}

function numberFormat(v: DictVariable): { w: number; d: number } {
  const d = Math.min(Math.max(0, v.decimals ?? (v.measure === "scale" ? 2 : 0)), 16);
  return { w: Math.min(Math.max(v.width ?? 8, d + 2), 40), d };
}

/** Literal for a value label or missing value of variable `v`. */
function valueLiteral(v: DictVariable, value: number | string): string {
  if (v.type === "string") return quote(String(value), MAX_STRING_WIDTH);
  if (v.type === "date") {
    // Dates as a number would be unreadable; DATE.DMY(d,m,y) is not allowed here, so use SPSS seconds.
    const ms = typeof value === "string" ? parseIsoDate(value) : null;
    if (ms === null) throw new Error(`${v.name}: '${value}' is not a 'YYYY-MM-DD' date`);
    return String(ms / 1000 + 12219379200);
  }
  return csvNumber(value, v.name);
}

/** The .sps that loads the CSV written by encodeCsv and applies the dictionary. */
export function buildSps(dict: DataDictionary, opts: SpsOptions): string {
  assertValidDictionary(dict);
  const vars = dict.variables;
  const dateFormat = opts.dateFormat ?? "EDATE";
  const widthOf = (v: DictVariable) => {
    const w = opts.stringWidths?.[v.name] ?? v.width;
    if (w === undefined) throw new Error(`${v.name}: string width unknown; pass stringWidths (from encodeCsv) or set width`);
    return Math.min(Math.max(1, Math.floor(w)), MAX_STRING_WIDTH);
  };
  const out: string[] = [];
  const fileLabel = truncateToBytes(nfc(dict.fileLabel).replace(LINE_BREAKS, " ").trim(), FILE_LABEL_BYTES).replace(/[.\s]+$/, "");

  out.push("* Encoding: UTF-8.");
  out.push(`* ${fileLabel || "Medforsker export"}.`);
  out.push("* Run with SPSS in Unicode mode (Edit > Options > Language).");
  out.push("* Relative file names are resolved against the current working directory, not against this file:");
  out.push("* put the full path of the CSV file in FILE HANDLE below, or run a CD command first.");
  out.push(`FILE HANDLE csvdata /NAME=${quote(opts.csvFileName, 4096)}.`);
  out.push("PRESERVE.");
  out.push("SET DECIMAL=DOT.");
  out.push("GET DATA /TYPE=TXT /FILE=csvdata /ENCODING='UTF8'");
  out.push(`  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'`);
  out.push("  /VARIABLES=");
  for (const v of vars) {
    // Numbers are read as F40.0 (an explicit decimal point wins; no implied decimals), dates as
    // ISO yyyy-mm-dd (SDATE10); display formats follow under FORMATS.
    const input = v.type === "string" ? `A${widthOf(v)}` : v.type === "date" ? "SDATE10" : "F40.0";
    out.push(`    ${v.name} ${input}`);
  }
  out[out.length - 1] += ".";
  out.push("RESTORE.");

  const labelled = vars.filter((v) => v.label);
  if (labelled.length > 0) {
    out.push("VARIABLE LABELS");
    labelled.forEach((v, i) => out.push(`  ${i ? "/" : ""}${v.name} ${quote(v.label, MAX_VARIABLE_LABEL_BYTES)}`));
    out[out.length - 1] += ".";
  }

  const withValueLabels = vars.filter((v) => v.valueLabels?.length);
  if (withValueLabels.length > 0) {
    out.push("VALUE LABELS");
    withValueLabels.forEach((v, i) => {
      out.push(`  ${i ? "/" : ""}${v.name}`);
      for (const l of v.valueLabels!) out.push(`    ${valueLiteral(v, l.value)} ${quote(l.label, MAX_VALUE_LABEL_BYTES)}`);
    });
    out[out.length - 1] += ".";
  }

  const withMissing = vars.filter((v) => v.missing?.length);
  if (withMissing.length > 0) {
    out.push("MISSING VALUES");
    withMissing.forEach((v, i) => out.push(`  ${i ? "/" : ""}${v.name} (${v.missing!.map((m) => valueLiteral(v, m)).join(" ")})`));
    out[out.length - 1] += ".";
  }

  const levels: [Measure, string][] = [["nominal", "NOMINAL"], ["ordinal", "ORDINAL"], ["scale", "SCALE"]];
  const levelGroups = levels.map(([m, word]) => [vars.filter((v) => v.measure === m).map((v) => v.name), word] as const).filter(([names]) => names.length > 0);
  out.push("VARIABLE LEVEL");
  levelGroups.forEach(([names, word], i) => out.push(`  ${i ? "/" : ""}${names.join(" ")} (${word})`));
  out[out.length - 1] += ".";

  out.push("FORMATS");
  for (const v of vars) {
    if (v.type === "string") continue;
    const f = v.type === "date" ? `${dateFormat}${DATE_WIDTH[dateFormat]}` : `F${numberFormat(v).w}.${numberFormat(v).d}`;
    out.push(`  ${v.name} (${f})`);
  }
  if (out[out.length - 1] === "FORMATS") out.pop();
  else out[out.length - 1] += ".";

  out.push("VARIABLE WIDTH");
  vars.forEach((v, i) => {
    const w = v.type === "string" ? Math.min(Math.max(1, v.width ?? 32), 64, widthOf(v)) : v.type === "date" ? Math.max(v.width ?? 0, DATE_WIDTH[dateFormat]) : numberFormat(v).w;
    out.push(`  ${i ? "/" : ""}${v.name} (${w})`);
  });
  out[out.length - 1] += ".";

  if (fileLabel) out.push(`FILE LABEL ${fileLabel}.`);
  const docLines = (dict.documents ?? []).flatMap((d) => utf8Wrap(d, DOCUMENT_LINE_BYTES));
  if (docLines.length > 0) {
    out.push("ADD DOCUMENT");
    for (const line of docLines) out.push(`  ${quote(line, DOCUMENT_LINE_BYTES)}`);
    out[out.length - 1] += ".";
  }
  out.push("EXECUTE.");
  out.push("* To keep a .sav copy: SAVE OUTFILE='export.sav'.");
  return out.join("\n") + "\n";
}
