import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateText, StatusTag, exchangeTitle } from "~/exchanges/ExchangeParts";
import { loadListPage } from "~/exchanges/list-page.server";
import { hoursLabel } from "~/exchanges/timing";
import { useLocale, useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";

export const meta: MetaFunction = () => [{ title: "Erfaringsutvekslinger – Medforsker" }];

export const loader = (args: LoaderFunctionArgs) => loadListPage(args);

export default function Exchanges() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("exchanges.list.title")}</h1>
      {data.researcher ? <ResearcherList data={data} /> : <InvitedList data={data} />}
    </>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function ResearcherList({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="lead">{t("exchanges.list.researcherLead")}</p>
      <p className="actions">
        <Link className="button" to="/exchanges/new">
          {t("exchanges.new.title")}
        </Link>
        <Link to="/exchanges/overview">{t("exchanges.overview.title")}</Link>
      </p>
      {data.projects.map((project) => (
        <section key={project.id} aria-labelledby={`project-${project.id}`}>
          <h2 id={`project-${project.id}`}>{project.title}</h2>
          {(["job_specialists", "case_leads"] as const).map((audience) => {
            const list = data.exchanges.filter((e) => e.projectId === project.id && e.audience === audience);
            return (
              <section key={audience} aria-labelledby={`series-${project.id}-${audience}`}>
                <h3 id={`series-${project.id}-${audience}`}>{t(`exchanges.series.${audience}`)}</h3>
                {list.length ? (
                  <TableScroll label={`${project.title}: ${t(`exchanges.series.${audience}`)}`}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t("exchanges.overview.col.number")}</th>
                          <th scope="col">{t("exchanges.field.date")}</th>
                          <th scope="col">{t("exchanges.field.length")}</th>
                          <th scope="col">{t("exchanges.field.theme")}</th>
                          <th scope="col">{t("exchanges.field.status")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {list.map((e) => (
                          <tr key={e.id}>
                            <td>{e.number}</td>
                            <td>
                              <DateText date={e.date} approximate={e.dateIsApproximate} style="table" />
                            </td>
                            <td>{hoursLabel(e.timing, locale, t)}</td>
                            <td>
                              <Link to={`/exchanges/${e.id}/plan`}>{e.theme}</Link>
                            </td>
                            <td>
                              <StatusTag status={e.status} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                ) : (
                  <p className="muted">{t("exchanges.list.none")}</p>
                )}
                <p>
                  <Link to={`/exchanges/new?project=${project.slug}&audience=${audience}`}>{t(`exchanges.list.planNext.${audience}`)}</Link>
                </p>
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}

function InvitedList({ data }: { data: Data }) {
  const t = useT();
  if (!data.placed) return <p>{t("home.noPlacement")}</p>;
  const row = (e: Data["upcoming"][number]) => (
    <li key={e.id} className="card">
      <h3>
        <Link to={`/exchanges/${e.id}`}>{exchangeTitle(t, e)}</Link>
      </h3>
      <p>
        <DateText date={e.date} approximate={e.dateIsApproximate} /> <StatusTag status={e.status} />
      </p>
      <p>{e.theme}</p>
      <p className="muted">
        {e.coming === null ? t("exchanges.reply.none") : e.coming ? t("exchanges.reply.yes") : t("exchanges.reply.no")}
        {" · "}
        {e.submittedAt ? t("exchanges.prepState.sent") : e.draftSavedAt ? t("exchanges.prepState.draft") : t("exchanges.prepState.none")}
      </p>
    </li>
  );
  return (
    <>
      <p className="lead">{t("exchanges.list.invitedLead")}</p>
      <h2>{t("exchanges.list.upcoming")}</h2>
      {data.upcoming.length ? <ul className="cards">{data.upcoming.map(row)}</ul> : <p>{t("exchanges.list.noUpcoming")}</p>}
      <h2>{t("exchanges.list.earlier")}</h2>
      {data.earlier.length ? <ul className="cards">{data.earlier.map(row)}</ul> : <p>{t("exchanges.list.noEarlier")}</p>}
    </>
  );
}
