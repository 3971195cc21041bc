// Every CSV the app writes goes through papaparse's unparse (RFC 4180: a field is quoted when it
// holds the delimiter, a quote or a line break; quotes doubled). Callers decide what goes into the
// cells (formula neutralising, number formats); this only lays the cells out.
import Papa from "papaparse";

/** The byte-order mark that makes spreadsheet programs read the file as UTF-8 (æøå). */
export const UTF8_BOM = "\uFEFF";

export interface CsvLayout {
  readonly delimiter?: string;
  readonly newline?: "\r\n" | "\n";
  /** Quote every field (true), none but those that need it (false), or per column. */
  readonly quotes?: boolean | boolean[];
}

/** The rows as CSV text, each line ended by the newline (also the last). Null and undefined are empty. */
export function csvText(rows: readonly (readonly unknown[])[], layout: CsvLayout = {}): string {
  if (rows.length === 0) return "";
  const newline = layout.newline ?? "\r\n";
  const text = Papa.unparse(rows as unknown[][], { delimiter: layout.delimiter ?? ",", newline, quotes: layout.quotes ?? false, header: false });
  return text + newline;
}
