// Research projects, their case organisations and case projects.
import { asc, count, eq, sql } from "drizzle-orm";
import { caseProjects, organisations, projects, users, type Programme } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";

export function listProjects(db: Db) {
  return db
    .select({
      id: projects.id,
      slug: projects.slug,
      title: projects.title,
      organisations: sql<number>`(select count(*) from organisations o where o.project_id = projects.id)`,
      caseProjects: sql<number>`(select count(*) from case_projects c join organisations o on o.id = c.organisation_id where o.project_id = projects.id)`,
    })
    .from(projects)
    .orderBy(asc(projects.title))
    .all();
}

export function countProjects(db: Db): number {
  return db.select({ n: count() }).from(projects).get()?.n ?? 0;
}

export function getProjectBySlug(db: Db, slug: string) {
  return db.select().from(projects).where(eq(projects.slug, slug)).get();
}

export function slugTaken(db: Db, slug: string) {
  return !!getProjectBySlug(db, slug);
}

export function createProject(
  db: DbOrTx,
  input: { slug: string; title: string; logStart?: string | null; logEnd?: string | null; minCellSize?: number },
  actorId: number | null,
) {
  const row = db
    .insert(projects)
    .values({
      slug: input.slug,
      title: input.title.trim(),
      logStart: input.logStart ?? null,
      logEnd: input.logEnd ?? null,
      minCellSize: input.minCellSize ?? 5,
    })
    .returning({ id: projects.id })
    .get();
  audit(db, actorId, "project.created", `project:${row.id}`);
  return row.id;
}

export function createOrganisation(db: DbOrTx, input: { projectId: number; name: string; place?: string }, actorId: number | null) {
  const row = db
    .insert(organisations)
    .values({ projectId: input.projectId, name: input.name.trim(), place: input.place?.trim() ?? "" })
    .returning({ id: organisations.id })
    .get();
  audit(db, actorId, "organisation.created", `organisation:${row.id}`);
  return row.id;
}

export function createCaseProject(
  db: DbOrTx,
  input: { organisationId: number; name: string; programme: Programme; place?: string },
  actorId: number | null,
) {
  const row = db
    .insert(caseProjects)
    .values({ organisationId: input.organisationId, name: input.name.trim(), programme: input.programme, place: input.place?.trim() ?? "" })
    .returning({ id: caseProjects.id })
    .get();
  audit(db, actorId, "case_project.created", `case_project:${row.id}`);
  return row.id;
}

export function listOrganisations(db: Db, projectId?: number) {
  const q = db
    .select({ id: organisations.id, name: organisations.name, place: organisations.place, projectId: organisations.projectId, projectTitle: projects.title })
    .from(organisations)
    .innerJoin(projects, eq(projects.id, organisations.projectId));
  return (projectId ? q.where(eq(organisations.projectId, projectId)) : q).orderBy(asc(projects.title), asc(organisations.name)).all();
}

export function listCaseProjects(db: Db, projectId?: number) {
  const q = db
    .select({
      id: caseProjects.id,
      name: caseProjects.name,
      programme: caseProjects.programme,
      place: caseProjects.place,
      organisationId: caseProjects.organisationId,
      organisationName: organisations.name,
      projectId: organisations.projectId,
    })
    .from(caseProjects)
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId));
  return (projectId ? q.where(eq(organisations.projectId, projectId)) : q).orderBy(asc(organisations.name), asc(caseProjects.name)).all();
}

/** The people of a project, by their organisation or case project. */
export function listProjectPeople(db: Db, projectId: number) {
  return db.all<{ id: number; name: string; role: string; active: number; unit: string }>(sql`
    select u.id, u.name, u.role, u.active, coalesce(cp.name, o.name, '') as unit
    from ${users} u
    left join ${caseProjects} cp on cp.id = u.case_project_id
    left join ${organisations} o on o.id = coalesce(cp.organisation_id, u.organisation_id)
    where o.project_id = ${projectId}
    order by u.role, u.name`);
}

/** Where a case lead or job specialist belongs: for home pages. */
export function describePlacement(db: Db, user: { organisationId: number | null; caseProjectId: number | null }) {
  if (user.caseProjectId) {
    return db
      .select({ caseProject: caseProjects.name, programme: caseProjects.programme, organisation: organisations.name, project: projects.title, projectSlug: projects.slug })
      .from(caseProjects)
      .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
      .innerJoin(projects, eq(projects.id, organisations.projectId))
      .where(eq(caseProjects.id, user.caseProjectId))
      .get();
  }
  if (user.organisationId) {
    const row = db
      .select({ organisation: organisations.name, project: projects.title, projectSlug: projects.slug })
      .from(organisations)
      .innerJoin(projects, eq(projects.id, organisations.projectId))
      .where(eq(organisations.id, user.organisationId))
      .get();
    return row ? { ...row, caseProject: null, programme: null } : undefined;
  }
  return undefined;
}

/** Job specialists of an organisation, for the case lead's home page. */
export function listOrganisationTeam(db: Db, organisationId: number) {
  return db
    .select({ id: users.id, name: users.name, active: users.active, caseProject: caseProjects.name, programme: caseProjects.programme })
    .from(users)
    .innerJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
    .where(eq(caseProjects.organisationId, organisationId))
    .orderBy(asc(users.name))
    .all();
}
