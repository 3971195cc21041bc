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

/** The wording that depends on what a row is. */
const UNIT_TEXT: Record<CodedUnit, { all: Localized; about: Localized; rows: Localized; caveat: Localized }> = {
  note: {
    all: { nb: "Alle notater i eksporten", en: "All notes in the export" },
    about: {
      nb: "Hver celle er antall notater i eksporten som minst én koder har kodet med koden (hele notatet eller et utdrag), utenom blinde samkjøringsrunder. Et notat telles én gang per kode, uansett hvor mange som kodet det. Tellingene er notater, ikke deltakere eller jobbspesialister, og ingen celler er prikket: små tall kan forekomme.",
      en: "Each cell is the number of notes in the export that at least one coder coded with the code (the whole note or a passage), outside blind agreement rounds. A note counts once per code, however many coded it. The counts are of notes, not of participants or job specialists, and no cells are suppressed: small numbers may occur.",
    },
    rows: { nb: "notater", en: "notes" },
    caveat: { nb: "notater, ikke deltakere; ingen prikking", en: "notes, not participants; no suppression" },
  },
  turn: {
    all: { nb: "Alle ytringer i eksporten", en: "All turns in the export" },
    about: {
      nb: "Hver celle er antall ytringer i eksporten som minst én koder har kodet med koden (hele ytringen eller et utdrag), utenom blinde samkjøringsrunder. En ytring telles én gang per kode, uansett hvor mange som kodet den. Tellingene er ytringer, ikke talere eller samlinger, og ingen celler er prikket: små tall kan forekomme.",
      en: "Each cell is the number of turns in the export that at least one coder coded with the code (the whole turn or a passage), outside blind agreement rounds. A turn counts once per code, however many coded it. The counts are of turns, not of speakers or exchanges, and no cells are suppressed: small numbers may occur.",
    },
    rows: { nb: "ytringer", en: "turns" },
    caveat: { nb: "ytringer, ikke talere; ingen prikking", en: "turns, not speakers; no suppression" },
  },
  answer: {
    all: { nb: "Alle svar i eksporten", en: "All answers in the export" },
    about: {
      nb: "Hver celle er antall svar i eksporten der minst én koder har kodet et åpent svar (helt eller et utdrag) med koden, utenom blinde samkjøringsrunder. Et svar telles én gang per kode, uansett hvor mange som kodet det. Ingen celler er prikket: små tall kan forekomme.",
      en: "Each cell is the number of answers in the export with an open answer that at least one coder coded with the code (whole or a passage), outside blind agreement rounds. An answer counts once per code, however many coded it. No cells are suppressed: small numbers may occur.",
    },
    rows: { nb: "svar", en: "answers" },
    caveat: { nb: "svar, ikke arbeidsgivere; ingen prikking", en: "answers, not employers; no suppression" },
  },
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
  const { rows, caveat } = UNIT_TEXT[schema.coding?.unit ?? "note"];
  return {
    nb: `Frekvenstabeller: antall ${rows.nb} per kode etter ${by("nb")} (${caveat.nb})`,
    en: `Frequency tables: number of ${rows.en} per code by ${by("en")} (${caveat.en})`,
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
    const unit = UNIT_TEXT[this.schema.coding?.unit ?? "note"];
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
      line(unit.all[locale], "", "");
      for (const c of this.codes) line(c.label, c.name, c.name);
    }
    const about = book.addWorksheet(sheetName(TEXT.about[locale]));
    about.addRow([unit.about[locale]]);
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
