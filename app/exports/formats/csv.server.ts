// Format "csv": the data as RFC 4180 CSV (papaparse) in UTF-8 with a byte-order mark (so spreadsheet programs
// read æøå), twice: with codes (as in SPSS) and with value labels. Line breaks inside free text are
// kept (quoted). Every text cell is neutralised against formula injection.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { nfc } from "../dictionary";
import { valueText, type ExportVariable } from "../schema";
import type { ExportFormat, FormatInput, FormatResult } from "./format";
import { Neutraliser } from "./spreadsheet-safety";
import { csvText, UTF8_BOM } from "~/server/csv.server";


function plainNumber(n: number): string {
  const s = String(n);
  return s.includes("e") ? (Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, "")) : s;
}

/** One cell's text: numbers as numbers, text neutralised (papaparse quotes it as needed). */
export function csvCell(v: ExportVariable, value: unknown, labels: boolean, neutraliser: Neutraliser): string {
  if (value === null || value === undefined || value === "") return "";
  if (labels && v.valueLabels?.length) {
    const text = valueText(v, value as number | string);
    if (text !== String(value)) return neutraliser.cell(nfc(text));
  }
  if (typeof value === "number") return Number.isFinite(value) ? plainNumber(value) : "";
  return neutraliser.cell(nfc(String(value)));
}

/** Rows to a file, laid out by papaparse a batch at a time. */
class Lines {
  private batch: string[][] = [];
  constructor(private readonly out: WriteStream) {}
  bom() {
    this.out.write(UTF8_BOM);
  }
  async push(cells: string[]) {
    this.batch.push(cells);
    if (this.batch.length >= 500) await this.flush();
  }
  private async flush() {
    const text = csvText(this.batch);
    this.batch = [];
    if (text && !this.out.write(text)) await once(this.out, "drain");
  }
  async end() {
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
  }
}

export const csvFormat: ExportFormat = {
  id: "csv",
  label: { nb: "CSV (koder og etiketter)", en: "CSV (codes and labels)" },
  description: {
    nb: "To CSV-filer i UTF-8: én med koder som i SPSS, én med verdietiketter. For R, Excel og andre verktøy.",
    en: "Two UTF-8 CSV files: one with codes as in SPSS, one with value labels. For R, Excel and other tools.",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const codesName = `${input.baseName}.csv`;
    const labelsName = `${input.baseName}-etiketter.csv`;
    const neutraliser = new Neutraliser();
    const labelNeutraliser = new Neutraliser();
    const vars = input.dict.variables;
    const codes = new Lines(createWriteStream(path.join(input.dir, codesName)));
    const labels = new Lines(createWriteStream(path.join(input.dir, labelsName)));
    const header = vars.map((v) => v.name);
    codes.bom();
    labels.bom();
    await codes.push(header);
    await labels.push(header);
    for await (const row of input.rows()) {
      await codes.push(vars.map((v) => csvCell(v, row[v.name], false, neutraliser)));
      await labels.push(vars.map((v) => csvCell(v, row[v.name], true, labelNeutraliser)));
    }
    await codes.end();
    await labels.end();
    return {
      files: [
        { path: codesName, description: { nb: "Data med koder", en: "Data with codes" } },
        { path: labelsName, description: { nb: "Data med verdietiketter", en: "Data with value labels" } },
      ],
      truncatedValues: 0,
      neutralisedCells: Math.max(neutraliser.count, labelNeutraliser.count),
    };
  },
};
