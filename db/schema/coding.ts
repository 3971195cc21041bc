// Co-research coding (issue 15): a project codebook (a tree of codes with definitions and their
// history), codings of log notes (a whole note, or a passage of one field) by researchers and by job
// specialists as co-researchers, memos, and agreement rounds where chosen coders code a sample
// blind to each other. A coding is never deleted by a change to the codebook: merging moves it,
// retiring a code keeps it.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects, users } from "./core";

const now = sql`(unixepoch())`;

export const codeEventKinds = ["created", "edited", "retired", "restored", "merged", "split"] as const;
export type CodeEventKind = (typeof codeEventKinds)[number];

export const codes = sqliteTable(
  "codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    parentId: integer("parent_id"),
    /** Short name, e.g. «A Samarbeid med arbeidsgivere». */
    name: text("name").notNull(),
    definition: text("definition").notNull().default(""),
    inclusion: text("inclusion").notNull().default(""),
    exclusion: text("exclusion").notNull().default(""),
    example: text("example").notNull().default(""),
    /** #rrggbb, for marks in the text. */
    colour: text("colour").notNull().default("#1f5c7a"),
    /** Whether job specialists coding as co-researchers may use it. */
    coResearchers: integer("co_researchers", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
    retiredAt: integer("retired_at"),
    /** Set when merged into another code (its codings moved there). */
    mergedInto: integer("merged_into"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("codes_project").on(t.projectId, t.parentId, t.position), uniqueIndex("codes_project_name").on(t.projectId, t.name)],
);

/** Every change to a code, with what it was before (the codebook's history). */
export const codeEvents = sqliteTable(
  "code_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    codeId: integer("code_id").notNull().references(() => codes.id),
    actorId: integer("actor_id").notNull().references(() => users.id),
    kind: text("kind", { enum: codeEventKinds }).notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull().default(now),
  },
  (t) => [index("code_events_code").on(t.codeId, t.id)],
);

export const roundUnits = ["record", "character"] as const;
export type RoundUnit = (typeof roundUnits)[number];

/**
 * An agreement round: a sample of records, coded by each chosen coder blind to the others. The
 * unit is the whole note ("record") or each character of the notes' texts ("character": coders
 * mark passages, and a code on the whole note covers every character).
 */
export const codingRounds = sqliteTable("coding_rounds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  projectId: integer("project_id").notNull().references(() => projects.id),
  title: text("title").notNull(),
  /** Log note ids, in the order they are shown. */
  sample: text("sample", { mode: "json" }).notNull().$type<number[]>(),
  coders: text("coders", { mode: "json" }).notNull().$type<number[]>(),
  /** Codes in the round (ids); the statistics are per code and overall. */
  codeIds: text("code_ids", { mode: "json" }).notNull().$type<number[]>(),
  unit: text("unit", { enum: roundUnits }).notNull().default("record"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: integer("created_at").notNull().default(now),
});

export const codingSources = ["note", "turn", "answer"] as const;
export type CodingSource = (typeof codingSources)[number];

/**
 * One code applied by one coder to a record of a source:
 * - "note": a log note (note_id); the whole note (field "", start = end = 0) or a passage of one
 *   free-text field;
 * - "turn": a speaker turn of a released transcript (note_id = transcript, field = the turn's
 *   position); the whole turn (start = end = 0) or a passage of it;
 * - "answer": an open answer of the employer survey (note_id = the answer's random id, field = the
 *   item); the whole answer (start = end = 0) or a passage of it.
 * Passages are [start, end) in code points of the text. round_id 0: ordinary coding; otherwise the
 * coding belongs to that round (blind, kept apart).
 */
export const codings = sqliteTable(
  "codings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    codeId: integer("code_id").notNull().references(() => codes.id),
    coderId: integer("coder_id").notNull().references(() => users.id),
    source: text("source", { enum: codingSources }).notNull().default("note"),
    noteId: integer("note_id").notNull(),
    field: text("field").notNull().default(""),
    start: integer("start").notNull().default(0),
    end: integer("end").notNull().default(0),
    roundId: integer("round_id").notNull().default(0),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("codings_unique").on(t.codeId, t.coderId, t.source, t.noteId, t.field, t.start, t.end, t.roundId),
    index("codings_note").on(t.source, t.noteId, t.roundId),
    index("codings_code").on(t.codeId),
  ],
);

/** A coder has decided on a note of a round (possibly that no code applies): the note is coded. */
export const roundDecisions = sqliteTable(
  "round_decisions",
  {
    roundId: integer("round_id").notNull().references(() => codingRounds.id),
    coderId: integer("coder_id").notNull().references(() => users.id),
    noteId: integer("note_id").notNull(),
    at: integer("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.coderId, t.noteId] })],
);

/** A memo on a code or on a coding (a passage). */
export const memos = sqliteTable(
  "memos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    codeId: integer("code_id"),
    codingId: integer("coding_id"),
    authorId: integer("author_id").notNull().references(() => users.id),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("memos_code").on(t.codeId), index("memos_coding").on(t.codingId)],
);
