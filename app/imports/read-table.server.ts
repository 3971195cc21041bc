// An uploaded file as a table of cells: CSV through papaparse (any delimiter; UTF-8 with or without
// BOM, or Windows-1252 from older Excel when the bytes are not valid UTF-8), .xlsx through exceljs
// on a worker thread (first sheet or a chosen one). Limits are checked before parsing; a file
// that cannot be read gives a reason, never a crash.
import path from "node:path";
import { Worker } from "node:worker_threads";
import Papa from "papaparse";
import { declaredZipSize } from "~/exchanges/transcript-import.server";
import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, MAX_XLSX_EXPANDED_BYTES } from "./limits";

/** A cell as read: text, a number, a boolean, a date (from a date cell of a spreadsheet) or nothing. */
export type Cell = string | number | boolean | { readonly date: string } | null;

export interface Table {
  readonly format: "csv" | "xlsx";
  /** Sheet names of a workbook (one, unnamed, for CSV). */
  readonly sheets: readonly string[];
  readonly sheet: string | null;
  readonly encoding: "utf-8" | "windows-1252" | null;
  readonly headers: readonly string[];
  /** The rows below the header; row i is the file's row i + 2. */
  readonly rows: readonly (readonly Cell[])[];
}

export type ReadError =
  | { readonly error: "type" | "tooLarge" | "empty" | "expandsTooMuch" | "unreadable" | "noHeader" }
  | { readonly error: "tooManyRows"; readonly max: number }
  | { readonly error: "tooManyColumns"; readonly max: number }
  | { readonly error: "badQuotes"; readonly row: number }
  | { readonly error: "cellTooLong"; readonly row: number; readonly max: number };

export type ReadResult = { readonly ok: true; readonly table: Table } | ({ readonly ok: false } & ReadError);

const XLSX_WORKER = path.resolve("app/imports/xlsx-worker.mjs");
const XLSX_TIMEOUT_MS = 30_000;

export function fileFormat(fileName: string, bytes: Uint8Array): "csv" | "xlsx" | null {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.xlsx$/i.test(fileName)) return zip ? "xlsx" : null;
  if (/\.(csv|txt|tsv)$/i.test(fileName)) return zip ? null : "csv";
  return null;
}

export async function readTable(fileName: string, bytes: Uint8Array, sheet: string | null = null): Promise<ReadResult> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return { ok: false, error: "tooLarge" };
  if (bytes.length === 0) return { ok: false, error: "empty" };
  const format = fileFormat(fileName, bytes);
  if (!format) return { ok: false, error: "type" };
  return format === "csv" ? readCsv(bytes) : readXlsx(bytes, sheet);
}

/** UTF-8 (its BOM dropped) when the bytes are valid UTF-8, else Windows-1252 (Excel's «CSV» on Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

function readCsv(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(bytes);
  // Papa guesses the delimiter from the first lines (comma, semicolon, tab, pipe).
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) return { ok: false, error: "badQuotes", row: (quoteError.row ?? 0) + 1 };
  return toTable("csv", [""], null, encoding, parsed.data);
}

function toTable(format: "csv" | "xlsx", sheets: readonly string[], sheet: string | null, encoding: Table["encoding"], all: readonly (readonly Cell[])[]): ReadResult {
  const blank = (row: readonly Cell[]) => row.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
  const rows = all.filter((row) => !blank(row));
  if (rows.length === 0) return { ok: false, error: "empty" };
  if (rows.length - 1 > MAX_IMPORT_ROWS) return { ok: false, error: "tooManyRows", max: MAX_IMPORT_ROWS };
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_IMPORT_COLUMNS) return { ok: false, error: "tooManyColumns", max: MAX_IMPORT_COLUMNS };
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].some((c) => typeof c === "string" && c.length > MAX_CELL_CHARS)) return { ok: false, error: "cellTooLong", row: i + 1, max: MAX_CELL_CHARS };
  }
  const headers = rows[0].map((c) => (c === null ? "" : typeof c === "object" && c !== null ? c.date : String(c).trim()));
  if (headers.every((h) => h === "")) return { ok: false, error: "noHeader" };
  return { ok: true, table: { format, sheets, sheet, encoding, headers, rows: rows.slice(1) } };
}

interface WorkerSheet {
  name: string;
  rows: Cell[][];
  tooMany: boolean;
}

async function readXlsx(bytes: Uint8Array, sheet: string | null): Promise<ReadResult> {
  const expanded = declaredZipSize(bytes);
  if (expanded === null) return { ok: false, error: "unreadable" };
  if (expanded > MAX_XLSX_EXPANDED_BYTES) return { ok: false, error: "expandsTooMuch" };
  let sheets: WorkerSheet[];
  try {
    sheets = await sheetsOnWorker(bytes);
  } catch (error) {
    return { ok: false, error: error instanceof Error && error.message === "expandsTooMuch" ? "expandsTooMuch" : "unreadable" };
  }
  // A zip without a workbook in it is no Excel file.
  if (sheets.length === 0) return { ok: false, error: "unreadable" };
  const chosen = sheets.find((s) => s.name === sheet) ?? sheets[0];
  if (chosen.tooMany) return { ok: false, error: "tooManyRows", max: MAX_IMPORT_ROWS };
  return toTable(
    "xlsx",
    sheets.map((s) => s.name),
    chosen.name,
    null,
    chosen.rows,
  );
}

function sheetsOnWorker(bytes: Uint8Array): Promise<WorkerSheet[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(XLSX_WORKER, {
      workerData: { bytes, maxExpandedBytes: MAX_XLSX_EXPANDED_BYTES, maxRows: MAX_IMPORT_ROWS, maxColumns: MAX_IMPORT_COLUMNS },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error("timeout"));
    }, XLSX_TIMEOUT_MS);
    worker.once("message", (message: { sheets?: WorkerSheet[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.sheets) resolve(message.sheets);
      else reject(new Error(message.error ?? "unreadable"));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
