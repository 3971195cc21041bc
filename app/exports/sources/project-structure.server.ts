// The case organisations and case projects of a project, and the export variables that describe a
// row's case: case project, organisation and programme. Organisation names may appear in exports
// (instruments.md §10, P12: the report names the case organisations openly); people never do.
import { eq } from "drizzle-orm";
import { translator } from "~/i18n/catalog";
import type { Localized } from "~/i18n/locale";
import type { DbOrTx } from "../../../db/connection.server";
import { caseProjects, organisations, programmes, type Programme } from "../../../db/schema";
import type { Row } from "../dictionary";
import type { SchemaVariable } from "../schema";
import type { CaseChoice } from "./source.server";

export interface ProjectStructure {
  readonly caseProjects: ReadonlyMap<number, { id: number; name: string; organisationId: number; programme: Programme }>;
  readonly organisations: ReadonlyMap<number, { id: number; name: string }>;
}

export function projectStructure(db: DbOrTx, projectId: number): ProjectStructure {
  const rows = db
    .select({ id: caseProjects.id, name: caseProjects.name, programme: caseProjects.programme, organisationId: organisations.id, organisation: organisations.name })
    .from(caseProjects)
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(eq(organisations.projectId, projectId))
    .orderBy(organisations.id, caseProjects.id)
    .all();
  const orgs = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.projectId, projectId)).orderBy(organisations.id).all();
  return {
    caseProjects: new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, organisationId: r.organisationId, programme: r.programme }])),
    organisations: new Map(orgs.map((o) => [o.id, o])),
  };
}

export function caseChoices(structure: ProjectStructure): CaseChoice[] {
  return [...structure.caseProjects.values()].map((c) => ({ id: c.id, name: c.name, organisation: structure.organisations.get(c.organisationId)?.name ?? "" }));
}

const nb = translator("nb");
const en = translator("en");
const PROGRAMME_CODE: Record<Programme, number> = { intro: 1, jobbsjansen: 2 };

export const CASE_VARIABLES = { caseProject: "caseprosjekt", organisation: "organisasjon", programme: "program" } as const;

/** Case project, organisation and programme as coded variables (code = the database id; programme 1–2). */
export function caseVariables(structure: ProjectStructure): SchemaVariable[] {
  const same = (s: string): Localized => ({ nb: s, en: s });
  return [
    {
      name: CASE_VARIABLES.caseProject,
      label: { nb: "Caseprosjekt", en: "Case project" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: [...structure.caseProjects.values()].map((c) => ({ value: c.id, label: same(c.name) })),
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    },
    {
      name: CASE_VARIABLES.organisation,
      label: { nb: "Caseorganisasjon", en: "Case organisation" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: [...structure.organisations.values()].map((o) => ({ value: o.id, label: same(o.name) })),
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    },
    {
      name: CASE_VARIABLES.programme,
      label: { nb: "Program", en: "Programme" },
      type: "numeric",
      measure: "nominal",
      decimals: 0,
      valueLabels: programmes.map((p) => ({ value: PROGRAMME_CODE[p], label: { nb: nb(`programme.${p}`), en: en(`programme.${p}`) } })),
      nvivo: "classifying",
      treatment: "kept",
      source: null,
    },
  ];
}

export function programmeCode(programme: Programme): number {
  return PROGRAMME_CODE[programme];
}

/** Writes the case variables of `caseProjectId` into `row` (system-missing when unknown). */
export function setCaseValues(structure: ProjectStructure, caseProjectId: number | null, row: Row): void {
  const cp = caseProjectId === null ? undefined : structure.caseProjects.get(caseProjectId);
  row[CASE_VARIABLES.caseProject] = cp?.id ?? null;
  row[CASE_VARIABLES.organisation] = cp?.organisationId ?? null;
  row[CASE_VARIABLES.programme] = cp ? PROGRAMME_CODE[cp.programme] : null;
}
