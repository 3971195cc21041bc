// The participant-report panel on the home page, per role.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import type { ReportsHomePanel as Panel } from "./home.server";
import { TableScroll } from "~/components/TableScroll";

export function ReportsHomePanel({ panel }: { panel: Panel | null }) {
  const t = useT();
  if (!panel) return null;
  if (panel.role === "researcher") {
    return (
      <p>
        <Link to="/reports/statistics">{t("reports.home.researcher")}</Link>
      </p>
    );
  }
  return (
    <section className="card rep-home" aria-labelledby="reports-home-heading">
      <h2 id="reports-home-heading">{t("reports.home.heading")}</h2>
      {panel.role === "job_specialist" ? (
        <>
          <p>{t("reports.home.js", { participants: panel.participants, reported: panel.reported, drafts: panel.drafts })}</p>
          <p>
            <Link to="/reports">{t("reports.home.open")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("reports.home.leadIntro")}</p>
          {panel.team.length ? (
            <TableScroll label={t("reports.home.caption")}>
              <table>
                <caption className="visually-hidden">{t("reports.home.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.home.js.col")}</th>
                    <th scope="col" className="num">
                      {t("reports.home.participants")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.home.reported")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.home.drafts")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {panel.team.map((m) => (
                    <tr key={m.name}>
                      <th scope="row">{m.name}</th>
                      <td className="num">{m.participants}</td>
                      <td className="num">{m.reported}</td>
                      <td className="num">{m.participants - m.reported}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>{t("reports.home.leadNone")}</p>
          )}
        </>
      )}
    </section>
  );
}
