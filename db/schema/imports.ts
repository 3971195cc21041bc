// Bringing existing data in (issue 16): log notes, participant reports and exchange attendance
// from the team's CSV and Excel files. An upload waits in import_files (the bytes, for the dry
// run and the confirmation, deleted when confirmed, cancelled or a day old); a confirmed import is
// a row of `imports` (the file's SHA-256, never the file), and every record it wrote carries its
// import_id and the file's row number. The column mapping a researcher settles on is remembered
// per project and kind.
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { projects, users } from "./core";

const now = sql`(unixepoch())`;

export const importKinds = ["log", "reports", "attendance"] as const;
export type ImportKind = (typeof importKinds)[number];

/** An uploaded file waiting for its dry run and confirmation. */
export const importFiles = sqliteTable(
  "import_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Random, in the page's address: the only way to reach the upload. */
    token: text("token").notNull(),
    projectId: integer("project_id").notNull().references(() => projects.id),
    kind: text("kind", { enum: importKinds }).notNull(),
    actorId: integer("actor_id").notNull().references(() => users.id),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    /** The researcher's choices on the preview (sheet, mapping, person or exchange for the whole file). */
    choices: text("choices", { mode: "json" }).notNull().$type<Record<string, string>>().default(sql`'{}'`),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("import_files_token").on(t.token)],
);

/** A confirmed import: what was written, from which file (by its hash), by whom. */
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    kind: text("kind", { enum: importKinds }).notNull(),
    actorId: integer("actor_id").notNull().references(() => users.id),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    sheet: text("sheet"),
    rows: integer("rows").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    rejected: integer("rejected").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("imports_project").on(t.projectId, t.createdAt)],
);

/** The last column mapping used for a kind of file in a project: header text → target. */
export const importMappings = sqliteTable(
  "import_mappings",
  {
    projectId: integer("project_id").notNull().references(() => projects.id),
    kind: text("kind", { enum: importKinds }).notNull(),
    mapping: text("mapping", { mode: "json" }).notNull().$type<Record<string, string>>(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] })],
);
