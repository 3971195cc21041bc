// What the researchers' statistics page shows: the filters, the project's threshold, and every
// table already suppressed and labelled in the reader's language (no hidden count leaves here).
import type { AppLoadContext } from "@remix-run/node";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { projects, reportParticipants } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { MessageKey, TFunction } from "~/i18n/catalog";
import { pick, type Locale } from "~/i18n/locale";
import { listCaseProjects, listProjects } from "~/projects/projects.server";
import { listParticipantReports } from "./data.server";
import { parseStatisticsFilters, type StatisticsFilters } from "./forms.server";
import { reportInstrument } from "./instrument.server";
import { computeReportStatistics, type ColumnKey, type Label } from "./statistics";
import { cell, presentTable, type DisplayCell, type DisplayTable } from "./suppression";

export interface StatisticsPage {
  readonly projects: readonly { slug: string; title: string }[];
  readonly project: { readonly slug: string; readonly title: string; readonly minCellSize: number } | null;
  readonly caseProjects: readonly { id: number; name: string }[];
  readonly filters: StatisticsFilters;
  /** What was typed in the query string, to show back in the filter fields. */
  readonly typed: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly reports: DisplayCell;
  readonly inWork: DisplayCell;
  readonly withdrawn: DisplayCell;
  readonly tables: readonly DisplayTable[];
}

function countWithdrawnIn(db: Db, projectId: number, caseProjectId: number | null): number {
  const where = [eq(reportParticipants.projectId, projectId), isNotNull(reportParticipants.withdrawnDate)];
  if (caseProjectId) where.push(eq(reportParticipants.caseProjectId, caseProjectId));
  return db.select({ n: sql<number>`count(*)` }).from(reportParticipants).where(and(...where)).get()?.n ?? 0;
}

export function statisticsPage(context: Pick<AppLoadContext, "db" | "codebook">, url: URL, t: TFunction, locale: Locale): StatisticsPage {
  const { db } = context;
  const parsed = parseStatisticsFilters(t, url.searchParams);
  const errors = { ...parsed.errors };
  const typed: Record<string, string> = {};
  for (const name of ["project", "case", "programme", "from", "to", "asOf"]) typed[name] = (url.searchParams.get(name) ?? "").slice(0, 40);

  const all = listProjects(db).map((p) => ({ slug: p.slug, title: p.title }));
  const chosen = parsed.filters.project ? all.find((p) => p.slug === parsed.filters.project) : all[0];
  if (parsed.filters.project && !chosen) errors.project = t("reports.v.choose");
  const projectRow = (chosen ?? all[0]) ? db.select().from(projects).where(eq(projects.slug, (chosen ?? all[0]).slug)).get() : undefined;
  const empty = cell(0, 0, 5, locale);
  if (!projectRow) {
    return { projects: all, project: null, caseProjects: [], filters: parsed.filters, typed, errors, reports: empty, inWork: empty, withdrawn: empty, tables: [] };
  }
  const k = projectRow.minCellSize;
  const caseProjects = listCaseProjects(db, projectRow.id).map((c) => ({ id: c.id, name: c.name }));
  let caseProjectId = parsed.filters.caseProject;
  if (caseProjectId && !caseProjects.some((c) => c.id === caseProjectId)) {
    errors.case = t("reports.v.choose");
    caseProjectId = null;
  }
  const filters = { ...parsed.filters, project: projectRow.slug, caseProject: caseProjectId };

  const records = listParticipantReports(db, {
    projectId: projectRow.id,
    asOf: filters.asOf,
    caseProjectId,
    programme: filters.programme,
    startFrom: filters.from,
    startTo: filters.to,
  });
  const instrument = reportInstrument(context.codebook);
  const variables = new Map(instrument.compiled.variables.map((v) => [v.name, v]));
  const items = new Map(instrument.items.map((i) => [i.name, i]));
  const flags = (name: string) => {
    const item = items.get(name);
    return item?.type === "multiple_choice" ? item.options.map((o) => ({ code: o.code, variable: o.variable })) : [];
  };
  const stats = computeReportStatistics(records, { options: (name) => variables.get(name)?.options.map((o) => o.code) ?? [], flags });

  const label = (l: Label): string => {
    if ("flag" in l) {
      const item = items.get(l.flag.item);
      const option = item?.type === "multiple_choice" ? item.options.find((o) => o.code === l.flag.code) : undefined;
      return option ? pick(option.label, locale) : String(l.flag.code);
    }
    if ("option" in l) {
      const option = variables.get(l.option.variable)?.options.find((o) => o.code === l.option.code);
      return option ? pick(option.label, locale) : String(l.option.code);
    }
    return t(l.key as MessageKey, l.params as Record<string, string | number> | undefined);
  };
  const column = (key: ColumnKey) => (key === "intro" || key === "jobbsjansen" ? t(`programme.${key}`) : t(`reports.column.${key}`));
  const tables = stats.tables.map((table) => presentTable(table, { k, locale, label, column }));

  return {
    projects: all,
    project: { slug: projectRow.slug, title: projectRow.title, minCellSize: k },
    caseProjects,
    filters,
    typed,
    errors,
    reports: cell(stats.reports, stats.reports, k, locale),
    inWork: cell(stats.inWork, stats.reports, k, locale),
    withdrawn: cell(countWithdrawnIn(db, projectRow.id, caseProjectId), 0, k, locale),
    tables,
  };
}
