// The compliance grid: job specialists × months of the logging period, each cell submitted /
// notes not yet submitted ("draft only") / nothing, with totals per person and per month.
// Counts only, never text, so the same grid serves case leads (their organisation only).
import { and, asc, count, eq, gte, inArray, lte } from "drizzle-orm";
import { caseProjects, logMonths, logNotes, organisations, projects, users } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import { addMonths, currentMonth, isMonth, monthRange } from "./months";

export type CellState = "submitted" | "draft" | "none";

export interface GridCell {
  readonly state: CellState;
  readonly notes: number;
  readonly reopened: boolean;
}

export interface GridRow {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly organisation: string;
  readonly caseProject: string;
  readonly cells: readonly GridCell[];
  readonly submitted: number;
  readonly draft: number;
}

export interface ComplianceGrid {
  readonly months: readonly string[];
  readonly rows: readonly GridRow[];
  readonly monthTotals: readonly { submitted: number; draft: number }[];
  /** People who submitted every month / some months / none. */
  readonly summary: { readonly all: number; readonly some: number; readonly none: number };
}

/** The period to show: as asked, else the project's logging period, else the last 12 months. */
export function gridPeriod(
  project: { logStart: string | null; logEnd: string | null },
  asked: { from?: string | null; to?: string | null } = {},
  now = new Date(),
): { from: string; to: string } {
  const end = isMonth(asked.to) ? asked.to : (project.logEnd ?? currentMonth(now));
  const start = isMonth(asked.from) ? asked.from : (project.logStart ?? addMonths(end, -11));
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}

export function complianceGrid(
  db: Db,
  scope: { projectId: number; organisationId?: number | null },
  period: { from: string; to: string },
): ComplianceGrid {
  const months = monthRange(period.from, period.to, 60);
  const people = db
    .select({ id: users.id, name: users.name, active: users.active, organisation: organisations.name, caseProject: caseProjects.name })
    .from(users)
    .innerJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(
      and(
        eq(users.role, "job_specialist"),
        eq(organisations.projectId, scope.projectId),
        scope.organisationId ? eq(organisations.id, scope.organisationId) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(caseProjects.name), asc(users.name))
    .all();
  const ids = people.map((p) => p.id);
  const last = months[months.length - 1];
  const noteCounts = ids.length
    ? db
        .select({ authorId: logNotes.authorId, month: logNotes.month, n: count() })
        .from(logNotes)
        .where(and(inArray(logNotes.authorId, ids), gte(logNotes.month, months[0]), lte(logNotes.month, last)))
        .groupBy(logNotes.authorId, logNotes.month)
        .all()
    : [];
  const statuses = ids.length
    ? db
        .select({ authorId: logMonths.authorId, month: logMonths.month, status: logMonths.status, reopenedAt: logMonths.reopenedAt })
        .from(logMonths)
        .where(and(inArray(logMonths.authorId, ids), gte(logMonths.month, months[0]), lte(logMonths.month, last)))
        .all()
    : [];
  const key = (a: number, m: string) => `${a}:${m}`;
  const counts = new Map(noteCounts.map((r) => [key(r.authorId, r.month), r.n]));
  const states = new Map(statuses.map((r) => [key(r.authorId, r.month), r]));

  const monthTotals = months.map(() => ({ submitted: 0, draft: 0 }));
  const rows: GridRow[] = people.map((p) => {
    let submitted = 0;
    let draft = 0;
    const cells = months.map((m, i) => {
      const notes = counts.get(key(p.id, m)) ?? 0;
      const status = states.get(key(p.id, m));
      const state: CellState = status?.status === "submitted" ? "submitted" : notes > 0 ? "draft" : "none";
      if (state === "submitted") {
        submitted++;
        monthTotals[i].submitted++;
      } else if (state === "draft") {
        draft++;
        monthTotals[i].draft++;
      }
      return { state, notes, reopened: status?.status === "reopened" };
    });
    return { ...p, cells, submitted, draft };
  });
  const summary = {
    all: rows.filter((r) => months.length > 0 && r.submitted === months.length).length,
    some: rows.filter((r) => r.submitted > 0 && r.submitted < months.length).length,
    none: rows.filter((r) => r.submitted === 0).length,
  };
  return { months, rows, monthTotals, summary };
}

/** Projects a researcher can pick, and the one to show. */
export function gridProjects(db: Db) {
  return db.select({ id: projects.id, slug: projects.slug, title: projects.title, logStart: projects.logStart, logEnd: projects.logEnd }).from(projects).orderBy(asc(projects.title)).all();
}

export function projectOfOrganisation(db: Db, organisationId: number) {
  return db
    .select({ id: projects.id, slug: projects.slug, title: projects.title, logStart: projects.logStart, logEnd: projects.logEnd, organisation: organisations.name })
    .from(organisations)
    .innerJoin(projects, eq(projects.id, organisations.projectId))
    .where(eq(organisations.id, organisationId))
    .get();
}

/** The logging period is the project's setting; researchers change it here. */
export function setLogPeriod(db: Db, actorId: number, projectId: number, period: { from: string; to: string }) {
  writeTransaction(db, (tx) => {
    tx.update(projects).set({ logStart: period.from, logEnd: period.to }).where(eq(projects.id, projectId)).run();
    audit(tx, actorId, "project.log_period_changed", `project:${projectId}`, { ...period });
  });
}
