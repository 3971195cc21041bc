// Tabell 3/4 as files: CSV (RFC 4180 through papaparse, UTF-8 with BOM so spreadsheet programs read æøå) and
// .xlsx. The report's columns come first, as printed; after them the same facts as plain
// values (ISO date, hours as a number, day kind, status) for analysis. Text cells that a
// spreadsheet would run as a formula (= + - @, tab, CR first) get a leading apostrophe.
import ExcelJS from "exceljs";
import { csvText, UTF8_BOM } from "~/server/csv.server";
import type { ExchangeAudience } from "../../db/schema";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { overviewTable, type OverviewRow } from "./overview.server";

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | null): string {
  return value === null ? "" : neutralise(String(value));
}

function extraHeaders(t: TFunction): string[] {
  return [t("exchanges.overview.col.isoDate"), t("exchanges.overview.col.hoursNumber"), t("exchanges.overview.col.dayKind"), t("exchanges.overview.col.status")];
}

function extraCells(r: OverviewRow, t: TFunction): (string | number | null)[] {
  return [r.date, r.hours, r.dayKind ? t(`exchanges.dayKindShort.${r.dayKind}`) : null, t(`exchanges.status.${r.status}`)];
}

export function overviewCsv(rows: readonly OverviewRow[], audience: ExchangeAudience, locale: Locale, t: TFunction): string {
  const table = overviewTable(rows, audience, locale, t);
  const lines = [[...table.headers, ...extraHeaders(t)].map(csvCell)];
  table.rows.forEach((row, i) => lines.push([...row.cells, ...extraCells(rows[i], t)].map(csvCell)));
  return UTF8_BOM + csvText(lines);
}

export async function overviewXlsx(rows: readonly OverviewRow[], audience: ExchangeAudience, locale: Locale, t: TFunction): Promise<Uint8Array<ArrayBuffer>> {
  const table = overviewTable(rows, audience, locale, t);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Medforsker";
  const sheet = workbook.addWorksheet(t(audience === "job_specialists" ? "exchanges.overview.sheet3" : "exchanges.overview.sheet4"));
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  const header = sheet.addRow([...table.headers, ...extraHeaders(t)]);
  header.font = { bold: true };
  table.rows.forEach((row, i) => {
    const r = rows[i];
    const cells: (string | number | Date | null)[] = row.cells.map(neutralise);
    // Counts and the number as numbers where they exist, so they sum in a spreadsheet.
    cells[0] = r.status === "held" ? r.number : row.cells[0];
    if (r.participants !== null) cells[3] = r.participants;
    if (r.cases !== null) cells[4] = r.cases;
    const [y, m, d] = r.date.split("-").map(Number);
    const extras: (string | number | Date | null)[] = extraCells(r, t);
    extras[0] = new Date(Date.UTC(y, m - 1, d));
    sheet.addRow([...cells, ...extras.map((v) => (typeof v === "string" ? neutralise(v) : v))]);
  });
  sheet.getColumn(table.headers.length + 1).numFmt = "yyyy-mm-dd";
  const widths = [6, 20, 26, 10, 12, 70, 12, 8, 10, 12];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
