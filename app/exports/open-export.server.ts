// Opening an export: the project, the data set's source prepared for the request (schema,
// rows, widths), the scrubber with the project's known names and the latest review, and passes
// over the anonymised rows on a read connection of the export's own. Shared by the export, its
// preview and the redaction review.
import { eq } from "drizzle-orm";
import type { Codebook } from "~/instruments/codebook.server";
import type { Locale } from "~/i18n/locale";
import type { Db } from "../../db/connection.server";
import { projects } from "../../db/schema";
import { countingRedactor, countingScrubber, knownTerms, latestReview, nameScrubbing } from "./anonymise/known-terms.server";
import { freshPseudonymKey, projectPseudonymKey, type PseudonymMode } from "./anonymise/pseudonyms.server";
import { Scrubber } from "./anonymise/scrub";
import { newStats, type AnonymisationStats } from "./anonymise/stats";
import type { DatasetId, FormatId } from "./datasets";
import { nfc, type Row } from "./dictionary";
import { openReader, type ExportReader } from "./reader.server";
import { sources } from "./sources/registry.server";
import type { DatasetSource, ExportProject, ExportScope, PreparedDataset } from "./sources/source.server";
import { todayInNorway } from "~/i18n/dates";

export interface ExportServices {
  readonly db: Db;
  readonly codebook: Codebook;
  readonly config: { readonly databasePath: string; readonly dataDir: string };
  readonly secrets: { readonly pseudonymKey: string };
}

export interface ExportRequest {
  readonly projectId: number;
  readonly dataset: DatasetId;
  readonly format: FormatId;
  readonly scope: ExportScope;
  /** Language of the labels in the data files (the codebook has both). */
  readonly locale: Locale;
  readonly pseudonyms: PseudonymMode;
  readonly exactDates: boolean;
}

export interface ExportActor {
  readonly id: number | null;
  readonly name: string;
  readonly via: "web" | "cli";
}

export class ExportError extends Error {
  constructor(
    readonly key: string,
    readonly field: string | null = null,
  ) {
    super(key);
  }
}

/** Above this many rows a data set is not read twice to measure its text; its estimates are used. */
export const MEASURE_LIMIT = 20_000;
/** Rows between two turns of the event loop, so the server keeps answering during an export. */
const YIELD_EVERY = 500;


function projectOf(db: Db, projectId: number): ExportProject {
  const p = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!p) throw new ExportError("exports.error.project", "project");
  return { id: p.id, slug: p.slug, title: p.title, minCellSize: p.minCellSize };
}

export function sourceOf(dataset: DatasetId): DatasetSource {
  const source = sources[dataset];
  if (!source) throw new ExportError("exports.unavailable.noTables", "dataset");
  return source;
}

export interface Opened {
  reader: ExportReader;
  project: ExportProject;
  source: DatasetSource;
  prepared: PreparedDataset;
  scrubber: Scrubber;
  /** The day (in Norway) of the latest redaction review of the data set, if any. */
  reviewedOn: string | null;
}

export async function openExport(services: ExportServices, request: ExportRequest): Promise<Opened> {
  const source = sourceOf(request.dataset);
  const project = projectOf(services.db, request.projectId);
  const problem = source.checkScope?.(services.db, project.id, request.scope);
  if (problem) throw new ExportError(problem.message, problem.field);
  const reader = openReader(services.config.databasePath);
  try {
    const key = request.pseudonyms === "fresh" ? freshPseudonymKey() : projectPseudonymKey(services.secrets.pseudonymKey, project.id);
    const prepared = await source.prepare({
      reader,
      codebook: services.codebook,
      project,
      scope: request.scope,
      options: { exactDates: request.exactDates, locale: request.locale },
      pseudonymKey: key,
    });
    if (prepared.rowCount === 0) throw new ExportError("exports.error.noRows", null);
    const review = latestReview(reader.db, project.id, request.dataset);
    const scrubber = new Scrubber(knownTerms(reader.db, project.id, request.dataset), nameScrubbing(reader.db, project.id));
    return { reader, project, source, prepared, scrubber, reviewedOn: review ? todayInNorway(new Date(review.createdAt * 1000)) : null };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/** One pass over the anonymised rows, counting into `stats`. */
export async function* pass(opened: Opened, stats: AnonymisationStats, onRow?: (n: number) => void, grouped = true): AsyncGenerator<Row> {
  const scrub = countingScrubber(opened.scrubber, stats);
  const redact = countingRedactor(opened.scrubber, stats);
  let n = 0;
  for await (const row of opened.prepared.rows({ scrub, redact, stats, grouped })) {
    yield row;
    n++;
    if (n % YIELD_EVERY === 0) {
      onRow?.(n);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  onRow?.(n);
}

/**
 * A pass for the format writers. Sources yield synchronously, and the writers give the event loop
 * its turns as their output flows to disk, so rows go straight through (an async step per row cost
 * a tenth of a large export); a source that yields asynchronously gets the pass above.
 */
export function writingPass(opened: Opened, stats: AnonymisationStats, grouped: boolean, onRow?: (n: number) => void, observe?: (row: Row) => void): Iterable<Row> | AsyncIterable<Row> {
  const scrub = countingScrubber(opened.scrubber, stats);
  const redact = countingRedactor(opened.scrubber, stats);
  const rows = opened.prepared.rows({ scrub, redact, stats, grouped });
  if (!(Symbol.iterator in rows)) {
    const passing = pass(opened, stats, onRow, grouped);
    return observe
      ? (async function* () {
          for await (const row of passing) {
            observe(row);
            yield row;
          }
        })()
      : passing;
  }
  return (function* () {
    let n = 0;
    for (const row of rows) {
      observe?.(row);
      yield row;
      if (++n % YIELD_EVERY === 0) onRow?.(n);
    }
    onRow?.(n);
  })();
}

/** A pass that measures the string widths exactly (and counts, for a provisional summary). */
export async function measureWidths(opened: Opened, onRow: (n: number) => void): Promise<{ widths: Record<string, number>; stats: AnonymisationStats }> {
  const strings = opened.prepared.schema.variables.filter((v) => v.type === "string").map((v) => v.name);
  const widths: Record<string, number> = Object.fromEntries(strings.map((n) => [n, 1]));
  const stats = newStats();
  for await (const row of pass(opened, stats, onRow)) {
    for (const name of strings) {
      const value = row[name];
      if (typeof value === "string" && value !== "") widths[name] = Math.min(32767, Math.max(widths[name], Buffer.byteLength(nfc(value))));
    }
  }
  return { widths, stats };
}
