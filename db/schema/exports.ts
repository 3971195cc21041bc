// Anonymised exports (issue 7): every package made, with its manifest, and the researchers'
// reviews of the proposed free-text redactions. The audit log (core) records both as well; these
// tables keep what the export centre needs to list, re-download and reuse them.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects, users } from "./core";

const now = sql`(unixepoch())`;

/** One export package (a zip). The file itself lives under <dataDir>/exports/ until it expires. */
export const exportPackages = sqliteTable(
  "export_packages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    /** Null when made from the command line without --as. */
    actorId: integer("actor_id").references(() => users.id),
    /** Idempotency key from the export form: a double submit finds the package it made. */
    requestKey: text("request_key").notNull(),
    dataset: text("dataset").notNull(),
    format: text("format").notNull(),
    /** File name offered for download, e.g. medforsker-afi-2017-log-sav-20260301-1200.zip. */
    fileName: text("file_name").notNull(),
    /** Path relative to <dataDir>/exports; null once the file is deleted. */
    storedAs: text("stored_as"),
    byteSize: integer("byte_size").notNull(),
    /** SHA-256 of the package's manifest.json, hex: it holds the SHA-256 of every other file. */
    sha256: text("sha256").notNull(),
    rows: integer("rows").notNull(),
    /** The whole manifest (also inside the package as manifest.json). */
    manifest: text("manifest", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("export_packages_request").on(t.requestKey), index("export_packages_project").on(t.projectId, t.createdAt)],
);

/**
 * A researcher's review of the redactions proposed for a data set of a project: the extra terms
 * to redact from then on (the latest review of a project and data set applies to its exports),
 * and what was proposed when it was reviewed.
 */
export const exportReviews = sqliteTable(
  "export_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    dataset: text("dataset").notNull(),
    reviewerId: integer("reviewer_id").references(() => users.id),
    /** Idempotency key of the review form. */
    requestKey: text("request_key").notNull(),
    /** Extra terms to redact (exact words or phrases, matched case-insensitively). */
    terms: text("terms", { mode: "json" }).notNull().$type<string[]>(),
    /** Proposed redactions per kind when reviewed, e.g. { phone: 3, name: 12 }. */
    proposed: text("proposed", { mode: "json" }).notNull().$type<Record<string, number>>(),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("export_reviews_request").on(t.requestKey), index("export_reviews_project_dataset").on(t.projectId, t.dataset, t.id)],
);

/**
 * The longest text answer ever stored per project, answer table and variable, in UTF-8 bytes. It
 * is kept by triggers on the answer tables (migration 0002), so a large export sizes its .sav
 * string widths from a handful of rows instead of reading every answer twice. Only ever grows:
 * an upper bound for any subset of the rows, which is all the width needs.
 */
export const textExtents = sqliteTable(
  "text_extents",
  {
    /** The answer table, e.g. log_notes. */
    source: text("source").notNull(),
    projectId: integer("project_id").notNull(),
    variable: text("variable").notNull(),
    maxBytes: integer("max_bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.projectId, t.variable] })],
);

/** What an export job ended with when it did not make a package (message key, form field, detail). */
export interface ExportJobError {
  readonly key: string;
  readonly field: string | null;
  readonly detail: string | null;
}

/**
 * One export as it is being made, off the web request (app/exports/jobs.server.ts): queued, then
 * running on a worker thread of the server (or in the `export` command), with its progress,
 * until it is done (export_id), refused (the request cannot be exported: no rows, a changed code)
 * or failed (something broke, or the process running it stopped). The runner keeps
 * heartbeat_at fresh, so a job whose runner died is found and marked failed.
 */
export const exportJobs = sqliteTable(
  "export_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Idempotency key from the export form: a double submit finds the job it started. */
    requestKey: text("request_key").notNull(),
    projectId: integer("project_id").notNull().references(() => projects.id),
    /** Null when started from the command line without --as. */
    actorId: integer("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    /** web | cli */
    via: text("via").notNull(),
    dataset: text("dataset").notNull(),
    format: text("format").notNull(),
    /** The whole export request (app/exports/open-export.server.ts ExportRequest). */
    request: text("request", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    /** Where the command line writes the package; null for packages kept under <dataDir>/exports. */
    out: text("out"),
    /** queued | running | done | refused | failed */
    state: text("state").notNull().default("queued"),
    /** measure | write while running */
    phase: text("phase"),
    doneRows: integer("done_rows").notNull().default(0),
    totalRows: integer("total_rows"),
    error: text("error", { mode: "json" }).$type<ExportJobError>(),
    exportId: integer("export_id").references(() => exportPackages.id),
    /** Which process runs it (server or command line instance). */
    runner: text("runner"),
    createdAt: integer("created_at").notNull().default(now),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    heartbeatAt: integer("heartbeat_at"),
  },
  (t) => [uniqueIndex("export_jobs_request").on(t.requestKey), index("export_jobs_state").on(t.state, t.id)],
);

/**
 * The researcher's decision about a likely person's name the detector found in a project's free
 * text (issue 13 §2): redact it («name») or keep it («not-name»). Remembered per project and term
 * for every data set; a term without a decision is redacted. The latest decision wins (upsert).
 */
export const nameDecisions = sqliteTable(
  "name_decisions",
  {
    projectId: integer("project_id").notNull().references(() => projects.id),
    /** The found text, NFC, lower case, single spaces (scrub.ts nameTerm). */
    term: text("term").notNull(),
    decision: text("decision", { enum: ["name", "not-name"] }).notNull(),
    reviewerId: integer("reviewer_id").references(() => users.id),
    decidedAt: integer("decided_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.term] })],
);
