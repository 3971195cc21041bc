// Instrument versions kept in the database (issue 14): one codebook, two sources. Every
// definition under surveys/ is recorded here at start as a published version "from file"; versions
// made in the app (uploaded YAML, later the editor) are drafts until published. A published
// version never changes; an instrument has at most one draft, always its next version number.
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
