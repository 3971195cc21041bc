// Instrument versions kept in the database (issue 14): one codebook, two sources. Every
// definition under surveys/ is recorded here at start as a published version "from file"; versions
// made in the app (uploaded YAML, later the editor) are drafts until published. A published
// version never changes; an instrument has at most one draft, always its next version number.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./core";

const now = sql`(unixepoch())`;

export const instrumentVersionStatuses = ["draft", "published"] as const;
export const instrumentOrigins = ["file", "upload"] as const;
export type InstrumentOrigin = (typeof instrumentOrigins)[number];

export const instrumentVersions = sqliteTable(
  "instrument_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instrumentId: text("instrument_id").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: instrumentVersionStatuses }).notNull(),
    origin: text("origin", { enum: instrumentOrigins }).notNull(),
    /** The definition exactly as written (the file's text, or the uploaded YAML). */
    yaml: text("yaml").notNull(),
    /** SHA-256 of `yaml`: a file that changes under a published version number is refused at start. */
    sha256: text("sha256").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    publishedAt: integer("published_at"),
    publishedBy: integer("published_by").references(() => users.id),
  },
  (t) => [uniqueIndex("instrument_versions_key").on(t.instrumentId, t.version)],
);

/**
 * A pilot round (issue 14): a version (usually a draft) sent to chosen job specialists or case
 * leads, who fill it in and comment per item. Pilot answers are not data: they live here, apart
 * from every real answer, and no data set but the pilot's own ever reads them.
 */
export const pilotRounds = sqliteTable("pilot_rounds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  versionId: integer("version_id").notNull().references(() => instrumentVersions.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: integer("created_at").notNull().default(now),
  closedAt: integer("closed_at"),
});

/** Who is invited to a round, and their answers once they send them (one set each, replaced on resend). */
export const pilotParticipants = sqliteTable(
  "pilot_participants",
  {
    roundId: integer("round_id").notNull().references(() => pilotRounds.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id),
    answers: text("answers", { mode: "json" }).$type<Record<string, string | number | null>>(),
    submittedAt: integer("submitted_at"),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

/**
 * A comment on an item of a version (item "" = the instrument as a whole), made in a round; a
 * reply points to the comment it answers. Comments belong to the version, so they stay with it
 * when the draft is published.
 */
export const pilotComments = sqliteTable(
  "pilot_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id").notNull().references(() => instrumentVersions.id, { onDelete: "cascade" }),
    roundId: integer("round_id").notNull().references(() => pilotRounds.id, { onDelete: "cascade" }),
    item: text("item").notNull(),
    authorId: integer("author_id").notNull().references(() => users.id),
    text: text("text").notNull(),
    replyTo: integer("reply_to"),
    /** Keeps a double submit from making twins. */
    clientKey: text("client_key").notNull(),
    createdAt: integer("created_at").notNull().default(now),
    resolvedAt: integer("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
  },
  (t) => [index("pilot_comments_round").on(t.roundId, t.item), uniqueIndex("pilot_comments_key").on(t.authorId, t.clientKey)],
);
