// Reads the sheets of one .xlsx (exceljs) on a thread of its own, so a large or hostile file never
// stalls the server. The zip's entries are inflated by fflate with the bytes they really expand to
// counted against the limit (a zip directory can lie about sizes), pictures skipped, and exceljs
// gets an honest, uncompressed copy. Cells come back as text, numbers, booleans, or dates as
// ISO strings; formulas as their last computed result. See read-table.server.ts.
import { parentPort, workerData } from "node:worker_threads";
import { honestZip } from "../server/honest-zip.mjs";
import ExcelJS from "exceljs";

const { bytes, maxExpandedBytes, maxRows, maxColumns } = workerData;
function cellValue(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("result" in value) return cellValue(value.result); // a formula
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text); // a hyperlink
    if ("error" in value) return null;
    return String(value);
  }
  return value;
}

try {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(honestZip(bytes, maxExpandedBytes, "xl/media/"));
  const sheets = [];
  for (const sheet of workbook.worksheets) {
    const rows = [];
    let tooMany = false;
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (number > maxRows + 1) {
        tooMany = true;
        return;
      }
      const cells = [];
      const count = Math.min(row.cellCount, maxColumns + 1);
      for (let c = 1; c <= count; c++) cells.push(cellValue(row.getCell(c).value));
      rows[number - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push({ name: sheet.name, rows, tooMany });
  }
  parentPort.postMessage({ sheets });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
