// Survey waves: researchers see every wave with its response rate; a job specialist sees the
// waves of their own project with how many of their own links are used.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { StatusTag } from "~/survey/components";
import { spentKeyFor } from "~/survey/keys.server";
import { specialistWaves } from "~/survey/links.server";
import { listWaves, percent } from "~/survey/waves.server";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";
import { DateRange } from "~/components/DateTime";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "researcher", "job_specialist");
  if (user.role === "researcher") {
    return { role: "researcher" as const, waves: listWaves(context.db).map((w) => ({ ...w, rate: percent(w.answers, w.links) })), own: [] };
  }
  return { role: "job_specialist" as const, waves: [], own: specialistWaves(context.db, spentKeyFor(context.secrets.pseudonymKey), user) };
}

export default function Waves() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (data.role === "job_specialist") {
    return (
      <>
        <h1>{t("survey.navSpecialist")}</h1>
        <p className="lead">{t("survey.waves.specialistLead")}</p>
        {data.own.length === 0 ? (
          <p>{t("survey.home.none")}</p>
        ) : (
          <ul className="cards">
            {data.own.map((w) => (
              <li key={w.id} className="card">
                <h2>
                  <Link to={`/waves/${w.id}`}>{w.title}</Link>
                </h2>
                <p>
                  <StatusTag status={w.status} t={t} /> <DateRange from={w.openDate} to={w.closeDate} />
                </p>
                <p>{t("survey.home.linksUsed", { used: w.used, issued: w.issued })}</p>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <>
      <h1>{t("survey.waves.title")}</h1>
      <p className="lead">{t("survey.waves.lead")}</p>
      <p>
        <Link className="button" to="/waves/new">
          {t("survey.waves.new")}
        </Link>
      </p>
      {data.waves.length === 0 ? (
        <p>{t("survey.waves.none")}</p>
      ) : (
        <TableScroll label={t("survey.waves.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("survey.form.title")}</th>
                <th scope="col">{t("survey.waves.project")}</th>
                <th scope="col">{t("survey.waves.period")}</th>
                <th scope="col">{t("survey.waves.status")}</th>
                <th scope="col" className="num">
                  {t("survey.waves.links")}
                </th>
                <th scope="col" className="num">
                  {t("survey.waves.answers")}
                </th>
                <th scope="col" className="num">
                  {t("survey.waves.rate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.waves.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/waves/${w.id}`}>{w.title}</Link>
                  </td>
                  <td>{w.project}</td>
                  <td>
                    <DateRange from={w.openDate} to={w.closeDate} style="table" />
                  </td>
                  <td>
                    <StatusTag status={w.status} t={t} />
                  </td>
                  <td className="num">{w.links}</td>
                  <td className="num">{w.answers}</td>
                  <td className="num">{w.rate === null ? "–" : `${w.rate} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
