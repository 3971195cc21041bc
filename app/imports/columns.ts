// What a file's columns can be mapped to (targets), the mapping suggested from the header, and
// each cell read through the instrument's codebook into the value its form would post: «Ja»,
// «ja» or «1» to code 1, dates as dd.mm.yyyy, yyyy-mm-dd or Excel serial numbers, «trinn 3» or
// «3» for an SE step. The form's own validator (parseInstrumentForm) then checks the row, so an
// import accepts exactly what the form accepts. Pure: no database, no server modules.
import type { Localized } from "~/i18n/locale";
import type { CompiledItem, CompiledOption, FormInstrument } from "~/instruments/types";
import type { Cell } from "./read-table.server";

/** Columns that are not answers of the instrument but say whose row it is. */
export type MetaTarget = "person" | "code" | "startMonth" | "consentDate" | "effectiveDate" | "exchange" | "present";

export type ValueKind = "text" | "date" | "month" | "integer" | "choice" | "flag" | "person" | "code" | "yesno";

export interface Target {
  /** The form field it fills, or the meta target. */
  readonly key: string;
  readonly label: Localized;
  /** Other headings that mean this column (SPSS name, the report's own headings). */
  readonly aliases: readonly string[];
  readonly value: ValueKind;
  /** Options of a choice (with the missing codes), for reading labels. */
  readonly options: readonly CompiledOption[];
  readonly required: boolean;
  readonly meta: boolean;
}

const META_LABELS: Record<MetaTarget, { label: Localized; aliases: string[]; value: ValueKind }> = {
  person: { label: { nb: "Jobbspesialist", en: "Job specialist" }, aliases: ["js", "jobbspesialist", "navn js", "e-post", "epost", "email", "e-mail", "person", "deltaker (person)"], value: "person" },
  code: { label: { nb: "Deltakerkode", en: "Participant code" }, aliases: ["kode", "deltaker", "deltakerkode", "code", "participant", "id", "løpenummer"], value: "code" },
  startMonth: { label: { nb: "Overtatt (måned)", en: "Taken over (month)" }, aliases: ["startmåned", "start", "overtatt", "startmaaned", "start month", "taken over"], value: "month" },
  consentDate: { label: { nb: "Samtykke gitt", en: "Consent given" }, aliases: ["samtykke", "samtykkedato", "consent", "consent date"], value: "date" },
  effectiveDate: { label: { nb: "Status per dato", en: "Status as of" }, aliases: ["dato", "rapportdato", "per dato", "status per", "as of", "report date", "date"], value: "date" },
  exchange: { label: { nb: "Samling (dato)", en: "Exchange (date)" }, aliases: ["samling", "dato", "møtedato", "exchange", "date"], value: "date" },
  present: { label: { nb: "Til stede", en: "Present" }, aliases: ["til stede", "oppmøte", "deltok", "present", "attended"], value: "yesno" },
};

export function metaTarget(key: MetaTarget, required: boolean): Target {
  const m = META_LABELS[key];
  return { key, label: m.label, aliases: m.aliases, value: m.value, options: [], required, meta: true };
}

/** One target per form field of the instrument (a multiple-choice option and a matrix statement are each a column). */
export function instrumentTargets(instrument: FormInstrument): Target[] {
  const out: Target[] = [];
  for (const item of instrument.sections.flatMap((s) => s.items)) out.push(...itemTargets(item));
  return out;
}

function itemTargets(item: CompiledItem): Target[] {
  const base = { required: item.required && item.conditions.length === 0, meta: false };
  const missing = item.missing.map((m) => ({ code: m.code, label: m.label }));
  switch (item.type) {
    case "multiple_choice":
      return item.options.map((o) => ({ ...base, required: false, key: o.field, label: o.label, aliases: [o.variable], value: "flag" as const, options: [] }));
    case "counts":
      return item.options.map((o) => ({ ...base, required: false, key: o.field, label: o.label, aliases: [o.variable], value: "integer" as const, options: [] }));
    case "matrix":
      return item.statements.map((s) => ({ ...base, key: s.field, label: s.label, aliases: [s.variable], value: "choice" as const, options: [...item.options, ...missing] }));
    case "single_choice":
    case "se_step":
      return [{ ...base, key: item.field, label: item.label, aliases: [item.name], value: "choice", options: [...item.options, ...missing] }];
    case "integer":
      return [{ ...base, key: item.field, label: item.label, aliases: [item.name], value: "integer", options: missing }];
    case "date":
    case "month":
      return [{ ...base, key: item.field, label: item.label, aliases: [item.name], value: item.type, options: [] }];
    default:
      return [{ ...base, key: item.field, label: item.label, aliases: [item.name], value: "text", options: [] }];
  }
}

/** A heading as compared: lower case, letters and digits only, single spaces. */
export function normaliseHeading(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("nb")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Column → target suggested from the headings: a remembered mapping first (by heading), then the
 * target's nb or en label, its SPSS name, then its other headings. Each target is used once.
 */
export function suggestMapping(headers: readonly string[], targets: readonly Target[], remembered: Readonly<Record<string, string>> = {}): (string | null)[] {
  const used = new Set<string>();
  const keys = new Set(targets.map((t) => t.key));
  const result: (string | null)[] = headers.map(() => null);
  const claim = (i: number, key: string | undefined) => {
    if (result[i] !== null || !key || used.has(key) || !keys.has(key)) return;
    result[i] = key;
    used.add(key);
  };
  headers.forEach((h, i) => claim(i, remembered[normaliseHeading(h)]));
  const passes: ((t: Target) => readonly string[])[] = [(t) => [t.label.nb, t.label.en], (t) => t.aliases.slice(0, 1), (t) => t.aliases];
  for (const names of passes) {
    headers.forEach((h, i) => {
      const heading = normaliseHeading(h);
      if (!heading) return;
      claim(i, targets.find((t) => !used.has(t.key) && names(t).some((n) => normaliseHeading(n) === heading))?.key);
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Values

export type Read = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: ReadReason };
export type ReadReason = "date" | "month" | "integer" | "choice" | "flag" | "yesno";

const ok = (value: string): Read => ({ ok: true, value });
const bad = (reason: ReadReason): Read => ({ ok: false, reason });

/** The cell's text, trimmed; dates of a spreadsheet as ISO. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.date;
  if (typeof cell === "boolean") return cell ? "1" : "0";
  return String(cell).trim();
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number (1900 date system, as Excel counts it) to ISO. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  // Excel's day 60 is the 29 February 1900 that never was; from day 61 on, day 0 is 30 December 1899.
  const ms = Date.UTC(1899, 11, serial < 61 ? 31 : 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function readDate(cell: Cell): string | null {
  if (cell !== null && typeof cell === "object") return cell.date;
  if (typeof cell === "number") return excelSerialDate(cell);
  const text = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (m) return validDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(text);
  if (m) return validDate(2000 + +m[3], +m[2], +m[1]);
  if (/^\d{5}$/.test(text)) return excelSerialDate(Number(text));
  return null;
}

export function readMonth(cell: Cell): string | null {
  const date = readDate(cell);
  if (date) return date.slice(0, 7);
  const text = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${m[1]}-${pad(+m[2])}`;
  m = /^(\d{1,2})[./](\d{4})$/.exec(text);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${m[2]}-${pad(+m[1])}`;
  return null;
}

const YES = new Set(["ja", "j", "yes", "y", "1", "x", "✓", "✔", "true", "sann"]);
const NO = new Set(["nei", "n", "no", "0", "false", "usann", "-"]);

/** The code of an option from its number, its label (nb or en, any case), or «trinn 3» / «step 3». */
export function readChoice(text: string, options: readonly CompiledOption[]): number | null {
  const t = normaliseHeading(text);
  const number = /^(?:trinn|step)?\s*(-?\d+)$/.exec(t);
  if (number && options.some((o) => o.code === Number(number[1]))) return Number(number[1]);
  const byLabel = options.find((o) => normaliseHeading(o.label.nb) === t || normaliseHeading(o.label.en) === t);
  if (byLabel) return byLabel.code;
  // An SE step's label begins «Trinn 3: …»; a file may hold the words after the colon only.
  const byTail = options.find((o) => [o.label.nb, o.label.en].some((l) => l.includes(":") && normaliseHeading(l.slice(l.indexOf(":") + 1)) === t));
  return byTail ? byTail.code : null;
}

/** The form value of a cell for a target ("" for an empty cell). */
export function readCell(target: Target, cell: Cell): Read {
  const text = cellText(cell);
  if (text === "") return ok("");
  switch (target.value) {
    case "date": {
      const date = readDate(cell);
      return date ? ok(date) : bad("date");
    }
    case "month": {
      const month = readMonth(cell);
      return month ? ok(month) : bad("month");
    }
    case "integer": {
      const missing = target.options.length ? readChoice(text, target.options) : null;
      if (missing !== null) return ok(String(missing));
      return /^-?\d+$/.test(text.replace(/\s/g, "")) ? ok(text.replace(/\s/g, "")) : bad("integer");
    }
    case "choice": {
      const code = readChoice(text, target.options);
      return code === null ? bad("choice") : ok(String(code));
    }
    case "flag":
    case "yesno": {
      const t = normaliseHeading(text) || text;
      if (YES.has(t)) return ok("1");
      if (NO.has(t)) return ok(target.value === "flag" ? "" : "0");
      return bad(target.value);
    }
    default:
      return ok(typeof cell === "string" ? cell.replace(/\r\n?/g, "\n").trim() : text);
  }
}
