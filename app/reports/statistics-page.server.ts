// What the researchers' statistics page shows: the filters, the project's threshold, and every
// table of the chosen view already suppressed and labelled in the reader's language (no hidden
// count leaves here). The suppression is computed once per project and status date over every
// view at once (statistics-cube.ts) and kept while the reports stay the same.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { projects, reportParticipants, reportVersions } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { MessageKey, TFunction } from "~/i18n/catalog";
import { pick, type Locale } from "~/i18n/locale";
import { listCaseProjects, listProjects } from "~/projects/projects.server";
import { listParticipantReports } from "./data.server";
import { parseStatisticsFilters, type StatisticsFilters } from "./forms.server";
import { reportInstrument } from "./instrument.server";
import type { ColumnKey, InstrumentCodes, Label } from "./statistics";
import { buildStatisticsCube, type StatisticsCube } from "./statistics-cube";
import { cell, presentView, type DisplayCell, type DisplayTable } from "./suppression";

export interface StatisticsPage {
  readonly projects: readonly { slug: string; title: string }[];
  readonly project: { readonly slug: string; readonly title: string; readonly minCellSize: number } | null;
  readonly caseProjects: readonly { id: number; name: string }[];
  /** The status dates offered: the end of every half-year with reports. */
  readonly asOfDates: readonly string[];
  readonly filters: StatisticsFilters;
  /** What was chosen in the query string, to show back in the filter fields. */
  readonly typed: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly reports: DisplayCell;
  readonly inWork: DisplayCell;
  readonly withdrawn: DisplayCell;
  readonly tables: readonly DisplayTable[];
}

/** The last day of every half-year from the first to the last date a report applies from. */
export function halfYearEnds(first: string | null, last: string | null): string[] {
  if (!first || !last) return [];
  const end = (date: string) => `${date.slice(0, 4)}-${date.slice(5, 7) <= "06" ? "06-30" : "12-31"}`;
  const out: string[] = [];
  for (let d = end(first); d <= end(last); d = d.endsWith("06-30") ? `${d.slice(0, 4)}-12-31` : `${Number(d.slice(0, 4)) + 1}-06-30`) out.push(d);
  return out;
}

function effectiveRange(db: Db, projectId: number) {
  return db
    .select({ first: sql<string | null>`min(${reportVersions.effectiveDate})`, last: sql<string | null>`max(${reportVersions.effectiveDate})` })
    .from(reportVersions)
    .innerJoin(reportParticipants, eq(reportParticipants.id, reportVersions.participantId))
    .where(eq(reportParticipants.projectId, projectId))
    .get();
}

function withdrawnCases(db: Db, projectId: number): number[] {
  return db
    .select({ caseProjectId: reportParticipants.caseProjectId })
    .from(reportParticipants)
    .where(and(eq(reportParticipants.projectId, projectId), isNotNull(reportParticipants.withdrawnDate)))
    .all()
    .map((r) => r.caseProjectId);
}

/** Suppressed cubes by project, status date and content of the reports; a handful is enough (one per date in use). */
const cubes = new Map<string, { asOf: string | null; cube: StatisticsCube }>();
const CACHE_SIZE = 12;

/** The cubes kept (for the benchmark: how many cells each hides), and a way to start afresh. */
export const statisticsCubeFor = {
  peek: (asOf: string | null) => [...cubes.values()].reverse().find((c) => c.asOf === asOf)?.cube,
  clear: () => cubes.clear(),
};

function cubeFor(db: Db, projectId: number, k: number, asOf: string | null, codes: InstrumentCodes): StatisticsCube {
  const records = listParticipantReports(db, { projectId, asOf });
  const caseProjects = listCaseProjects(db, projectId).map((c) => ({ id: c.id, programme: c.programme }));
  const withdrawn = withdrawnCases(db, projectId);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([k, asOf, caseProjects, withdrawn, records.map((r) => [r.participantId, r.caseProjectId, r.startMonth, r.version.number, r.version.savedAt])]))
    .digest("base64url");
  const key = `${projectId}|${fingerprint}`;
  const cached = cubes.get(key);
  if (cached) return cached.cube;
  const cube = buildStatisticsCube({ records, caseProjects, withdrawn, codes, k });
  cubes.set(key, { asOf, cube });
  if (cubes.size > CACHE_SIZE) cubes.delete(cubes.keys().next().value!);
  return cube;
}

export function statisticsPage(context: Pick<AppLoadContext, "db" | "codebook">, url: URL, t: TFunction, locale: Locale): StatisticsPage {
  const { db } = context;
  const parsed = parseStatisticsFilters(t, url.searchParams);
  const errors = { ...parsed.errors };
  const typed: Record<string, string> = {};
  for (const name of ["project", "case", "programme", "asOf"]) typed[name] = (url.searchParams.get(name) ?? "").slice(0, 40);

  const all = listProjects(db).map((p) => ({ slug: p.slug, title: p.title }));
  const chosen = parsed.filters.project ? all.find((p) => p.slug === parsed.filters.project) : all[0];
  if (parsed.filters.project && !chosen) errors.project = t("reports.v.choose");
  const projectRow = (chosen ?? all[0]) ? db.select().from(projects).where(eq(projects.slug, (chosen ?? all[0]).slug)).get() : undefined;
  const empty = cell(0, false, null, 5, locale);
  if (!projectRow) {
    return { projects: all, project: null, caseProjects: [], asOfDates: [], filters: parsed.filters, typed, errors, reports: empty, inWork: empty, withdrawn: empty, tables: [] };
  }
  const k = projectRow.minCellSize;
  const caseProjects = listCaseProjects(db, projectRow.id).map((c) => ({ id: c.id, name: c.name, programme: c.programme }));
  let caseProjectId = parsed.filters.caseProject;
  if (caseProjectId && !caseProjects.some((c) => c.id === caseProjectId)) {
    errors.case = t("reports.v.choose");
    caseProjectId = null;
  }
  const range = effectiveRange(db, projectRow.id);
  const asOfDates = halfYearEnds(range?.first ?? null, range?.last ?? null);
  let asOf = parsed.filters.asOf;
  if (asOf && !asOfDates.includes(asOf)) {
    errors.asOf = t("reports.stats.asOfChoose");
    asOf = null;
  }
  const filters = { ...parsed.filters, project: projectRow.slug, caseProject: caseProjectId, asOf };

  const instrument = reportInstrument(context.codebook);
  const variables = new Map(instrument.compiled.variables.map((v) => [v.name, v]));
  const items = new Map(instrument.items.map((i) => [i.name, i]));
  const codes: InstrumentCodes = {
    options: (name) => variables.get(name)?.options.map((o) => o.code) ?? [],
    flags: (name) => {
      const item = items.get(name);
      return item?.type === "multiple_choice" ? item.options.map((o) => ({ code: o.code, variable: o.variable })) : [];
    },
  };
  const cube = cubeFor(db, projectRow.id, k, asOf, codes);

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
  // A case project of the other programme has no reports of this programme: an empty view.
  const mismatch = caseProjectId !== null && filters.programme !== null && caseProjects.find((c) => c.id === caseProjectId)?.programme !== filters.programme;
  const view = presentView(cube, { caseProject: caseProjectId, programme: filters.programme }, { locale, label, column, codes });

  return {
    projects: all,
    project: { slug: projectRow.slug, title: projectRow.title, minCellSize: k },
    caseProjects: caseProjects.map((c) => ({ id: c.id, name: c.name })),
    asOfDates,
    filters,
    typed,
    errors,
    reports: mismatch ? cell(0, false, null, k, locale) : view.reports,
    inWork: mismatch ? cell(0, false, null, k, locale) : view.inWork,
    withdrawn: view.withdrawn,
    tables: mismatch ? [] : view.tables,
  };
}
