// The export pipeline, the same for the export centre and the `export` command:
//   codebook -> anonymisation (pseudonyms, dates, free text, k-anonymity) -> one data dictionary
//   -> one format writer from the registry -> codebook files + manifest -> one zip package,
// recorded with its manifest in export_packages and in the audit log.
import crypto from "node:crypto";
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { audit } from "~/accounts/audit.server";
import { type Db, writeTransaction } from "../../db/connection.server";
import { exportPackages } from "../../db/schema";
import { countingScrubber } from "./anonymise/known-terms.server";
import { REDACTION_KINDS } from "./anonymise/scrub";
import { newStats, type AnonymisationStats } from "./anonymise/stats";
import { CODEBOOK_FILES, codebookMarkdown } from "./codebook-doc";
import { CodingTally } from "./coding-tables.server";
import { FILE_LABEL_BYTES, truncateToBytes, type Row } from "./dictionary";
import type { FormatResult } from "./formats/format";
import { formats } from "./formats/registry.server";
import { summaryLines } from "./formats/sav.server";
import { MANIFEST_VERSION, manifestSummary, manifestText, type Manifest, type ManifestFile } from "./manifest";
import { MEASURE_LIMIT, measureWidths, openExport, writingPass, type ExportActor, type ExportRequest, type ExportServices, type Opened } from "./open-export.server";
import { PackageWriter, fileStem, packageDir } from "./package.server";
import { localise } from "./schema";
import { SOFTWARE } from "./software";
import type { DatasetSource } from "./sources/source.server";
import { sharedSteps } from "./steps.server";
import { selectionOf } from "./selection.server";
import { fileStampInNorway } from "~/i18n/dates";

export { ExportError, sourceOf, type ExportActor, type ExportRequest, type ExportServices } from "./open-export.server";
export { previewExport, proposeRedactions, type ExportPreview, type ProposedRedactions } from "./preview.server";

export interface CreatedExport {
  readonly id: number;
  readonly fileName: string;
  /** Absolute path of the zip. */
  readonly file: string;
  readonly manifest: Manifest;
  readonly reused: boolean;
}

export interface CreateOptions {
  /** Idempotency key: a second request with the same key returns the first export. */
  readonly requestKey: string;
  /** Where to write the zip; default <dataDir>/exports/. */
  readonly out?: string;
  /**
   * A directory of the export's own for its files while they are written, the zip among them
   * (removed at the end); default a new one under the system's temporary directory. The zip gets
   * its name under `out` or <dataDir>/exports only when it is complete.
   */
  readonly workDir?: string;
  readonly onProgress?: (done: number, total: number, phase: "measure" | "write") => void;
  readonly now?: Date;
}

function existing(services: ExportServices, requestKey: string) {
  return services.db.select().from(exportPackages).where(eq(exportPackages.requestKey, requestKey)).get();
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

export async function createExport(services: ExportServices, request: ExportRequest, actor: ExportActor, options: CreateOptions): Promise<CreatedExport> {
  const before = existing(services, options.requestKey);
  if (before) return reuse(services, before);

  const now = options.now ?? new Date();
  const exportId = crypto.randomUUID();
  const opened = await openExport(services, request);
  const work = options.workDir ?? (await mkdtemp(path.join(os.tmpdir(), "medforsker-export-")));
  await mkdir(work, { recursive: true });
  const partial = path.join(work, "package.zip.partial");
  // Set by write() below, which streams the data file into the package it opens.
  let writer = null as PackageWriter | null;
  try {
    const { prepared, project, source } = opened;
    const total = prepared.rowCount;
    const progress = (phase: "measure" | "write") => (n: number) => options.onProgress?.(n, total, phase);
    let widths: Record<string, number>;
    let provisional: AnonymisationStats;
    if (prepared.widths && total > MEASURE_LIMIT) {
      widths = { ...(await quickWidths(opened)), ...prepared.widths };
      provisional = largeStats(total);
    } else ({ widths, stats: provisional } = await measureWidths(opened, progress("measure")));

    const format = formats[request.format];
    const title = source.title[request.locale];
    const baseName = fileStem(project.slug, request.dataset);
    const selection = selectionOf(services.db, request, request.locale);
    const fileLabel = truncateToBytes(`${project.slug}: ${title}`, FILE_LABEL_BYTES);
    const head = (stats: AnonymisationStats, result: FormatResult | null): Omit<Manifest, "files"> => ({
      manifestVersion: MANIFEST_VERSION,
      exportId,
      createdAt: now.toISOString(),
      createdBy: { id: actor.id, name: actor.name, via: actor.via },
      project: { slug: project.slug, title: project.title },
      dataset: { id: request.dataset, title: source.title, rows: stats.rows, description: prepared.description },
      format: request.format,
      formatLabel: format.label,
      language: request.locale,
      filters: selection,
      instruments: prepared.instruments,
      pseudonyms: request.pseudonyms,
      dates: request.exactDates ? "exact" : "month",
      steps: sharedSteps(opened, request, stats, result),
      variables: prepared.schema.variables.length,
      software: SOFTWARE,
    });
    // The .sav reserves room for the summary before the rows are written: size it from a
    // provisional summary (counts from the measuring pass, or generous ones) plus a margin.
    const provisionalResult: FormatResult = { files: [], truncatedValues: 0, neutralisedCells: total * 100, shortened: {} };
    const documentLines = summaryLines(manifestSummary(head(provisional, provisionalResult), request.locale)).length + 6;
    const fileName = `medforsker-${baseName}-${request.format}-${fileStampInNorway(now)}.zip`;
    const target = options.out ?? path.join(packageDir(services.config.dataDir), `${stamp(now)}-${exportId}.zip`);
    await mkdir(path.dirname(target), { recursive: true });
    let stats = newStats();
    const dict = localise(prepared.schema, request.locale, fileLabel);
    // The tabular formats get the coding's frequency tables, counted from the rows they write.
    const tally = format.groupsRows ? null : new CodingTally(dict, prepared.schema);
    const observe = tally?.active ? (row: Row) => tally.observe(row) : undefined;
    const write = async (w: Record<string, number>) => {
      writer = await PackageWriter.create(partial, now);
      return format.write({
        dict,
        rows: () => {
          stats = newStats();
          tally?.reset();
          return writingPass(opened, stats, format.groupsRows ?? false, progress("write"), observe);
        },
        codeMemos: () => prepared.codeMemos?.(countingScrubber(opened.scrubber, stats)) ?? [],
        rowCount: total,
        widths: w,
        dir: work,
        baseName,
        projectTitle: project.title,
        documentLines,
        pack: writer,
      });
    };
    let result = await write(widths);
    if (result.truncatedValues > 0) {
      // The estimated widths were too small for some scrubbed text: measure exactly and write again.
      await writer!.abort();
      ({ widths } = await measureWidths(opened, progress("measure")));
      result = await write(widths);
      if (result.truncatedValues > 0) throw new Error(`${result.truncatedValues} values did not fit their measured width`);
    }
    const pack = writer!;
    const tables = observe ? await tally!.write(work, baseName) : null;
    stats.neutralisedCells = result.neutralisedCells + (tables?.neutralisedCells ?? 0);
    if (stats.rows !== total) throw new Error(`Expected ${total} rows, wrote ${stats.rows}`);
    const finalHead = head(stats, result);
    const steps = finalHead.steps;
    await result.finish?.(manifestSummary(finalHead, request.locale));

    const files: ManifestFile[] = [];
    for (const f of [...result.files, ...(tables ? [tables] : [])]) files.push({ ...(f.streamed ? await f.streamed.close() : await pack.addFile(f.path, path.join(work, f.path))), description: f.description });
    for (const locale of ["nb", "en"] as const) {
      const heading = `${prepared.schema.title[locale]} – ${project.title}`;
      const packed = await pack.addText(CODEBOOK_FILES[locale], codebookMarkdown(prepared.schema, locale, heading, steps));
      files.push({ ...packed, description: { nb: `Kodebok (${locale === "nb" ? "bokmål" : "engelsk"})`, en: `Codebook (${locale === "nb" ? "Norwegian" : "English"})` } });
    }
    const manifest: Manifest = { ...finalHead, files };
    const manifestFile = await pack.addText("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
    await pack.addText("manifest.txt", manifestText(manifest, request.locale));
    const zip = await pack.close();
    writer = null;
    await moveInto(partial, target);

    const stored = options.out ? null : path.relative(packageDir(services.config.dataDir), target);
    const record = recordExport(services.db, {
      projectId: project.id,
      actorId: actor.id,
      requestKey: options.requestKey,
      dataset: request.dataset,
      format: request.format,
      fileName,
      storedAs: stored,
      byteSize: zip.bytes,
      sha256: manifestFile.sha256,
      rows: stats.rows,
      manifest: manifest as unknown as Record<string, unknown>,
      via: actor.via,
      exportId,
    });
    if (!record.created) {
      // The same request finished first elsewhere (a double submit): keep that one.
      if (!options.out) await rm(target, { force: true });
      const first = existing(services, options.requestKey)!;
      return reuse(services, first);
    }
    return { id: record.id, fileName, file: target, manifest, reused: false };
  } catch (error) {
    await writer?.abort();
    throw error;
  } finally {
    opened.reader.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Gives the finished zip its name: a rename, or a copy when `target` is on another file system. */
async function moveInto(file: string, target: string): Promise<void> {
  try {
    await rename(file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const copying = `${target}.partial`;
    await copyFile(file, copying);
    await rename(copying, target);
    await rm(file, { force: true });
  }
}

/** Counts at least as long as any real ones, for sizing the summary of a data set not measured first. */
function largeStats(rows: number): AnonymisationStats {
  const big = Math.max(rows, 1) * 1000;
  const stats = newStats();
  Object.assign(stats, { rows: big, pseudonymised: big, coarsened: big, textValues: big, scrubbedValues: big });
  stats.redactions = Object.fromEntries(REDACTION_KINDS.map((k) => [k, big]));
  for (let i = 0; i < 10; i++) stats.subjects.add(`${big}${i}`);
  return stats;
}

/** Widths of the string variables the source gave no estimate for (context variables are short). */
async function quickWidths(opened: Opened): Promise<Record<string, number>> {
  const missing = opened.prepared.schema.variables.filter((v) => v.type === "string" && opened.prepared.widths?.[v.name] === undefined);
  return Object.fromEntries(missing.map((v) => [v.name, v.width ?? 255]));
}

function reuse(services: ExportServices, row: typeof exportPackages.$inferSelect): CreatedExport {
  return {
    id: row.id,
    fileName: row.fileName,
    file: row.storedAs ? path.join(packageDir(services.config.dataDir), row.storedAs) : "",
    manifest: row.manifest as unknown as Manifest,
    reused: true,
  };
}

function recordExport(
  db: Db,
  input: Omit<typeof exportPackages.$inferInsert, "id" | "createdAt"> & { via: string; exportId: string },
): { created: boolean; id: number } {
  const { via, exportId, ...values } = input;
  return writeTransaction(db, (tx) => {
    const inserted = tx.insert(exportPackages).values(values).onConflictDoNothing().returning({ id: exportPackages.id }).all();
    if (!inserted.length) return { created: false, id: 0 };
    const id = inserted[0].id;
    audit(tx, values.actorId ?? null, "export.created", `export:${id}`, {
      exportId,
      via,
      dataset: values.dataset,
      format: values.format,
      rows: values.rows,
      fileName: values.fileName,
      sha256: values.sha256,
      projectId: values.projectId,
    });
    return { created: true, id };
  });
}

/** Size of a stored package file, or null when it is gone. */
export async function storedFile(services: ExportServices, storedAs: string | null): Promise<{ file: string; bytes: number } | null> {
  if (!storedAs) return null;
  const file = path.join(packageDir(services.config.dataDir), storedAs);
  if (path.relative(packageDir(services.config.dataDir), file).startsWith("..")) return null;
  try {
    return { file, bytes: (await stat(file)).size };
  } catch {
    return null;
  }
}
