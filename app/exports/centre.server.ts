// The export centre (/exports), for researchers only: choose project, data set, selection and
// format; preview the variables and what the anonymisation will do; make the package, as a job
// run off the request (jobs.server.ts, job-queue.server.ts). A form posted twice (same request
// key) gives the one job and package it made.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import type { MessageKey, TFunction } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { listProjects } from "~/projects/projects.server";
import { DATASETS, FORMATS, type DatasetId } from "./datasets";
import { formats } from "./formats/registry.server";
import { exportSchema, type ExportForm } from "./forms.server";
import { jobProgress } from "./job-page.server";
import { refusalOf } from "./job-runner.server";
import { createJob, getJob, jobErrorMessage, jobsForCentre, type ExportJobError } from "./jobs.server";
import { previewExport, type ExportPreview, type ExportRequest } from "./pipeline.server";
import { newRequestKey, recentExports } from "./records.server";
import { sources } from "./sources/registry.server";
import type { DatasetChoices } from "./sources/source.server";

const UNAVAILABLE: DatasetChoices = {
  available: false,
  unavailableReason: "exports.unavailable.noTables",
  months: null,
  caseProjects: [],
  waves: [],
  exchanges: [],
  usesPeriod: false,
  usesCases: false,
};

export const DATASET_TITLES: Record<DatasetId, MessageKey> = {
  log: "exports.dataset.log",
  "employer-survey": "exports.dataset.employer-survey",
  "participant-reports": "exports.dataset.participant-reports",
  "exchange-preparation": "exports.dataset.exchange-preparation",
  transcripts: "exports.dataset.transcripts",
};

function findProject(context: AppLoadContext, slug: string | null) {
  const all = listProjects(context.db);
  if (slug === null) return { all, project: all[0] ?? null };
  const project = all.find((p) => p.slug === slug);
  if (!project) throw notFound();
  return { all, project };
}

function datasetChoices(context: AppLoadContext, projectId: number) {
  return DATASETS.map((id) => {
    const source = sources[id];
    let choices = UNAVAILABLE;
    try {
      if (source) choices = source.choices(context.db, projectId);
    } catch {
      // A capability whose tables are not there yet (during a partial deploy): not available.
    }
    return { id, choices };
  });
}

/**
 * How long the form waits for its export (ms) before it shows the job's page instead: most exports
 * are done by then, and a request that cannot be exported (no rows) is refused at the fields.
 */
const WAIT_FOR_EXPORT_MS = 2_000;

/** The form as it was sent for a request (to show it again with why it was refused). */
function formValues(r: ExportRequest) {
  return {
    dataset: r.dataset,
    format: r.format,
    language: r.locale,
    pseudonyms: r.pseudonyms,
    dates: r.exactDates ? "exact" : "month",
    from: r.scope.from ?? "",
    to: r.scope.to ?? "",
    wave: r.scope.waveId ? String(r.scope.waveId) : "",
    cases: r.scope.caseProjectIds.map(String),
    exchanges: r.scope.exchangeIds.map(String),
  };
}

/**
 * The form of an export job that ended without a package (?job=N, from the job's page), with the
 * reason at its field: the same as when the form is refused at once.
 */
function formOfEndedJob(context: AppLoadContext, t: TFunction, jobId: string | null, projectId: number | undefined): SubmissionResult<string[]> | null {
  const job = jobId ? getJob(context.db, Number(jobId)) : undefined;
  if (!job?.error || job.projectId !== projectId || (job.state !== "refused" && job.state !== "failed")) return null;
  const message = jobErrorMessage(t, job.error);
  return { status: "error", initialValue: formValues(job.request), error: { [job.error.field ?? ""]: [message] } };
}

export async function loadCentre(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  // An export is likely now: have its worker thread load while the form is filled in.
  context.exportJobs.warm();
  const { t } = await getTranslator(request, context);
  const url = new URL(request.url);
  const { all, project } = findProject(context, url.searchParams.get("project"));
  return {
    projects: all.map((p) => ({ slug: p.slug, title: p.title })),
    project: project ? { slug: project.slug, title: project.title } : null,
    datasets: project ? datasetChoices(context, project.id) : [],
    formats: FORMATS.map((id) => ({ id, label: formats[id].label, description: formats[id].description })),
    requestKey: newRequestKey(),
    endedJob: formOfEndedJob(context, t, url.searchParams.get("job"), project?.id),
    jobs: jobsForCentre(context.db).map(({ done, total, phase, ...job }) => ({ ...job, progress: jobProgress({ doneRows: done, totalRows: total, phase }) })),
    recent: recentExports(context.db),
  };
}

function toRequest(projectId: number, v: ExportForm): ExportRequest {
  return {
    projectId,
    dataset: v.dataset,
    format: v.format,
    locale: v.language,
    pseudonyms: v.pseudonyms,
    exactDates: v.dates === "exact",
    scope: {
      from: v.from || null,
      to: v.to || null,
      caseProjectIds: v.cases,
      waveId: v.wave ?? null,
      exchangeIds: v.exchanges,
    },
  };
}

/** The form again with why its request cannot be exported, at the field or above the form. */
function refused(submission: { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> }, t: TFunction, error: ExportJobError) {
  const message = jobErrorMessage(t, error);
  const result = error.field ? submission.reply({ fieldErrors: { [error.field]: [message] } }) : submission.reply({ formErrors: [message] });
  return data({ result, preview: null }, { status: error.key === "exports.error.versions" ? 409 : 400 });
}

export async function centreAction(request: Request, context: AppLoadContext) {
  const user = await requireResearcher(request, context);
  const { t } = await getTranslator(request, context);
  const formData = await request.formData();
  const slug = formData.get("project");
  if (typeof slug !== "string" || slug === "") throw new Response("Bad Request", { status: 400 });
  const { project } = findProject(context, slug);
  if (!project) throw notFound();
  const submission = parseWithZod(formData, { schema: exportSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null as ExportPreview | null }, { status: 400 });
  const v = submission.value;

  const choices = datasetChoices(context, project.id).find((d) => d.id === v.dataset)!.choices;
  const fieldErrors: Record<string, string[]> = {};
  if (!choices.available) fieldErrors.dataset = [t(choices.unavailableReason ?? "exports.unavailable.noTables")];
  if (v.cases.some((id) => !choices.caseProjects.some((c) => c.id === id))) fieldErrors.cases = [t("exports.error.cases")];
  if (v.exchanges.some((id) => !choices.exchanges.some((e) => e.id === id))) fieldErrors.exchanges = [t("exports.error.exchanges")];
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), preview: null }, { status: 400 });

  const exportRequest = toRequest(project.id, v);
  if (v.intent === "export") {
    // Made off the request by the export queue; a second post of the form finds the same job.
    const queued = createJob(context.db, { requestKey: v.requestKey, request: exportRequest, actor: { id: user.id, name: user.name, via: "web" } });
    context.exportJobs.pump();
    const job = await context.exportJobs.settled(queued.id, WAIT_FOR_EXPORT_MS);
    if (job?.state === "done" && job.exportId) return redirect(`/exports/${job.exportId}`);
    if (job?.state === "refused" && job.error) return refused(submission, t, job.error);
    return redirect(`/exports/jobs/${queued.id}`);
  }
  try {
    return { result: submission.reply(), preview: await previewExport(context, exportRequest) };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refused(submission, t, refusal);
    throw error;
  }
}
