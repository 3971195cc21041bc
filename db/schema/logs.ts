// The job specialists' log (instrument log-entry, Tabell 5): notes, drafts in progress, and the
// monthly submission with its history. Answers are stored as JSON keyed by variable name, beside
// typed columns for what queries need (author, month, date, step).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseProjects, projects, users } from "./core";

const now = sql`(unixepoch())`;

export const logMonthStatuses = ["submitted", "reopened"] as const;
export type LogMonthStatus = (typeof logMonthStatuses)[number];
export const logMonthEventKinds = ["submitted", "reopened"] as const;
export type LogMonthEventKind = (typeof logMonthEventKinds)[number];

/** One note (one row of Tabell 5). Several per day are allowed. */
export const logNotes = sqliteTable(
  "log_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    authorId: integer("author_id").notNull().references(() => users.id),
    /** The author's case project when the note was written (for filters by case and programme). */
    caseProjectId: integer("case_project_id").notNull().references(() => caseProjects.id),
    /** Idempotency key: the draft id of the form the note came from; a resubmit updates, never twins. */
    clientKey: text("client_key").notNull(),
    /** YYYY-MM of `date`. */
    month: text("month").notNull(),
    /** YYYY-MM-DD. */
    date: text("date").notNull(),
    /** SE step 1-5. */
    step: integer("step").notNull(),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, string | number | null>>(),
    /** Lower-cased free text of the note, for search. */
    searchText: text("search_text").notNull().default(""),
    /** Kinds of possible identifiers found when the note was saved (a warning, never a block). */
    flags: text("flags", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    /** Set when the note came from a file (imports.id) and the file's row number (1 = header). */
    importId: integer("import_id"),
    importRow: integer("import_row"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("log_notes_author_key").on(t.authorId, t.clientKey),
    index("log_notes_author_month").on(t.authorId, t.month, t.date),
    // Covers the export's first look at the notes (count per person, month and form version)
    // without reading the notes themselves.
    index("log_notes_project_month").on(t.projectId, t.month, t.authorId, t.instrumentVersion),
  ],
);

/**
 * A note in progress, saved as the person types (JavaScript) or on a rejected submit (without).
 * `values` are the raw form values keyed by field name; `noteId` is set when editing a note.
 */
export const logDrafts = sqliteTable(
  "log_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorId: integer("author_id").notNull().references(() => users.id),
    draftKey: text("draft_key").notNull(),
    noteId: integer("note_id").references(() => logNotes.id, { onDelete: "cascade" }),
    values: text("values", { mode: "json" }).notNull().$type<Record<string, string>>(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("log_drafts_author_key").on(t.authorId, t.draftKey), index("log_drafts_note").on(t.noteId)],
);

/** The state of a person's month; no row means open (never submitted). */
export const logMonths = sqliteTable(
  "log_months",
  {
    authorId: integer("author_id").notNull().references(() => users.id),
    month: text("month").notNull(),
    projectId: integer("project_id").notNull().references(() => projects.id),
    status: text("status", { enum: logMonthStatuses }).notNull(),
    /** Last submission (unix seconds). */
    submittedAt: integer("submitted_at").notNull(),
    reopenedAt: integer("reopened_at"),
    reopenedBy: integer("reopened_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.authorId, t.month] }), index("log_months_project").on(t.projectId, t.month)],
);

/** Every submission and reopening, in order: the record of who reopened what and why. */
export const logMonthEvents = sqliteTable(
  "log_month_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorId: integer("author_id").notNull().references(() => users.id),
    month: text("month").notNull(),
    kind: text("kind", { enum: logMonthEventKinds }).notNull(),
    actorId: integer("actor_id").notNull().references(() => users.id),
    reason: text("reason").notNull().default(""),
    /** Notes in the month at the time. */
    noteCount: integer("note_count").notNull().default(0),
    at: integer("at").notNull().default(now),
  },
  (t) => [index("log_month_events_author_month").on(t.authorId, t.month)],
);
