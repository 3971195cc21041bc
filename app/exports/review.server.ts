// The researcher's review of the redactions proposed for a data set (/exports/review): what the
// scrubber would remove, with examples in context, and a list of extra terms to redact from then
// on. Every saved review is kept (export_reviews) and recorded in the audit log; exports of the
// data set use the latest one and name it in their manifest.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { and, desc, eq, sql } from "drizzle-orm";
import { audit } from "~/accounts/audit.server";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import type { MessageKey } from "~/i18n/catalog";
import { getTranslator } from "~/i18n/locale.server";
import { listProjects } from "~/projects/projects.server";
import { type Db, writeTransaction } from "../../db/connection.server";
import { exportReviews, nameDecisions, users } from "../../db/schema";
import { nameTerm } from "./anonymise/scrub";
import { DATASETS, isDataset, type DatasetId } from "./datasets";
import { nameDecisionSchema, reviewSchema } from "./forms.server";
import { ExportError, proposeRedactions, sourceOf, type ProposedRedactions } from "./pipeline.server";
import { newRequestKey } from "./records.server";

function reviewTarget(context: AppLoadContext, url: URL) {
  const projects = listProjects(context.db);
  const slug = url.searchParams.get("project");
  const project = slug ? projects.find((p) => p.slug === slug) : projects[0];
  const datasetParam = url.searchParams.get("dataset") ?? "log";
  if (!project || !isDataset(datasetParam)) throw notFound();
  return { projects, project, dataset: datasetParam as DatasetId };
}

export function reviewHistory(db: Db, projectId: number, dataset: string) {
  return db
    .select({ id: exportReviews.id, at: exportReviews.createdAt, reviewer: users.name, terms: exportReviews.terms, proposed: exportReviews.proposed, note: exportReviews.note })
    .from(exportReviews)
    .leftJoin(users, eq(users.id, exportReviews.reviewerId))
    .where(and(eq(exportReviews.projectId, projectId), eq(exportReviews.dataset, dataset)))
    .orderBy(desc(exportReviews.id))
    .limit(10)
    .all();
}

function waveOf(context: AppLoadContext, url: URL, projectId: number, dataset: DatasetId): number | null {
  const asked = Number(url.searchParams.get("wave"));
  if (Number.isSafeInteger(asked) && asked > 0) return asked;
  if (dataset !== "employer-survey") return null;
  const waves = sourceOf(dataset).choices(context.db, projectId).waves.filter((w) => w.closed && w.answers > 0);
  return waves.length ? waves[waves.length - 1].id : null;
}

export async function loadReview(request: Request, context: AppLoadContext) {
  await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  const url = new URL(request.url);
  const { projects, project, dataset } = reviewTarget(context, url);
  const waveId = waveOf(context, url, project.id, dataset);
  let proposed: ProposedRedactions | null = null;
  let problem: string | null = null;
  try {
    sourceOf(dataset);
    proposed = await proposeRedactions(context, {
      projectId: project.id,
      dataset,
      format: "csv",
      locale,
      pseudonyms: "stable",
      exactDates: false,
      scope: { from: null, to: null, caseProjectIds: [], waveId, exchangeIds: [] },
    });
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    problem = t(error.key as MessageKey);
  }
  const history = reviewHistory(context.db, project.id, dataset);
  return {
    projects: projects.map((p) => ({ slug: p.slug, title: p.title })),
    project: { slug: project.slug, title: project.title },
    dataset,
    datasets: DATASETS,
    waveId,
    proposed,
    problem,
    terms: history[0]?.terms ?? [],
    history,
    requestKey: newRequestKey(),
    saved: url.searchParams.get("saved") === "1",
    decided: url.searchParams.get("decided") === "1",
  };
}

export async function reviewAction(request: Request, context: AppLoadContext) {
  const user = await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  const url = new URL(request.url);
  const { project, dataset } = reviewTarget(context, url);
  const form = await request.formData();
  if (form.get("intent") === "decide") return decideName(context, user.id, project, dataset, url, form, t);
  const submission = parseWithZod(form, { schema: reviewSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { requestKey, terms, note } = submission.value;
  // What was proposed at the time of the review is kept with it.
  let proposed: Record<string, number> = {};
  try {
    proposed = {
      ...(
        await proposeRedactions(
          context,
          { projectId: project.id, dataset, format: "csv", locale, pseudonyms: "stable", exactDates: false, scope: { from: null, to: null, caseProjectIds: [], waveId: waveOf(context, url, project.id, dataset), exchangeIds: [] } },
          0,
        )
      ).counts,
    };
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
  }
  writeTransaction(context.db, (tx) => {
    const inserted = tx
      .insert(exportReviews)
      .values({ projectId: project.id, dataset, reviewerId: user.id, requestKey, terms, proposed, note: note ?? "" })
      .onConflictDoNothing()
      .returning({ id: exportReviews.id })
      .all();
    if (inserted.length) audit(tx, user.id, "export.review_saved", `export_review:${inserted[0].id}`, { projectId: project.id, dataset, terms: terms.length, proposed });
  });
  const back = new URLSearchParams({ project: project.slug, dataset, saved: "1" });
  const wave = url.searchParams.get("wave");
  if (wave) back.set("wave", wave);
  return redirect(`/exports/review?${back}`);
}

/** Confirms or rejects one found name for the whole project (the latest decision wins). */
function decideName(
  context: AppLoadContext,
  userId: number,
  project: { id: number; slug: string },
  dataset: DatasetId,
  url: URL,
  form: FormData,
  t: Awaited<ReturnType<typeof getTranslator>>["t"],
) {
  const submission = parseWithZod(form, { schema: nameDecisionSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const term = nameTerm(submission.value.term);
  const { decision } = submission.value;
  writeTransaction(context.db, (tx) => {
    tx.insert(nameDecisions)
      .values({ projectId: project.id, term, decision, reviewerId: userId })
      .onConflictDoUpdate({ target: [nameDecisions.projectId, nameDecisions.term], set: { decision, reviewerId: userId, decidedAt: sql`(unixepoch())` } })
      .run();
    audit(tx, userId, "export.name_decided", `project:${project.id}`, { projectId: project.id, decision, dataset });
  });
  const back = new URLSearchParams({ project: project.slug, dataset, decided: "1" });
  const wave = url.searchParams.get("wave");
  if (wave) back.set("wave", wave);
  return redirect(`/exports/review?${back}#names`);
}
