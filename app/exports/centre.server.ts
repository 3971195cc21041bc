// The export centre (/exports), for researchers only: choose project, data set, selection and
// format; preview the variables and what the anonymisation will do; make the package. A form
// posted twice (same request key) gives the one package it made.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import type { MessageKey } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { listProjects } from "~/projects/projects.server";
import { DATASETS, FORMATS, type DatasetId } from "./datasets";
import { formats } from "./formats/registry.server";
import { exportSchema, type ExportForm } from "./forms.server";
import { VersionConflict } from "./instrument-variables";
import { ExportError, createExport, previewExport, type ExportPreview, type ExportRequest } from "./pipeline.server";
import { expirePackages, newRequestKey, recentExports } from "./records.server";
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

export async function loadCentre(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  const url = new URL(request.url);
  const { all, project } = findProject(context, url.searchParams.get("project"));
  return {
    projects: all.map((p) => ({ slug: p.slug, title: p.title })),
    project: project ? { slug: project.slug, title: project.title } : null,
    datasets: project ? datasetChoices(context, project.id) : [],
    formats: FORMATS.map((id) => ({ id, label: formats[id].label, description: formats[id].description })),
    requestKey: newRequestKey(),
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
  try {
    if (v.intent === "preview") return { result: submission.reply(), preview: await previewExport(context, exportRequest) };
    const created = await createExport(context, exportRequest, { id: user.id, name: user.name, via: "web" }, { requestKey: v.requestKey });
    await expirePackages(context.db, context.config.dataDir);
    return redirect(`/exports/${created.id}`);
  } catch (error) {
    if (error instanceof ExportError) {
      const message = t(error.key as MessageKey);
      const reply = error.field ? submission.reply({ fieldErrors: { [error.field]: [message] } }) : submission.reply({ formErrors: [message] });
      return data({ result: reply, preview: null }, { status: 400 });
    }
    if (error instanceof VersionConflict) {
      return data({ result: submission.reply({ formErrors: [t("exports.error.versions", { problem: error.message })] }), preview: null }, { status: 409 });
    }
    throw error;
  }
}
