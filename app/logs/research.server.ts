// Researchers' pages: all submitted logs with filters (/logs), one person's month with its
// history and the reopen action (/logs/:userId/:month), and the compliance grid that case
// leads see too, limited to their organisation (/logs/compliance).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher, requireRole } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { complianceGrid, gridPeriod, gridProjects, projectOfOrganisation, setLogPeriod } from "./compliance.server";
import { periodSchema, reopenSchema } from "./forms.server";
import { logInstrument } from "./instrument.server";
import { isMonth } from "./months";
import { listMonthNotes } from "./notes.server";
import { filtersFromUrl, filtersToQuery, getJobSpecialist, listSubmittedNotes, researchFilterOptions } from "./reading.server";
import { countMonthNotes, getMonthState, monthEvents, reopenMonth } from "./submission.server";

export async function loadResearchLogs(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const filters = filtersFromUrl(url);
  const pageNo = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const result = listSubmittedNotes(context.db, filters, pageNo);
  return {
    instrument: logInstrument(context).form,
    filters,
    options: researchFilterOptions(context.db, filters.projectId ?? null),
    page: pageNo,
    pages: result.pages,
    total: result.total,
    rows: result.rows,
    prev: pageNo > 1 ? filtersToQuery(filters, { page: pageNo - 1 }) : null,
    next: pageNo < result.pages ? filtersToQuery(filters, { page: pageNo + 1 }) : null,
  };
}

function personMonth(context: AppLoadContext, params: { userId?: string; month?: string }) {
  const userId = Number(params.userId);
  const person = Number.isInteger(userId) && userId > 0 ? getJobSpecialist(context.db, userId) : undefined;
  if (!person || !isMonth(params.month)) throw notFound();
  return { person, month: params.month };
}

export async function loadPersonMonth(request: Request, context: AppLoadContext, params: { userId?: string; month?: string }) {
  await requireResearcher(request, context);
  const { person, month } = personMonth(context, params);
  const state = getMonthState(context.db, person.id, month);
  // Notes become readable for researchers once the month has been submitted.
  const readable = state.status !== "open";
  return {
    person,
    month,
    status: state.status,
    submittedAt: state.submittedAt ?? null,
    noteCount: countMonthNotes(context.db, person.id, month),
    notes: readable ? listMonthNotes(context.db, person.id, month) : [],
    events: monthEvents(context.db, person.id, month),
    instrument: logInstrument(context).form,
    notice: new URL(request.url).searchParams.get("notice") === "reopened" ? ("reopened" as const) : null,
  };
}

export async function personMonthAction(request: Request, context: AppLoadContext, params: { userId?: string; month?: string }) {
  const researcher = await requireResearcher(request, context);
  const { person, month } = personMonth(context, params);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  if (formData.get("intent") !== "reopen") throw new Response("Bad Request", { status: 400 });
  const submission = parseWithZod(formData, { schema: reopenSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = reopenMonth(context.db, researcher.id, person.id, month, submission.value.reason ?? "");
  if (outcome === "not-submitted") return data({ result: submission.reply({ formErrors: [t("logs.reopen.notSubmitted")] }) }, { status: 409 });
  return redirect(`/logs/${person.id}/${month}?notice=reopened`);
}

export async function loadCompliance(request: Request, context: AppLoadContext) {
  const user = await requireRole(request, context, "researcher", "case_lead");
  const url = new URL(request.url);
  const asked = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
  if (user.role === "case_lead") {
    const project = user.organisationId ? projectOfOrganisation(context.db, user.organisationId) : undefined;
    if (!project) return { role: user.role, projects: [], project: null, organisation: null, period: null, grid: null };
    const period = gridPeriod(project, asked);
    const grid = complianceGrid(context.db, { projectId: project.id, organisationId: user.organisationId }, period);
    return { role: user.role, projects: [], project, organisation: project.organisation, period, grid };
  }
  const projects = gridProjects(context.db);
  const project = projects.find((p) => p.slug === url.searchParams.get("project")) ?? projects.find((p) => p.logStart) ?? projects[0];
  if (!project) return { role: user.role, projects, project: null, organisation: null, period: null, grid: null };
  const period = gridPeriod(project, asked);
  return { role: user.role, projects, project, organisation: null, period, grid: complianceGrid(context.db, { projectId: project.id }, period) };
}

export async function complianceAction(request: Request, context: AppLoadContext) {
  const researcher = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  if (formData.get("intent") !== "set-period") throw new Response("Bad Request", { status: 400 });
  const project = gridProjects(context.db).find((p) => p.slug === formData.get("project"));
  if (!project) throw notFound();
  const submission = parseWithZod(formData, { schema: periodSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  setLogPeriod(context.db, researcher.id, project.id, submission.value);
  return redirect(`/logs/compliance?project=${project.slug}`);
}
