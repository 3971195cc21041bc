// Job specialists: every saved version of a report, with its date and what changed, and one
// version in full (?v=<number>; default the one that applies today).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { getTranslator } from "~/i18n/locale.server";
import { ownParticipantOr404, participantFacts } from "~/reports/participant-page.server";
import { ParticipantFacts } from "~/reports/ParticipantFacts";
import { VersionAnswers } from "~/reports/VersionAnswers";
import { versionsPage } from "~/reports/versions-page.server";
import { useT } from "~/utils/i18n";
import { TableScroll } from "~/components/TableScroll";
import { DateText, TimeText } from "~/components/DateTime";

export const meta: MetaFunction = () => [{ title: "Versjoner – Medforsker" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, "job_specialist");
  const participant = ownParticipantOr404(context.db, user.id, params.code);
  const { t, locale } = await getTranslator(request, context);
  const wanted = Number(new URL(request.url).searchParams.get("v"));
  return { participant: participantFacts(context.db, participant), ...versionsPage(context, participant.id, wanted, locale, t) };
}

export default function ReportVersions() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("reports.versions.title", { code: page.participant.code })}</h1>
      <p className="lead">{t("reports.versions.lead")}</p>
      <ParticipantFacts participant={page.participant} current={page.current} versionCount={page.rows.length} />
      {page.rows.length === 0 ? (
        <p>{t("reports.versions.empty")}</p>
      ) : (
        <TableScroll label={t("reports.versions.caption")}>
          <table className="rep-versions">
            <caption>{t("reports.versions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.versions.number")}</th>
                <th scope="col">{t("reports.versions.effective")}</th>
                <th scope="col">{t("reports.versions.saved")}</th>
                <th scope="col">{t("reports.versions.status")}</th>
                <th scope="col">{t("reports.versions.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {[...page.rows].reverse().map((row) => (
                <tr key={row.number} aria-current={page.selected?.number === row.number ? "true" : undefined}>
                  <th scope="row">
                    <Link to={`?v=${row.number}`} aria-label={t("reports.versions.show", { number: row.number })}>
                      {row.number}
                    </Link>{" "}
                    {row.current ? <span className="muted">{t("reports.versions.current")}</span> : null}
                  </th>
                  <td>
                    <DateText date={row.effectiveDate} style="table" />
                  </td>
                  <td>
                    <TimeText at={row.savedAt} style="table" />
                  </td>
                  <td>{row.status}</td>
                  <td>{row.changes === null ? t("reports.versions.first") : row.changes.length ? row.changes.join(", ") : t("reports.versions.noChanges")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {page.selected ? <VersionAnswers version={page.selected} /> : null}
    </>
  );
}
