// The facts above each page about one participant, with links between those pages.
import { NavLink } from "@remix-run/react";
import { useLocale, useT } from "~/utils/i18n";
import { formatDate, formatMonth } from "~/i18n/dates";

export interface FactsParticipant {
  readonly code: string;
  readonly startMonth: string;
  readonly consentDate: string;
  readonly withdrawnDate: string | null;
  readonly caseProject: string;
}

export function ParticipantFacts({
  participant,
  current,
  versionCount,
}: {
  participant: FactsParticipant;
  current: { number: number; effectiveDate: string } | null;
  versionCount: number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dl className="facts">
        <dt>{t("reports.report.caseProject")}</dt>
        <dd>{participant.caseProject}</dd>
        <dt>{t("reports.report.startMonth")}</dt>
        <dd>{formatMonth(participant.startMonth, locale)}</dd>
        <dt>{t("reports.report.consent")}</dt>
        <dd>
          {formatDate(participant.consentDate, locale)}
          {participant.withdrawnDate ? ` · ${t("reports.list.withdrawn", { date: formatDate(participant.withdrawnDate, locale) })}` : null}
        </dd>
        <dt>{t("reports.report.current")}</dt>
        <dd>{current ? t("reports.report.currentValue", { number: current.number, date: formatDate(current.effectiveDate, locale) }) : t("reports.report.none")}</dd>
      </dl>
      <ul className="rep-links">
        <li>
          <NavLink to={`/reports/${participant.code}`} end>{t("reports.report.title", { code: participant.code })}</NavLink>
        </li>
        <li>
          <NavLink to={`/reports/${participant.code}/versions`}>{t("reports.report.versionsLink", { count: versionCount })}</NavLink>
        </li>
        <li>
          <NavLink to={`/reports/${participant.code}/consent`}>{t("reports.report.consentLink")}</NavLink>
        </li>
      </ul>
    </>
  );
}
