// Reading logs. A job specialist reads their own log across months («Mine refleksjoner»);
// researchers read every month that has been submitted, filtered by case, programme, person,
// step, month and text. Case leads never come here (they get counts in the compliance grid).
import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { caseProjects, logMonths, logNotes, organisations, projects, users, type Programme } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { Answers } from "~/instruments/types";
import { isMonth } from "./months";

export interface NoteFilters {
  readonly step?: number | null;
  readonly month?: string | null;
  readonly q?: string | null;
}

export interface ResearchFilters extends NoteFilters {
  readonly projectId?: number | null;
  readonly organisationId?: number | null;
  readonly programme?: Programme | null;
  readonly authorId?: number | null;
}

/** Filters from a query string, each checked; anything odd is ignored. */
export function filtersFromUrl(url: URL): ResearchFilters {
  const p = url.searchParams;
  const int = (name: string) => {
    const v = p.get(name);
    return v && /^\d{1,9}$/.test(v) ? Number(v) : null;
  };
  const step = int("step");
  const month = p.get("month");
  const programme = p.get("programme");
  return {
    step: step && step >= 1 && step <= 5 ? step : null,
    month: isMonth(month) ? month : null,
    q: (p.get("q") ?? "").trim().slice(0, 200) || null,
    projectId: int("project"),
    organisationId: int("case"),
    programme: programme === "intro" || programme === "jobbsjansen" ? programme : null,
    authorId: int("person"),
  };
}

/** The query string of a set of filters (for download links and paging). */
export function filtersToQuery(filters: ResearchFilters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  if (filters.projectId) p.set("project", String(filters.projectId));
  if (filters.organisationId) p.set("case", String(filters.organisationId));
  if (filters.programme) p.set("programme", filters.programme);
  if (filters.authorId) p.set("person", String(filters.authorId));
  if (filters.step) p.set("step", String(filters.step));
  if (filters.month) p.set("month", filters.month);
  if (filters.q) p.set("q", filters.q);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

function textConditions(filters: NoteFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.step) where.push(eq(logNotes.step, filters.step));
  if (filters.month) where.push(eq(logNotes.month, filters.month));
  for (const word of (filters.q ?? "").toLocaleLowerCase("nb").split(/\s+/).filter(Boolean).slice(0, 10)) {
    where.push(sql`instr(${logNotes.searchText}, ${word}) > 0`);
  }
  return where;
}

export interface OwnNote {
  id: number;
  date: string;
  month: string;
  step: number;
  answers: Answers;
  flags: string[];
  monthStatus: "submitted" | "reopened" | null;
}

/** The author's own notes, newest month first, with each month's status. */
export function listOwnNotes(db: Db, authorId: number, filters: NoteFilters = {}): OwnNote[] {
  return db
    .select({
      id: logNotes.id,
      date: logNotes.date,
      month: logNotes.month,
      step: logNotes.step,
      answers: logNotes.answers,
      flags: logNotes.flags,
      monthStatus: logMonths.status,
    })
    .from(logNotes)
    .leftJoin(logMonths, and(eq(logMonths.authorId, logNotes.authorId), eq(logMonths.month, logNotes.month)))
    .where(and(eq(logNotes.authorId, authorId), ...textConditions(filters)))
    .orderBy(desc(logNotes.month), asc(logNotes.date), asc(logNotes.id))
    .all();
}

/** Months in which the author has notes, newest first. */
export function ownMonths(db: Db, authorId: number): string[] {
  return db
    .selectDistinct({ month: logNotes.month })
    .from(logNotes)
    .where(eq(logNotes.authorId, authorId))
    .orderBy(desc(logNotes.month))
    .all()
    .map((r) => r.month);
}

// ---------------------------------------------------------------------------------------
// Researchers

/** A month is readable by researchers once it has been submitted (also while reopened). */
const submittedJoin = and(eq(logMonths.authorId, logNotes.authorId), eq(logMonths.month, logNotes.month));

function researchConditions(filters: ResearchFilters): SQL[] {
  const where = textConditions(filters);
  if (filters.projectId) where.push(eq(logNotes.projectId, filters.projectId));
  if (filters.organisationId) where.push(eq(caseProjects.organisationId, filters.organisationId));
  if (filters.programme) where.push(eq(caseProjects.programme, filters.programme));
  if (filters.authorId) where.push(eq(logNotes.authorId, filters.authorId));
  return where;
}

export const PAGE_SIZE = 25;

export function listSubmittedNotes(db: Db, filters: ResearchFilters, page = 1) {
  const where = and(isNotNull(logMonths.status), ...researchConditions(filters));
  const total =
    db
      .select({ n: count() })
      .from(logNotes)
      .innerJoin(logMonths, submittedJoin)
      .innerJoin(caseProjects, eq(caseProjects.id, logNotes.caseProjectId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      id: logNotes.id,
      authorId: logNotes.authorId,
      author: users.name,
      caseProject: caseProjects.name,
      programme: caseProjects.programme,
      organisation: organisations.name,
      date: logNotes.date,
      month: logNotes.month,
      step: logNotes.step,
      answers: logNotes.answers,
      monthStatus: logMonths.status,
    })
    .from(logNotes)
    .innerJoin(logMonths, submittedJoin)
    .innerJoin(caseProjects, eq(caseProjects.id, logNotes.caseProjectId))
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .innerJoin(users, eq(users.id, logNotes.authorId))
    .where(where)
    .orderBy(desc(logNotes.month), asc(users.name), asc(logNotes.date), asc(logNotes.id))
    .limit(PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * PAGE_SIZE)
    .all();
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Choices for the researchers' filter form. */
export function researchFilterOptions(db: Db, projectId: number | null) {
  const projectList = db.select({ id: projects.id, title: projects.title }).from(projects).orderBy(asc(projects.title)).all();
  const orgWhere = projectId ? eq(organisations.projectId, projectId) : undefined;
  const orgs = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(orgWhere).orderBy(asc(organisations.name)).all();
  const orgIds = orgs.map((o) => o.id);
  const people = orgIds.length
    ? db
        .select({ id: users.id, name: users.name })
        .from(users)
        .innerJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
        .where(and(eq(users.role, "job_specialist"), inArray(caseProjects.organisationId, orgIds)))
        .orderBy(asc(users.name))
        .all()
    : [];
  const months = db
    .selectDistinct({ month: logMonths.month })
    .from(logMonths)
    .where(projectId ? eq(logMonths.projectId, projectId) : undefined)
    .orderBy(desc(logMonths.month))
    .all()
    .map((m) => m.month);
  return { projects: projectList, organisations: orgs, people, months };
}

/** A person and their case, for the researchers' month page (job specialists only). */
export function getJobSpecialist(db: Db, userId: number) {
  return db
    .select({ id: users.id, name: users.name, caseProject: caseProjects.name, organisation: organisations.name, programme: caseProjects.programme, projectId: organisations.projectId })
    .from(users)
    .innerJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(and(eq(users.id, userId), eq(users.role, "job_specialist")))
    .get();
}
