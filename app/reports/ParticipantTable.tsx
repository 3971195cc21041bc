// The job specialist's participants: code, start, consent, the status that applies today, and
// whether a draft is waiting.
import { Link } from "@remix-run/react";
import { pick, type Localized } from "~/i18n/locale";
import { useLocale, useT } from "~/utils/i18n";
import type { OwnParticipantRow } from "./participants.server";
import { TableScroll } from "~/components/TableScroll";
import { formatDate, formatDateTime, formatMonth } from "~/i18n/dates";

export function ParticipantTable({
  participants,
  statusOptions,
}: {
  participants: readonly OwnParticipantRow[];
  statusOptions: readonly { code: number; label: Localized }[];
}) {
  const t = useT();
  const locale = useLocale();
  const status = (code: number) => {
    const option = statusOptions.find((o) => o.code === code);
    return option ? pick(option.label, locale) : String(code);
  };
  return (
    <TableScroll label={t("reports.list.caption")}>
      <table className="rep-participants">
        <caption>{t("reports.list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.list.code")}</th>
            <th scope="col">{t("reports.list.startMonth")}</th>
            <th scope="col">{t("reports.list.consent")}</th>
            <th scope="col">{t("reports.list.status")}</th>
            <th scope="col">{t("reports.list.effective")}</th>
            <th scope="col" className="num">
              {t("reports.list.versions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.code}>
              <th scope="row">
                <Link to={`/reports/${p.code}`} className="rep-code">
                  {p.code}
                </Link>
              </th>
              <td>{formatMonth(p.startMonth, locale)}</td>
              <td>{p.withdrawnDate ? <span className="tag rep-withdrawn">{t("reports.list.withdrawn", { date: formatDate(p.withdrawnDate, locale, "table") })}</span> : formatDate(p.consentDate, locale, "table")}</td>
              <td>
                {p.current ? status(p.current.status) : t("reports.list.noReport")}
                {p.draftUpdatedAt ? (
                  <>
                    {" "}
                    <span className="tag">{t("reports.list.draft", { time: formatDateTime(p.draftUpdatedAt, locale, "table") })}</span>
                  </>
                ) : null}
              </td>
              <td>{p.current ? formatDate(p.current.effectiveDate, locale, "table") : "–"}</td>
              <td className="num">{p.versions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
