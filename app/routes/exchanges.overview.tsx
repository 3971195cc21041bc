import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { loadOverviewPage } from "~/exchanges/overview-page.server";
import { useT } from "~/utils/i18n";

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
      {data.projects.length > 1 ? (
        <Form method="get" className="exchanges-project-pick no-print">
          <div className="field">
            <label htmlFor="overview-project">{t("exchanges.field.project")}</label>
            <select id="overview-project" name="project" defaultValue={data.project?.slug}>
              {data.projects.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button--secondary">
            {t("exchanges.overview.show")}
          </button>
        </Form>
      ) : null}
      {data.project ? <p className="muted">{data.project.title}</p> : <p>{t("home.noProjects")}</p>}
      {data.tables.map(({ audience, table, summary }) => (
        <section key={audience} aria-labelledby={`table-${audience}`} className="exchanges-overview">
          <h2 id={`table-${audience}`}>{table.title}</h2>
          <div className="table-wrap">
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
          </div>
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
