// The project's own coding (issue 15) in an export: the codebook as it travels with the schema,
// and the codings of each record, which ride on the row under a symbol (not a variable: the data
// files see only the 0/1 variable per code; the .qdpx places each coding in its source text).
import type { Localized } from "~/i18n/locale";
import type { Row } from "./dictionary";

/** A code of the project's codebook, in tree order (parents before children). */
export interface ExportCode {
  /** Stable within the export, e.g. "code:12". */
  readonly key: string;
  readonly parent: string | null;
  readonly name: string;
  readonly definition: string;
  /** #rrggbb */
  readonly colour: string;
  /** The 0/1 variable of the code, when it has codings (else none). */
  readonly variable: string | null;
}

/** What a row of a coded data set is: a log note, a transcript turn or a survey answer. */
export type CodedUnit = "note" | "turn" | "answer";

export interface CodingLayout {
  readonly codes: readonly ExportCode[];
  /** What the frequency tables and the manifest count. */
  readonly unit: CodedUnit;
  /** Variables the frequency tables count rows by (e.g. the month and the SE step). */
  readonly crossBy: readonly string[];
}

/**
 * One coding of a record: a whole record (field "") or a passage [start, end) of a field's
 * exported text, in code points (a whole turn or open answer is its field's whole text).
 */
export interface RowCoding {
  readonly code: string;
  /** The coder's pseudonym. */
  readonly coder: string;
  readonly field: string;
  readonly start: number;
  readonly end: number;
  /** Memos on this coding, scrubbed, with their authors' pseudonyms. */
  readonly memos: readonly ExportMemo[];
}

export interface ExportMemo {
  readonly author: string;
  readonly text: string;
}

/** A memo on a code (scrubbed). */
export interface CodeMemo extends ExportMemo {
  readonly code: string;
}

export const ROW_CODINGS = Symbol("codings");
export type CodedRow = Row & { [ROW_CODINGS]?: readonly RowCoding[] };

export function codingsOf(row: Row): readonly RowCoding[] {
  return (row as CodedRow)[ROW_CODINGS] ?? [];
}

export const CODED_LABELS: readonly { value: number; label: Localized }[] = [
  { value: 0, label: { nb: "Ikke kodet", en: "Not coded" } },
  { value: 1, label: { nb: "Kodet", en: "Coded" } },
];
