// How the NVivo formats (.docx, .qdpx) turn rows into text documents: consecutive rows with the
// same values of the layout's documentBy variables form one document (a job specialist's month
// of log notes, one respondent's open answers, one transcript); inside it, each codable
// variable's texts (or each speaker turn). Text is NFC with LF line ends, as REFI-QDA offsets need.
import { nfc, type Row } from "../dictionary";
import { valueText, type ExportDictionary, type ExportVariable } from "../schema";

export interface DocumentGroup {
  /** The documentBy values, for titles and source attributes. */
  readonly first: Row;
  readonly title: string;
  readonly rows: Row[];
}

/** Text of a free-text value as documents hold it: NFC, LF only, trimmed; "" when empty. */
export function documentText(value: Row[string]): string {
  if (value === null || value === undefined) return "";
  return nfc(String(value)).replace(/\r\n?/g, "\n").trim();
}

/**
 * Where the passage [start, end) of a value (code points) lies in its documentText: moved by the
 * CR of each CR LF taken out and by the leading space trimmed, clamped to the text.
 */
export function documentSpan(value: string, start: number, end: number): [number, number] {
  const points = [...nfc(value)];
  const folded: number[] = [];
  let at = 0;
  for (let i = 0; i <= points.length; i++) {
    folded.push(at);
    if (!(points[i] === "\r" && points[i + 1] === "\n")) at++;
  }
  const lf = nfc(value).replace(/\r\n?/g, "\n");
  const lead = [...lf.slice(0, lf.length - lf.trimStart().length)].length;
  const length = [...lf.trim()].length;
  const place = (offset: number) => Math.max(0, Math.min(length, folded[Math.max(0, Math.min(points.length, offset))] - lead));
  const s = place(start);
  return [s, Math.max(s, place(end))];
}

export function groupTitle(dict: ExportDictionary, row: Row): string {
  return dict.qualitative.documentBy
    .map((name) => {
      const v = dict.variables.find((x) => x.name === name);
      return v ? valueText(v, row[name] ?? null) : "";
    })
    .filter(Boolean)
    .join(" – ");
}

function groupKey(dict: ExportDictionary, row: Row): string {
  return JSON.stringify(dict.qualitative.documentBy.map((name) => row[name] ?? null));
}

/** Consecutive rows with the same documentBy values, as documents. */
export async function* documentGroups(dict: ExportDictionary, rows: Iterable<Row> | AsyncIterable<Row>): AsyncGenerator<DocumentGroup> {
  let current: { key: string; group: DocumentGroup } | null = null;
  for await (const row of rows) {
    const key = groupKey(dict, row);
    if (current && current.key === key) {
      current.group.rows.push(row);
      continue;
    }
    if (current) yield current.group;
    current = { key, group: { first: row, title: groupTitle(dict, row), rows: [row] } };
  }
  if (current) yield current.group;
}

/** The codable (free text) variables, in dictionary order. */
export function codableVariables(dict: ExportDictionary): ExportVariable[] {
  return dict.variables.filter((v) => v.nvivo === "codable" && v.type === "string");
}

/** The label shown before a row's text inside a document, e.g. "[Trinn i SE: 2]" ("" when none). */
export function rowLabel(dict: ExportDictionary, row: Row): string {
  const parts = dict.qualitative.rowLabel
    .map((name) => dict.variables.find((v) => v.name === name))
    .filter((v): v is ExportVariable => !!v)
    .map((v) => {
      const value = row[v.name];
      return value === null || value === undefined || value === "" || (typeof value === "number" && value < 0) ? "" : `${v.label}: ${value}`;
    })
    .filter(Boolean);
  return parts.length ? `[${parts.join("; ")}]` : "";
}
