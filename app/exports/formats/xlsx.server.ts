// Format "xlsx": the NVivo dataset and classification sheets (exceljs, streamed to disk).
// - <base>-datasett.xlsx: one row per record (a note, an answer, a report), the case column first;
//   classifying columns hold text labels (NVivo shows attribute values verbatim), codable
//   columns the free text; a second sheet lists every column with its name and NVivo role.
// - <base>-klassifisering.xlsx (Windows) and <base>-klassifisering.csv (Mac, UTF-8): one row per
//   case, case name first: A1 the classification name, row 1 the attribute names.
// NVivo's documented limits (256 fields, 1,048,576 records) and Excel's cell limit (32,767
// characters) are enforced; text cells are neutralised against formula injection.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Localized } from "~/i18n/locale";
import type { Row } from "../dictionary";
import { valueText, type ExportDictionary, type ExportVariable } from "../schema";
import { csvText } from "~/server/csv.server";
import type { ExportFormat, FormatInput, FormatResult } from "./format";
import { Neutraliser } from "./spreadsheet-safety";

/** NVivo 9/10 documentation: at most 256 fields and 1,048,576 records per dataset. */
export const NVIVO_MAX_FIELDS = 256;
export const NVIVO_MAX_RECORDS = 1_048_576 - 1; // the header row is one of Excel's rows
/** Excel: at most 32,767 characters in a cell. */
export const EXCEL_CELL_CHARACTERS = 32_767;

const TEXT: Record<string, Localized> = {
  dataset: { nb: "Datasett", en: "Dataset" },
  columns: { nb: "Kolonner", en: "Columns" },
  column: { nb: "Kolonne", en: "Column" },
  variable: { nb: "Variabel", en: "Variable" },
  role: { nb: "Rolle i NVivo", en: "Role in NVivo" },
  codable: { nb: "kodbar", en: "codable" },
  classifying: { nb: "klassifiserende", en: "classifying" },
};

/** Column titles: the variable labels, made unique (NVivo needs distinct field names). */
export function columnTitles(vars: readonly ExportVariable[]): string[] {
  const seen = new Map<string, number>();
  return vars.map((v) => {
    const base = (v.label || v.name).slice(0, 250);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${v.name})`;
  });
}

interface Cells {
  neutraliser: Neutraliser;
  shortened: Record<string, number>;
}

/** A cell value: labels for coded values, numbers for plain numbers, neutralised text. */
export function cellValue(v: ExportVariable, value: Row[string], cells: Cells): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" && !v.valueLabels?.length) return value;
  let text = v.valueLabels?.length ? valueText(v, value) : String(value);
  if (text.length > EXCEL_CELL_CHARACTERS) {
    text = [...text].slice(0, EXCEL_CELL_CHARACTERS - 1).join("").slice(0, EXCEL_CELL_CHARACTERS - 1);
    cells.shortened[v.name] = (cells.shortened[v.name] ?? 0) + 1;
  }
  return cells.neutraliser.cell(text);
}

function orderedVariables(dict: ExportDictionary): ExportVariable[] {
  const caseVar = dict.variables.find((v) => v.name === dict.qualitative.caseVariable);
  const rest = dict.variables.filter((v) => v !== caseVar);
  return caseVar ? [caseVar, ...rest] : rest;
}

export const xlsxFormat: ExportFormat = {
  id: "xlsx",
  label: { nb: "NVivo-datasett (.xlsx) og klassifiseringsark", en: "NVivo dataset (.xlsx) and classification sheets" },
  description: {
    nb: "Ett regneark per rad med kodbare og klassifiserende kolonner, og et klassifiseringsark per case (Excel for Windows, UTF-8 CSV for Mac).",
    en: "A spreadsheet with codable and classifying columns, and a classification sheet per case (Excel for Windows, UTF-8 CSV for Mac).",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const { dict } = input;
    const locale = dict.locale;
    const cells: Cells = { neutraliser: new Neutraliser(), shortened: {} };
    let vars = orderedVariables(dict);
    if (vars.length > NVIVO_MAX_FIELDS) {
      cells.shortened["(fields)"] = vars.length - NVIVO_MAX_FIELDS;
      vars = vars.slice(0, NVIVO_MAX_FIELDS);
    }
    if (input.rowCount > NVIVO_MAX_RECORDS) throw new Error(`NVivo datasets hold at most ${NVIVO_MAX_RECORDS} records; choose a smaller selection`);

    const datasetName = `${input.baseName}-datasett.xlsx`;
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(input.dir, datasetName), useSharedStrings: false, useStyles: true });
    book.creator = "Medforsker";
    const sheet = book.addWorksheet(TEXT.dataset[locale], { views: [{ state: "frozen", ySplit: 1 }] });
    const titles = columnTitles(vars);
    sheet.addRow(titles.map((t) => cells.neutraliser.cell(t))).commit();

    // Case attributes, collected on the way for the classification sheets.
    const caseVar = dict.variables.find((v) => v.name === dict.qualitative.caseVariable);
    const attributes = dict.qualitative.caseAttributes.map((n) => dict.variables.find((v) => v.name === n)).filter((v): v is ExportVariable => !!v);
    const cases = new Map<string, (string | number | null)[]>();
    for await (const row of input.rows()) {
      sheet.addRow(vars.map((v) => cellValue(v, row[v.name], cells))).commit();
      const name = caseVar ? String(row[caseVar.name] ?? "") : "";
      if (name && !cases.has(name)) cases.set(name, attributes.map((v) => cellValue(v, row[v.name], cells)));
    }
    sheet.commit();
    const about = book.addWorksheet(TEXT.columns[locale]);
    about.addRow([TEXT.column[locale], TEXT.variable[locale], TEXT.role[locale]]).commit();
    vars.forEach((v, i) => about.addRow([cells.neutraliser.cell(titles[i]), v.name, TEXT[v.nvivo][locale]]).commit());
    about.commit();
    await book.commit();

    // Classification sheets: A1 = classification name, row 1 = attribute names, column A = cases.
    const classification = dict.qualitative.caseClassification[locale];
    const header = [classification, ...attributes.map((v) => v.label)].map((t) => cells.neutraliser.cell(t));
    const sorted = [...cases.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const windowsName = `${input.baseName}-klassifisering.xlsx`;
    const classBook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(input.dir, windowsName), useSharedStrings: false });
    const classSheet = classBook.addWorksheet(classification.slice(0, 31).replace(/[\\/?*[\]:]/g, "-"));
    classSheet.addRow(header).commit();
    for (const [name, values] of sorted) classSheet.addRow([cells.neutraliser.cell(name), ...values]).commit();
    classSheet.commit();
    await classBook.commit();

    const macName = `${input.baseName}-klassifisering.csv`;
    const mac = createWriteStream(path.join(input.dir, macName));
    mac.write(csvText([header]));
    for (const [name, values] of sorted) mac.write(csvText([[cells.neutraliser.cell(name), ...values]]));
    mac.end();
    await once(mac, "finish");

    return {
      files: [
        { path: datasetName, description: { nb: "NVivo-datasett (én rad per post)", en: "NVivo dataset (one row per record)" } },
        { path: windowsName, description: { nb: "Klassifiseringsark for NVivo (Windows)", en: "Classification sheet for NVivo (Windows)" } },
        { path: macName, description: { nb: "Klassifiseringsark for NVivo (Mac, UTF-8 CSV)", en: "Classification sheet for NVivo (Mac, UTF-8 CSV)" } },
      ],
      truncatedValues: 0,
      neutralisedCells: cells.neutraliser.count,
      shortened: cells.shortened,
    };
  },
};
