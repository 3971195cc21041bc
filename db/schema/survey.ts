// The employer survey (issue 4): waves, the links ledger, the spent set and the answers.
// The anonymity design is in docs/decisions/survey-anonymity.md. In short:
//
// - survey_links (the ledger) and survey_answers share no key, no order and no time: ledger rows
//   and answers get random ids (random rowids, so neither the b-tree nor the rowid keeps an
//   order), answers carry only the month and the wave-level reminder round, never a timestamp.
// - Answering never touches the ledger. Exactly-once is enforced by survey_spent, whose key is a
//   keyed hash (HMAC under a key derived from the server secret) of the link's token hash: the
//   ledger cannot be joined to it without that key. The spent row and the answer are written in
//   one transaction.
// - Whether a link is used is computed (ledger row → keyed hash → spent set) while the wave runs;
//   when the wave closes the "used" marks are written into the ledger in one batch, the wave's
//   spent rows are deleted and the WAL is truncated.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects, users } from "./core";

const now = sql`(unixepoch())`;

/** One round of the questionnaire for one project (the AFI survey of 2018–19 was one wave). */
export const surveyWaves = sqliteTable(
  "survey_waves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    title: text("title").notNull(),
    /** The information text the questionnaire starts with (and the body of the e-mail text). */
    infoNb: text("info_nb").notNull(),
    infoEn: text("info_en").notNull(),
    /** Whom to contact about the study. */
    contact: text("contact").notNull().default(""),
    /** First and last day answers are taken, YYYY-MM-DD (Europe/Oslo). */
    openDate: text("open_date").notNull(),
    closeDate: text("close_date").notNull(),
    /** No result is shown while the wave has fewer answers than this. */
    minAnswers: integer("min_answers").notNull().default(5),
    /** Job specialists may see which of their links are unused (an explicit choice). */
    targetedReminders: integer("targeted_reminders", { mode: "boolean" }).notNull().default(false),
    /** Set when a researcher closes the wave before its close date. */
    closedAt: integer("closed_at"),
    /** Set when the used marks were written into the ledger and the spent set was emptied. */
    finalisedAt: integer("finalised_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [index("survey_waves_project").on(t.projectId)],
);

/** A request for N links by one job specialist (idempotent by its request key). */
export const surveyLinkBatches = sqliteTable(
  "survey_link_batches",
  {
    /** Random, also used in the URL of the page that shows the fresh links. */
    id: text("id").primaryKey(),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
    ownerId: integer("owner_id").notNull().references(() => users.id),
    count: integer("count").notNull(),
    /** Random key of the form that asked, so a double submit does not make twice the links. */
    requestKey: text("request_key").notNull(),
    issuedOn: text("issued_on").notNull(),
  },
  (t) => [
    uniqueIndex("survey_link_batches_request").on(t.ownerId, t.requestKey),
    index("survey_link_batches_wave_owner").on(t.waveId, t.ownerId),
  ],
);

/** The links ledger. Random ids; only the SHA-256 of the token; never touched by an answer. */
export const surveyLinks = sqliteTable(
  "survey_links",
  {
    /** Random 53-bit rowid: no issue order in the b-tree or in the rowid. */
    id: integer("id").primaryKey(),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
    ownerId: integer("owner_id").notNull().references(() => users.id),
    batchId: text("batch_id").notNull().references(() => surveyLinkBatches.id),
    /** SHA-256 of the token, hex. */
    tokenHash: text("token_hash").notNull(),
    /** Written only when the wave is finalised, all links of the wave in one batch. */
    used: integer("used", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("survey_links_token").on(t.tokenHash), index("survey_links_wave_owner").on(t.waveId, t.ownerId)],
);

/**
 * The spent set: one row per answered link, keyed by HMAC(spent key, token hash) truncated to
 * 53 bits. Written in the same transaction as the answer; emptied when the wave is finalised.
 */
export const surveySpent = sqliteTable(
  "survey_spent",
  {
    key: integer("key").primaryKey(),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
  },
  (t) => [index("survey_spent_wave").on(t.waveId)],
);

/** Answers: random id, wave, month, the wave's reminder round, the answers. Nothing else. */
export const surveyAnswers = sqliteTable(
  "survey_answers",
  {
    /** Random 53-bit rowid. */
    id: integer("id").primaryKey(),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    /** YYYY-MM (Europe/Oslo) of the submission; nothing finer is kept. */
    month: text("month").notNull(),
    /** Reminder rounds the wave had seen when the answer came (0 = before any reminder). */
    round: integer("round").notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, string | number | null>>(),
  },
  (t) => [index("survey_answers_wave").on(t.waveId)],
);

/** "Reminder sent" as recorded by a job specialist; the wave's round is the highest recorded. */
export const surveyReminders = sqliteTable(
  "survey_reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
    ownerId: integer("owner_id").notNull().references(() => users.id),
    round: integer("round").notNull(),
    sentOn: text("sent_on").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("survey_reminders_owner_round").on(t.waveId, t.ownerId, t.round)],
);

/** One answer taken out of one statistic (an item), with the researcher's reason (footnote 10). */
export const surveyExclusions = sqliteTable(
  "survey_exclusions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    waveId: integer("wave_id").notNull().references(() => surveyWaves.id),
    answerId: integer("answer_id")
      .notNull()
      .references(() => surveyAnswers.id),
    /** The item (statistic) the answer is excluded from, e.g. "ansettelse". */
    item: text("item").notNull(),
    reason: text("reason").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("survey_exclusions_answer_item").on(t.waveId, t.answerId, t.item)],
);

export type SurveyWave = typeof surveyWaves.$inferSelect;
