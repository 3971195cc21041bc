import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectPicker } from "~/components/ProjectPicker";
import { loadOverviewPage } from "~/exchanges/overview-page.server";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export const meta: MetaFunction = () => [{ title: "Tabell 3 og 4 – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadOverviewPage(args);

export default function ExchangeOverview() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/exchanges">← {t("exchanges.list.title")}</Link>
      </p>
      <h1>{t("exchanges.overview.title")}</h1>
      <p className="lead">{t("exchanges.overview.lead")}</p>
      <ProjectPicker id="overview-project" label={t("exchanges.field.project")} submit={t("exchanges.overview.show")} projects={data.projects} value={data.project?.slug} />
      {data.project ? <p className="muted">{data.project.title}</p> : <p>{t("home.noProjects")}</p>}
      {data.tables.map(({ audience, table, summary }) => (
        <section key={audience} aria-labelledby={`table-${audience}`} className="exchanges-overview">
          <h2 id={`table-${audience}`}>{table.title}</h2>
          <TableScroll label={table.title}>
            <table data-testid={`overview-${audience}`}>
              <thead>
                <tr>
                  {table.headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.id}>
                    {row.cells.map((cell, i) => (
                      <td key={i} className={i === 3 || i === 4 ? "num" : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="muted">
            {t(audience === "job_specialists" ? "exchanges.overview.summaryJs" : "exchanges.overview.summaryLeaders", {
              held: summary.held,
              planned: summary.planned,
              attendances: summary.attendances,
              full: summary.fullDays,
              half: summary.halfDays,
            })}
          </p>
          {data.project ? (
            <p className="actions no-print">
              <a href={`/exchanges/overview.csv?project=${data.project.slug}&audience=${audience}`} download>
                {t("exchanges.overview.downloadCsv", { table: t(audience === "job_specialists" ? "exchanges.overview.sheet3" : "exchanges.overview.sheet4") })}
              </a>
              <a href={`/exchanges/overview.xlsx?project=${data.project.slug}&audience=${audience}`} download>
                {t("exchanges.overview.downloadXlsx", { table: t(audience === "job_specialists" ? "exchanges.overview.sheet3" : "exchanges.overview.sheet4") })}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
