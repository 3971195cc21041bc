// Individual participant reports (instrument participant-report, instruments.md §6): the
// participants a job specialist follows, known only by a code the platform makes; every saved
// report as a dated version (status at a given date); one draft per participant; and the
// consent record, whose withdrawal takes the participant out of every later statistic and export.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseProjects, projects, users } from "./core";

const now = sql`(unixepoch())`;

export const reportParticipants = sqliteTable(
  "report_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    /** The job specialist's case project when the participant was added (case and programme). */
    caseProjectId: integer("case_project_id").notNull().references(() => caseProjects.id),
    /** The job specialist who follows the participant and writes the reports. */
    jsId: integer("js_id").notNull().references(() => users.id),
    /** Made by the platform (reports/codes.server.ts); the only way the participant is named. */
    code: text("code").notNull(),
    /** Idempotency key of the form that added the participant: a resubmit never makes twins. */
    clientKey: text("client_key").notNull(),
    /** YYYY-MM: when the job specialist took the participant over (the cohort of a period). */
    startMonth: text("start_month").notNull(),
    /** YYYY-MM-DD: the participant's consent to be reported on was obtained. */
    consentDate: text("consent_date").notNull(),
    consentRecordedBy: integer("consent_recorded_by").notNull().references(() => users.id),
    /** YYYY-MM-DD of a withdrawal of consent; from then on the participant is in no statistic or export. */
    withdrawnDate: text("withdrawn_date"),
    withdrawnRecordedBy: integer("withdrawn_recorded_by").references(() => users.id),
    withdrawnRecordedAt: integer("withdrawn_recorded_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("report_participants_code").on(t.code),
    uniqueIndex("report_participants_js_key").on(t.jsId, t.clientKey),
    index("report_participants_project").on(t.projectId, t.caseProjectId),
  ],
);

/** Every saved report; never updated. The one that applies on a date is the last one effective by then. */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    participantId: integer("participant_id").notNull().references(() => reportParticipants.id),
    /** 1, 2, 3 … per participant. */
    number: integer("number").notNull(),
    /** YYYY-MM-DD from which the report describes the participant's situation. */
    effectiveDate: text("effective_date").notNull(),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, string | number | null>>(),
    /** The answer to `status`, for queries. */
    status: integer("status").notNull(),
    authorId: integer("author_id").notNull().references(() => users.id),
    /** Idempotency key of the form: the same form posted twice makes one version. */
    clientKey: text("client_key").notNull(),
    /** Set when the version came from a file (imports.id) and the file's row number (1 = header). */
    importId: integer("import_id"),
    importRow: integer("import_row"),
    savedAt: integer("saved_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("report_versions_number").on(t.participantId, t.number),
    uniqueIndex("report_versions_key").on(t.participantId, t.clientKey),
    index("report_versions_effective").on(t.participantId, t.effectiveDate),
  ],
);

/** A report in progress: the raw form values, kept until the next saved version or a discard. */
export const reportDrafts = sqliteTable("report_drafts", {
  participantId: integer("participant_id")
    .primaryKey()
    .references(() => reportParticipants.id),
  authorId: integer("author_id").notNull().references(() => users.id),
  values: text("values", { mode: "json" }).notNull().$type<Record<string, string>>(),
  updatedAt: integer("updated_at").notNull().default(now),
});
