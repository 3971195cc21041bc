// Experience exchanges (erfaringsutvekslinger, instruments.md §5): the plan and agenda, the
// preparation questions (an instrument definition per exchange) and the answers to them,
// registrations, attendance, transcripts with their speaker turns and chapter codes.
// Counts for Tabell 3/4 are never stored: they are computed from the attendance rows.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, projects, users } from "./core";

const now = sql`(unixepoch())`;

export const exchangeAudiences = ["job_specialists", "case_leads"] as const;
export type ExchangeAudience = (typeof exchangeAudiences)[number];
export const exchangeStatuses = ["planned", "held", "cancelled"] as const;
export type ExchangeStatus = (typeof exchangeStatuses)[number];
/** «halvdagssamling» / «heldagssamling»; "none" for short meetings (the leaders' 1 t, 2,5 t). */
export const exchangeDayKinds = ["none", "half", "full"] as const;
export type ExchangeDayKind = (typeof exchangeDayKinds)[number];
export const agendaItemKinds = ["plenary", "group_discussion", "guest_talk", "method_workshop", "homework_review"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];
/** The written homework of instruments.md §5.4 item 5. */
export const homeworkDocumentTypes = [
  "development_plan",
  "job_description",
  "competence_profile",
  "target_group_description",
  "quality_self_evaluation",
  "reflection",
  "other",
] as const;
export type HomeworkDocumentType = (typeof homeworkDocumentTypes)[number];
export const transcriptSources = ["paste", "txt", "docx"] as const;
export type TranscriptSource = (typeof transcriptSources)[number];
/** private: only the uploader sees it (pseudonymising); released: every researcher, text frozen. */
export const transcriptStatuses = ["private", "released"] as const;
export type TranscriptStatus = (typeof transcriptStatuses)[number];

export const exchanges = sqliteTable(
  "exchanges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    audience: text("audience", { enum: exchangeAudiences }).notNull(),
    /** Number in its series (project + audience): nr. 1–11 of Tabell 3. */
    number: integer("number").notNull(),
    /** YYYY-MM-DD. */
    date: text("date").notNull(),
    /** Only the month is settled («Planlagt mai 2019»). */
    dateIsApproximate: integer("date_is_approximate", { mode: "boolean" }).notNull().default(false),
    /** HH:MM, local time; hours and day kind follow from them. */
    startTime: text("start_time"),
    endTime: text("end_time"),
    /** Manual overrides, for where the report disagrees with itself (nr. 11: 6,5 t «halvdagssamling»). */
    hoursOverride: real("hours_override"),
    dayKindOverride: text("day_kind_override", { enum: exchangeDayKinds }),
    place: text("place").notNull().default(""),
    theme: text("theme").notNull(),
    /** Longer description, e.g. the other label a chapter uses for the same session. */
    description: text("description").notNull().default(""),
    status: text("status", { enum: exchangeStatuses }).notNull().default("planned"),
    /** Last day (inclusive, Norwegian time) to answer the preparation questions. */
    preparationDeadline: text("preparation_deadline"),
    /** Show the invited the submitted preparation answers, without names. */
    shareAnswers: integer("share_answers", { mode: "boolean" }).notNull().default(false),
    /** The current version of the preparation questions (exchange_question_versions). */
    questionsVersion: integer("questions_version").notNull().default(1),
    /** Idempotency key of the planning form: a double submit finds the exchange it made. */
    clientKey: text("client_key"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("exchanges_series_number").on(t.projectId, t.audience, t.number),
    uniqueIndex("exchanges_key").on(t.createdBy, t.clientKey),
    index("exchanges_project_date").on(t.projectId, t.date),
  ],
);

export const exchangeAgendaItems = sqliteTable(
  "exchange_agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** HH:MM or null. */
    time: text("time"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Who leads the item (free text: «Forsker», «JS fra Sverige», …). */
    leader: text("leader").notNull().default(""),
    kind: text("kind", { enum: agendaItemKinds }).notNull(),
    /** Idempotency key of the form that added it: a double submit does not add it twice. */
    clientKey: text("client_key"),
  },
  (t) => [index("exchange_agenda_exchange").on(t.exchangeId, t.position), uniqueIndex("exchange_agenda_key").on(t.exchangeId, t.clientKey)],
);

/**
 * The preparation questions as an instrument definition (surveys/definition-schema.ts shape),
 * one row per version. A version that has answers or drafts is never changed: editing then
 * makes the next version, so stored answers always name the definition they were given under.
 */
export const exchangeQuestionVersions = sqliteTable(
  "exchange_question_versions",
  {
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: text("definition", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.exchangeId, t.version] })],
);

export const exchangeHomework = sqliteTable(
  "exchange_homework",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    documentType: text("document_type", { enum: homeworkDocumentTypes }).notNull(),
    /** YYYY-MM-DD. */
    deadline: text("deadline"),
    clientKey: text("client_key"),
  },
  (t) => [index("exchange_homework_exchange").on(t.exchangeId, t.position), uniqueIndex("exchange_homework_key").on(t.exchangeId, t.clientKey)],
);

/** Whether an invited person comes (their own answer, before the exchange). */
export const exchangeRegistrations = sqliteTable(
  "exchange_registrations",
  {
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id),
    coming: integer("coming", { mode: "boolean" }).notNull(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.exchangeId, t.userId] })],
);

/**
 * A person's answers to the preparation questions: one row per person and exchange, so a
 * double submit updates it. `answers` (keyed by variable name) are set on submit; `draft`
 * holds the raw form values of an unsent or rejected form.
 */
export const exchangePreparations = sqliteTable(
  "exchange_preparations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    answers: text("answers", { mode: "json" }).$type<Record<string, string | number | null>>(),
    submittedAt: integer("submitted_at"),
    draft: text("draft", { mode: "json" }).$type<Record<string, string>>(),
    draftVersion: integer("draft_version"),
    draftSavedAt: integer("draft_saved_at"),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("exchange_preparations_person").on(t.exchangeId, t.userId)],
);

/** Who came (ticked by a researcher afterwards). */
export const exchangeAttendance = sqliteTable(
  "exchange_attendance",
  {
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id),
    /** Set when the attendance came from a file (imports.id) and the file's row number (1 = header). */
    importId: integer("import_id"),
    importRow: integer("import_row"),
  },
  (t) => [primaryKey({ columns: [t.exchangeId, t.userId] })],
);

/**
 * People without an account who took part: a substitute, a second leader of a case, a guest
 * speaker. `counted` ones count as participants (and their organisation as represented).
 */
export const exchangeGuests = sqliteTable(
  "exchange_guests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    counted: integer("counted", { mode: "boolean" }).notNull(),
    clientKey: text("client_key"),
  },
  (t) => [index("exchange_guests_exchange").on(t.exchangeId), uniqueIndex("exchange_guests_key").on(t.exchangeId, t.clientKey)],
);

/**
 * A transcript or notes of an exchange. All text is NFC with LF line ends. The original is
 * kept; only the pseudonymised text is ever shown to anyone but the uploader, and it is frozen
 * once released so turn and code offsets (Unicode code points) stay valid.
 */
export const exchangeTranscripts = sqliteTable(
  "exchange_transcripts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    exchangeId: integer("exchange_id").notNull().references(() => exchanges.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    source: text("source", { enum: transcriptSources }).notNull(),
    fileName: text("file_name"),
    originalText: text("original_text").notNull(),
    pseudonymisedText: text("pseudonymised_text").notNull(),
    /** The replacements applied, in order: [{ from, to }]. */
    replacements: text("replacements", { mode: "json" }).notNull().$type<{ from: string; to: string }[]>().default(sql`'[]'`),
    status: text("status", { enum: transcriptStatuses }).notNull().default("private"),
    /** To be written out by the NVivo export. */
    nvivoExport: integer("nvivo_export", { mode: "boolean" }).notNull().default(true),
    clientKey: text("client_key").notNull(),
    createdBy: integer("created_by").notNull().references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    releasedAt: integer("released_at"),
    /** Released to the job specialists who attended, to code as co-researchers (issue 15). */
    coResearchers: integer("co_researchers", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("exchange_transcripts_exchange").on(t.exchangeId), uniqueIndex("exchange_transcripts_key").on(t.createdBy, t.clientKey)],
);

/** Speaker turns of the pseudonymised text; offsets in code points, end exclusive. */
export const exchangeTranscriptTurns = sqliteTable(
  "exchange_transcript_turns",
  {
    transcriptId: integer("transcript_id").notNull().references(() => exchangeTranscripts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The label at line start («JS3», «Forsker»); null for text without one. */
    speaker: text("speaker"),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
  },
  (t) => [primaryKey({ columns: [t.transcriptId, t.position] })],
);

/** A chapter code (§9.2: K1–K8, V1) on a span of the pseudonymised text. */
export const exchangeTranscriptCodes = sqliteTable(
  "exchange_transcript_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    transcriptId: integer("transcript_id").notNull().references(() => exchangeTranscripts.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("exchange_transcript_codes_span").on(t.transcriptId, t.code, t.start, t.end)],
);
