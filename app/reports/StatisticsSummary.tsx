// The headline of the statistics page: how many reports, how many in work, on which date, and
// how many participants are left out because they withdrew their consent.
import { useT } from "~/utils/i18n";
import type { StatisticsPage } from "./statistics-page.server";
import type { DisplayCell } from "./suppression";

function Figure({ cell }: { cell: DisplayCell }) {
  const t = useT();
  return cell.suppressed ? (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{t("reports.stats.hiddenCell")}</span>
    </>
  ) : (
    <>{cell.text}</>
  );
}

export function StatisticsSummary({ page }: { page: StatisticsPage }) {
  const t = useT();
  return (
    <dl className="facts rep-summary-facts">
      <dt>{t("reports.stats.asOfLabel")}</dt>
      <dd data-testid="as-of">{page.filters.asOf ?? t("reports.stats.latest")}</dd>
      <dt>{t("reports.stats.reports")}</dt>
      <dd data-testid="reports-count">
        <Figure cell={page.reports} />
      </dd>
      <dt>{t("reports.stats.inWork")}</dt>
      <dd data-testid="in-work">
        <Figure cell={page.inWork} />
        {page.inWork.percent ? ` (${page.inWork.percent})` : ""}
      </dd>
      <dt>{t("reports.stats.withdrawn")}</dt>
      <dd data-testid="withdrawn">
        <Figure cell={page.withdrawn} />
      </dd>
    </dl>
  );
}
