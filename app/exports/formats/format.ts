// One module per export format, each with one function from the data dictionary and the rows to
// files (architecture pattern 3); the export centre picks one from the registry. Options belong
// to the format that needs them.
import type { Localized } from "~/i18n/locale";
import type { CodeMemo } from "../coding-export";
import type { FormatId } from "../datasets";
import type { Row } from "../dictionary";
import type { StreamedEntry } from "../package.server";
import type { ExportDictionary } from "../schema";

export interface FormatInput {
  /** The localised dictionary (labels in the export's language). */
  readonly dict: ExportDictionary;
  /** A fresh pass over the anonymised rows each call. */
  rows(): Iterable<Row> | AsyncIterable<Row>;
  readonly rowCount: number;
  /** UTF-8 byte widths of the string variables (measured, or an upper estimate). */
  readonly widths: Readonly<Record<string, number>>;
  /** Directory to write into; file paths in the result are relative to it. */
  readonly dir: string;
  /** File name stem, e.g. "afi-2017-log". */
  readonly baseName: string;
  readonly projectTitle: string;
  /** Document lines to reserve for the manifest summary (.sav), from a provisional summary. */
  readonly documentLines?: number;
  /** The package, for a format that streams its data file into it instead of writing to `dir`. */
  readonly pack: { openStream(name: string): StreamedEntry };
  /** Memos on the codes of dict.coding, scrubbed (counted with the latest pass over the rows). */
  readonly codeMemos: () => readonly CodeMemo[];
}

export interface WrittenFile {
  readonly path: string;
  readonly description: Localized;
  /** Set when the file went into the package as it was written (FormatInput.pack). */
  readonly streamed?: StreamedEntry;
}

export interface FormatResult {
  readonly files: readonly WrittenFile[];
  /** String values cut because they were wider than their declared width (.sav). */
  readonly truncatedValues: number;
  /** Text cells neutralised against formula injection. */
  readonly neutralisedCells: number;
  /** Other values a format had to shorten (NVivo's cell limit), by variable. */
  readonly shortened?: Readonly<Record<string, number>>;
  /** Called once the manifest summary is known (documents of .sav and .sps). */
  finish?(summary: readonly string[]): Promise<void>;
}

export interface ExportFormat {
  readonly id: FormatId;
  /** Reads rows grouped into documents (QualitativeLayout.documentBy), so needs them in that order. */
  readonly groupsRows?: boolean;
  readonly label: Localized;
  /** What the package's data files are for, shown in the export centre. */
  readonly description: Localized;
  write(input: FormatInput): Promise<FormatResult>;
}
