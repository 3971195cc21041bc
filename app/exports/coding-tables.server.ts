// Frequency tables of the project's coding, an extra file in the packages of the tabular formats
// (.sav, .sps, .csv, .xlsx): for each code, how many of the exported rows (notes, turns or
// answers) were coded with it, by the schema's coding.crossBy variables (the log's month and SE
// step, say), counted from the very rows the data file got. The counts are of rows, not of
// people, and nothing is suppressed: the file says so.
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locale, Localized } from "~/i18n/locale";
import type { CodedUnit } from "./coding-export";
import type { Row } from "./dictionary";
import { Neutraliser } from "./formats/spreadsheet-safety";
import type { WrittenFile } from "./formats/format";
import { valueText, type ExportDictionary, type ExportSchema, type ExportVariable } from "./schema";

const TEXT: Record<string, Localized> = {
  code: { nb: "Kode", en: "Code" },
  variable: { nb: "Variabel", en: "Variable" },
  total: { nb: "I alt", en: "Total" },
  none: { nb: "(tom)", en: "(empty)" },
  about: { nb: "Om tabellene", en: "About the tables" },
};

/** The words for what a row is (a note, a turn, an answer), for the texts below. */
interface UnitWords {
  readonly rows: string;
  readonly whole: string;
  readonly one: string;
  readonly it: string;
  /** Whom the counts are not of. */
  readonly notOf: string;
  readonly notOfShort: string;
}

const UNIT_WORDS: Record<CodedUnit, Record<Locale, UnitWords>> = {
  note: {
    nb: { rows: "notater", whole: "hele notatet", one: "Et notat", it: "det", notOf: "deltakere eller jobbspesialister", notOfShort: "deltakere" },
    en: { rows: "notes", whole: "the whole note", one: "A note", it: "it", notOf: "participants or job specialists", notOfShort: "participants" },
  },
  turn: {
    nb: { rows: "ytringer", whole: "hele ytringen", one: "En ytring", it: "den", notOf: "talere eller samlinger", notOfShort: "talere" },
    en: { rows: "turns", whole: "the whole turn", one: "A turn", it: "it", notOf: "speakers or exchanges", notOfShort: "speakers" },
  },
  answer: {
    nb: { rows: "svar", whole: "et helt åpent svar", one: "Et svar", it: "det", notOf: "arbeidsgivere, kandidater eller jobbspesialister", notOfShort: "arbeidsgivere" },
    en: { rows: "answers", whole: "a whole open answer", one: "An answer", it: "it", notOf: "employers, candidates or job specialists", notOfShort: "employers" },
  },
};

const ALL_ROWS: Record<Locale, (w: UnitWords) => string> = {
  nb: (w) => `Alle ${w.rows} i eksporten`,
  en: (w) => `All ${w.rows} in the export`,
};

const ABOUT: Record<Locale, (w: UnitWords) => string> = {
  nb: (w) =>
    `Hver celle er antall ${w.rows} i eksporten som minst én koder har kodet med koden (${w.whole} eller et utdrag), utenom blinde samkjøringsrunder. ${w.one} telles én gang per kode, uansett hvor mange som kodet ${w.it}. Tellingene er ${w.rows}, ikke ${w.notOf}, og ingen celler er prikket: små tall kan forekomme.`,
  en: (w) =>
    `Each cell is the number of ${w.rows} in the export that at least one coder coded with the code (${w.whole} or a passage), outside blind agreement rounds. ${w.one} counts once per code, however many coded it. The counts are of ${w.rows}, not of ${w.notOf}, and no cells are suppressed: small numbers may occur.`,
};

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** What the manifest says the file is. */
function fileDescription(schema: ExportSchema): Localized {
  const by = (locale: Locale) =>
    (schema.coding?.crossBy ?? [])
      .map((n) => schema.variables.find((v) => v.name === n)?.label[locale])
      .filter((l): l is string => !!l)
      .map(lower)
      .join(locale === "nb" ? " og etter " : " and by ");
  const words = UNIT_WORDS[schema.coding?.unit ?? "note"];
  return {
    nb: `Frekvenstabeller: antall ${words.nb.rows} per kode etter ${by("nb")} (${words.nb.rows}, ikke ${words.nb.notOfShort}; ingen prikking)`,
    en: `Frequency tables: number of ${words.en.rows} per code by ${by("en")} (${words.en.rows}, not ${words.en.notOfShort}; no suppression)`,
  };
}

type Counts = Map<string, number>;

/** Sheet names: at most 31 characters, none of \ / ? * [ ] : */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, "-").slice(0, 31);

export class CodingTally {
  private readonly codes: ExportVariable[];
  private readonly by: ExportVariable[];
  /** Per crossBy variable: value -> (code variable or "" for all rows) -> rows. */
  private counts = new Map<string, Map<string | number | null, Counts>>();

  constructor(
    private readonly dict: ExportDictionary,
    private readonly schema: ExportSchema,
  ) {
    const variables = new Set((schema.coding?.codes ?? []).map((c) => c.variable).filter((v): v is string => !!v));
    this.codes = dict.variables.filter((v) => variables.has(v.name));
    this.by = (schema.coding?.crossBy ?? []).map((n) => dict.variables.find((v) => v.name === n)).filter((v): v is ExportVariable => !!v);
  }

  /** Whether there is anything to count (a codebook with codings). */
  get active(): boolean {
    return this.codes.length > 0;
  }

  /** Starts a new pass over the rows. */
  reset(): void {
    this.counts = new Map(this.by.map((v) => [v.name, new Map()]));
  }

  observe(row: Row): void {
    for (const v of this.by) {
      const value = row[v.name] ?? null;
      const byValue = this.counts.get(v.name)!;
      let counts = byValue.get(value);
      if (!counts) byValue.set(value, (counts = new Map()));
      counts.set("", (counts.get("") ?? 0) + 1);
      for (const c of this.codes) if (row[c.name] === 1) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    }
  }

  /** Writes `<base>-koder.xlsx`: a sheet per crossBy variable, and one that says what is counted. */
  async write(dir: string, baseName: string): Promise<WrittenFile & { neutralisedCells: number }> {
    const locale = this.dict.locale;
    const words = UNIT_WORDS[this.schema.coding?.unit ?? "note"][locale];
    const neutraliser = new Neutraliser();
    const book = new ExcelJS.Workbook();
    book.creator = "Medforsker";
    for (const v of this.by) {
      const byValue = this.counts.get(v.name) ?? new Map();
      const values = [...byValue.keys()].sort(order);
      const sheet = book.addWorksheet(sheetName(`${TEXT.code[locale]} × ${v.label}`), { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
      sheet.addRow([TEXT.code[locale], TEXT.variable[locale], ...values.map((x) => neutraliser.cell(valueText(v, x) || TEXT.none[locale])), TEXT.total[locale]]);
      const line = (label: string, name: string, key: string) => {
        const cells = values.map((x) => byValue.get(x)?.get(key) ?? 0);
        sheet.addRow([neutraliser.cell(label), name, ...cells, cells.reduce((a, b) => a + b, 0)]);
      };
      line(ALL_ROWS[locale](words), "", "");
      for (const c of this.codes) line(c.label, c.name, c.name);
    }
    const about = book.addWorksheet(sheetName(TEXT.about[locale]));
    about.addRow([ABOUT[locale](words)]);
    const file = `${baseName}-koder.xlsx`;
    await book.xlsx.writeFile(path.join(dir, file));
    return { path: file, description: fileDescription(this.schema), neutralisedCells: neutraliser.count };
  }
}

/** Values in reading order: numbers up, then text; missing codes (negative) and empty last. */
function order(a: string | number | null, b: string | number | null): number {
  const rank = (x: string | number | null) => (x === null || x === "" ? 3 : typeof x === "number" ? (x < 0 ? 2 : 0) : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return ra === 2 ? b - a : a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
