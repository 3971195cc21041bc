// Tabell 3 and 4 of a project (/exchanges/overview) and their downloads as CSV and .xlsx.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exchangeAudiences, type ExchangeAudience } from "../../db/schema";
import { notFound, requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { getProjectBySlug, listProjects } from "~/projects/projects.server";
import { overviewCsv, overviewXlsx } from "./overview-files.server";
import { overviewRows, overviewTable, summarise } from "./overview.server";

export async function loadOverviewPage({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { locale, t } = await getTranslator(request, context);
  const projects = listProjects(context.db).map((p) => ({ slug: p.slug, title: p.title, id: p.id }));
  const wanted = new URL(request.url).searchParams.get("project");
  const project = projects.find((p) => p.slug === wanted) ?? projects[0];
  if (wanted && project?.slug !== wanted) throw notFound();
  const tables = project
    ? exchangeAudiences.map((audience) => {
        const rows = overviewRows(context.db, project.id, audience);
        return { audience, table: overviewTable(rows, audience, locale, t), summary: summarise(rows) };
      })
    : [];
  return { projects: projects.map(({ slug, title }) => ({ slug, title })), project: project ? { slug: project.slug, title: project.title } : null, tables };
}

const FILE_NAMES: Record<ExchangeAudience, string> = { job_specialists: "tabell-3-erfaringsutvekslinger-jobbspesialister", case_leads: "tabell-4-erfaringsutvekslinger-ledere" };

export async function overviewFile({ request, context }: LoaderFunctionArgs, format: "csv" | "xlsx"): Promise<Response> {
  await requireResearcher(request, context);
  const { locale, t } = await getTranslator(request, context);
  const url = new URL(request.url);
  const project = getProjectBySlug(context.db, url.searchParams.get("project") ?? "");
  const audience = exchangeAudiences.find((a) => a === url.searchParams.get("audience"));
  if (!project || !audience) throw notFound();
  const rows = overviewRows(context.db, project.id, audience);
  const name = `${FILE_NAMES[audience]}-${project.slug}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" };
  if (format === "csv") {
    return new Response(overviewCsv(rows, audience, locale, t), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  return new Response(await overviewXlsx(rows, audience, locale, t), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
