// Researchers: descriptive statistics of the participant reports, filterable by project, case
// project, programme, start period and status date (a GET form: works without JavaScript).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireResearcher } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { StatisticsFilterForm } from "~/reports/StatisticsFilterForm";
import { statisticsPage } from "~/reports/statistics-page.server";
import { StatisticsSummary } from "~/reports/StatisticsSummary";
import { StatisticsTable } from "~/reports/StatisticsTable";
import { useT } from "~/utils/i18n";
import type { MessageKey } from "~/i18n/catalog";

export const meta: MetaFunction = () => [{ title: "Individstatistikk – Medforsker" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireResearcher(request, context);
  const { t, locale } = await getTranslator(request, context);
  return statisticsPage(context, new URL(request.url), t, locale);
}

export default function ReportStatistics() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  if (!page.project) {
    return (
      <>
        <h1>{t("reports.stats.title")}</h1>
        <p>{t("reports.stats.noProject")}</p>
      </>
    );
  }
  const k = page.project.minCellSize;
  return (
    <>
      <h1>{t("reports.stats.title")}</h1>
      <p className="lead">{t("reports.stats.lead", { k })}</p>
      <p className="notice notice--warn">{t("reports.stats.caveat")}</p>
      <StatisticsFilterForm page={page} />
      <StatisticsSummary page={page} />
      {page.reports.text === "0" ? (
        <p>{t("reports.stats.none")}</p>
      ) : (
        <>
          <nav aria-labelledby="rep-contents" className="rep-contents">
            <h2 id="rep-contents">{t("reports.stats.contents")}</h2>
            <ul>
              {page.tables.map((table) => (
                <li key={table.id}>
                  <a href={`#${table.id}`}>{t(`reports.table.${table.id}` as MessageKey)}</a>
                </li>
              ))}
            </ul>
          </nav>
          {page.tables.map((table) => (
            <StatisticsTable key={table.id} table={table} k={k} />
          ))}
        </>
      )}
    </>
  );
}
