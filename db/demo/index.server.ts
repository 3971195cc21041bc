// `npm run cli -- demo` and the researcher's demo button. Idempotent: everything is found by its
// natural key (slug, names, e-mail) first, so a second run adds nothing. Later capabilities add
// their demo parts to `loadDemo`.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { caseProjects, organisations, projects, users } from "../schema";
import type { Db } from "../connection.server";
import { audit, auditAs } from "../../app/accounts/audit.server";
import { hashPassword } from "../../app/auth/password.server";
import { createCaseProject, createOrganisation, createProject } from "../../app/projects/projects.server";
import { loadLogDemo } from "./logs.server";
import { loadSurveyDemo } from "./survey.server";
import { loadReportDemo } from "./reports.server";
import { loadExchangeDemo } from "./exchanges.server";
import { loadCodingDemo } from "./coding.server";
import { loadPilotDemo } from "./pilots.server";
import { demoCaseLeads, demoJobSpecialists, demoOrganisations, demoProject, demoResearcher } from "./people";

export interface DemoResult {
  projectId: number;
  /** Passwords of the accounts made by this run, shown once. */
  created: { name: string; email: string; role: string; password: string }[];
}

function demoPassword() {
  return `demo-${crypto.randomBytes(6).toString("base64url")}`;
}

/**
 * `actorId`: who loads it (the researcher who pressed the button; null from the command line).
 * The audit log credits everything the load does to them, not to the demo's own researcher.
 */
export function loadDemo(db: Db, actorId: number | null = null): Promise<DemoResult> {
  return auditAs(actorId, () => load(db, actorId));
}

async function load(db: Db, actorId: number | null): Promise<DemoResult> {
  const created: DemoResult["created"] = [];
  const existing = db.select({ id: projects.id }).from(projects).where(eq(projects.slug, demoProject.slug)).get()?.id;
  const projectId = existing ?? createProject(db, demoProject, actorId);

  const caseProjectIds: number[] = [];
  const organisationIds: number[] = [];
  for (const org of demoOrganisations) {
    const orgId =
      db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.projectId, projectId), eq(organisations.name, org.name))).get()?.id ??
      createOrganisation(db, { projectId, name: org.name, place: org.place }, actorId);
    organisationIds.push(orgId);
    for (const cp of org.caseProjects) {
      caseProjectIds.push(
        db.select({ id: caseProjects.id }).from(caseProjects).where(and(eq(caseProjects.organisationId, orgId), eq(caseProjects.name, cp.name))).get()?.id ??
          createCaseProject(db, { organisationId: orgId, ...cp }, actorId),
      );
    }
  }

  const people = [
    { ...demoResearcher, role: "researcher" as const, organisationId: null, caseProjectId: null },
    ...demoCaseLeads.map((p) => ({ name: p.name, email: p.email, role: "case_lead" as const, organisationId: organisationIds[p.organisationIndex], caseProjectId: null })),
    ...demoJobSpecialists.map((p) => ({ name: p.name, email: p.email, role: "job_specialist" as const, organisationId: null, caseProjectId: caseProjectIds[p.caseProjectIndex] })),
  ];
  for (const person of people) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, person.email)).get()) continue;
    const password = demoPassword();
    db.insert(users).values({ ...person, passwordHash: await hashPassword(password) }).run();
    created.push({ name: person.name, email: person.email, role: person.role, password });
  }
  loadLogDemo(db, projectId);
  loadSurveyDemo(db, projectId);
  loadReportDemo(db, projectId);
  loadExchangeDemo(db, projectId);
  loadCodingDemo(db, projectId);
  loadPilotDemo(db);
  if (!existing || created.length) audit(db, actorId, "demo.loaded", `project:${projectId}`, { accounts: created.length });
  return { projectId, created };
}
