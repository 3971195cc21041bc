// The page of one export job (/exports/jobs/:id): how far it has come, refreshed by the page
// itself; once the package is made it leads on to the export's own page.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { eq } from "drizzle-orm";
import { getTranslator } from "~/i18n/locale.server";
import { projects } from "../../db/schema";
import { getJob, jobErrorMessage, type ExportJob } from "./jobs.server";

/** Progress as the page shows it: rows done of the rows there are, and the share. */
export function jobProgress(job: Pick<ExportJob, "doneRows" | "totalRows" | "phase">) {
  const total = job.totalRows ?? 0;
  return { phase: job.phase as "measure" | "write" | null, done: job.doneRows, total, percent: total > 0 ? Math.min(100, Math.floor((job.doneRows / total) * 100)) : 0 };
}

export async function loadJobPage(request: Request, context: AppLoadContext, params: { id?: string }) {
  await requireResearcher(request, context);
  const job = getJob(context.db, Number(params.id));
  if (!job) throw notFound();
  if (job.state === "done" && job.exportId) throw redirect(`/exports/${job.exportId}`);
  const { t } = await getTranslator(request, context);
  const project = context.db.select({ title: projects.title, slug: projects.slug }).from(projects).where(eq(projects.id, job.projectId)).get();
  return {
    id: job.id,
    state: job.state,
    dataset: job.dataset,
    format: job.format,
    project: project ?? null,
    actor: job.actorName,
    progress: jobProgress(job),
    error: job.error ? jobErrorMessage(t, job.error) : null,
    detail: job.state === "failed" ? (job.error?.detail ?? null) : null,
  };
}
