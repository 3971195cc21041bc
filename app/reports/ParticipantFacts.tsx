// The facts above each page about one participant, with links between those pages.
import { NavLink } from "@remix-run/react";
import { useT } from "~/utils/i18n";

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
  return (
    <>
      <dl className="facts">
        <dt>{t("reports.report.caseProject")}</dt>
        <dd>{participant.caseProject}</dd>
        <dt>{t("reports.report.startMonth")}</dt>
        <dd>{participant.startMonth}</dd>
        <dt>{t("reports.report.consent")}</dt>
        <dd>{participant.withdrawnDate ? `${participant.consentDate} · ${t("reports.list.withdrawn", { date: participant.withdrawnDate })}` : participant.consentDate}</dd>
        <dt>{t("reports.report.current")}</dt>
        <dd>{current ? t("reports.report.currentValue", { number: current.number, date: current.effectiveDate }) : t("reports.report.none")}</dd>
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
