// Accounts, projects and their case organisations: what every capability hangs on.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const roles = ["researcher", "case_lead", "job_specialist"] as const;
export type Role = (typeof roles)[number];
export const programmes = ["intro", "jobbsjansen"] as const;
export type Programme = (typeof programmes)[number];

const now = sql`(unixepoch())`;

export const projects = sqliteTable("projects", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** Smallest group size shown in statistics and reached by k-anonymity in exports. */
  minCellSize: integer("min_cell_size").notNull().default(5),
  /** Logging period, inclusive, as YYYY-MM. */
  logStart: text("log_start"),
  logEnd: text("log_end"),
  createdAt: integer("created_at").notNull().default(now),
});

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    name: text("name").notNull(),
    place: text("place").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("organisations_project_name").on(t.projectId, t.name)],
);

export const caseProjects = sqliteTable(
  "case_projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    name: text("name").notNull(),
    programme: text("programme", { enum: programmes }).notNull(),
    place: text("place").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("case_projects_org_name").on(t.organisationId, t.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** Case leads: the one organisation they follow. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    /** Job specialists: the one case project they work in. */
    caseProjectId: integer("case_project_id").references(() => caseProjects.id),
    /** argon2id; null until the invitation is accepted. */
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["nb", "en"] }),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull().default(now),
    deactivatedAt: integer("deactivated_at"),
  },
  (t) => [index("users_org").on(t.organisationId), index("users_case_project").on(t.caseProjectId)],
);

/** One-time links: invitations and password set-up. Only a hash of the token is kept. */
export const invitations = sqliteTable("invitations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(),
  userId: integer("user_id").notNull().references(() => users.id),
  createdBy: integer("created_by").references(() => users.id),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
  createdAt: integer("created_at").notNull().default(now),
});

/** Server-side sessions; the cookie carries a random id, the table its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Who did what, for researchers to read. Never holds survey answers or tokens. */
export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: integer("at").notNull().default(now),
  actorId: integer("actor_id").references(() => users.id),
  action: text("action").notNull(),
  subject: text("subject").notNull().default(""),
  details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
});
