// What every data set's source module provides: the choices the export centre offers for it,
// and, for one export, the schema and the anonymised rows. The pipeline hands each source the
// shared anonymisation tools (pseudonym key, counting scrubber, statistics), so every data set is
// anonymised by the same code, driven by its instrument definitions.
import type { Codebook } from "~/instruments/codebook.server";
import type { Locale, Localized } from "~/i18n/locale";
import type { Db } from "../../../db/connection.server";
import type { Redacted } from "../anonymise/known-terms.server";
import type { AnonymisationStats } from "../anonymise/stats";
import type { CodeMemo } from "../coding-export";
import type { DatasetId } from "../datasets";
import type { Row } from "../dictionary";
import type { ManifestStep } from "../manifest";
import type { ExportReader } from "../reader.server";
import type { ExportSchema } from "../schema";

export interface ExportProject {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  /** k of the k-anonymity and the smallest group shown anywhere. */
  readonly minCellSize: number;
}

/** The selection of one export; which fields apply depends on the data set. */
export interface ExportScope {
  /** First and last month, YYYY-MM, inclusive. */
  readonly from: string | null;
  readonly to: string | null;
  /** Case projects to include; empty = all. */
  readonly caseProjectIds: readonly number[];
  /** The employer-survey wave. */
  readonly waveId: number | null;
  /** Exchanges to include; empty = all. */
  readonly exchangeIds: readonly number[];
}

export interface ExportOptions {
  readonly exactDates: boolean;
  readonly locale: Locale;
}

export interface SourceContext {
  readonly reader: ExportReader;
  readonly codebook: Codebook;
  readonly project: ExportProject;
  readonly scope: ExportScope;
  readonly options: ExportOptions;
  /** Key of the pseudonyms (per project, or fresh for this export). */
  readonly pseudonymKey: Buffer;
}

/** The tools of one pass over the rows; each pass counts afresh. */
export interface Pass {
  /** Scrubs a text value (NFC first) and counts what it did into `stats`. */
  readonly scrub: (text: string) => string;
  /** Like scrub, and also maps code-point offsets of the input to the output (for coded spans). */
  readonly redact: (text: string) => Redacted;
  readonly stats: AnonymisationStats;
  /**
   * The format groups rows into documents (.docx, .qdpx): rows must come in the layout's
   * documentBy order. Otherwise a source may use whatever order is cheapest to read.
   */
  readonly grouped?: boolean;
}

export interface PreparedDataset {
  readonly schema: ExportSchema;
  readonly rowCount: number;
  /** The anonymised rows in export order; may be called more than once (same data each time). */
  rows(pass: Pass): AsyncIterable<Row> | Iterable<Row>;
  /**
   * Upper estimates of the UTF-8 byte widths of the string variables, for data sets too large to
   * read twice. Without them the pipeline measures the rows in a first pass.
   */
  readonly widths?: Record<string, number>;
  /** Instrument versions with the number of rows given under each. */
  readonly instruments: readonly { key: string; title: Localized; rows: number }[];
  /** A short description of the selection, e.g. the wave's title. */
  readonly description: string;
  /** Steps particular to the data set (they come after the shared ones in the manifest). */
  steps(): ManifestStep[];
  /** Memos on the codes of schema.coding, scrubbed by `scrub`. */
  codeMemos?(scrub: (text: string) => string): CodeMemo[];
}

export interface CaseChoice {
  readonly id: number;
  readonly name: string;
  readonly organisation: string;
}

/** What the export centre can offer for a data set in a project. */
export interface DatasetChoices {
  readonly available: boolean;
  /** Why not (an exports.* message key), when not available. */
  readonly unavailableReason?: "exports.unavailable.noTables" | "exports.unavailable.noData" | "exports.unavailable.noWave";
  /** Period with data, YYYY-MM, if the data set has one. */
  readonly months: { first: string; last: string } | null;
  readonly caseProjects: readonly CaseChoice[];
  readonly waves: readonly { id: number; title: string; closed: boolean; answers: number; minAnswers: number }[];
  readonly exchanges: readonly { id: number; label: Localized }[];
  readonly usesPeriod: boolean;
  readonly usesCases: boolean;
}

export interface DatasetSource {
  readonly id: DatasetId;
  readonly title: Localized;
  choices(db: Db, projectId: number): DatasetChoices;
  /** Checks the scope for this data set; returns a problem (message key and field) or null. */
  checkScope?(db: Db, projectId: number, scope: ExportScope): { field: string; message: ScopeProblem } | null;
  prepare(ctx: SourceContext): Promise<PreparedDataset> | PreparedDataset;
}

export type ScopeProblem = "exports.error.waveRequired" | "exports.error.waveOpen" | "exports.error.waveTooFew" | "exports.error.noRows";

/** SQL fragment and parameters for "case project in (…)", or nothing. */
export function inList(column: string, ids: readonly number[]): { sql: string; params: number[] } {
  if (!ids.length) return { sql: "", params: [] };
  return { sql: ` AND ${column} IN (${ids.map(() => "?").join(",")})`, params: [...ids] };
}
