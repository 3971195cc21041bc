// The log's panel on the home page: the job specialist's reminder when last month is not
// submitted and the way to the log; the compliance grid for case leads and researchers.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { monthLabel } from "./months";

export interface LogPanelData {
  readonly currentMonth: string;
  readonly currentNotes: number;
  readonly lastMonth: string;
  readonly lastMonthNotes: number;
  readonly remind: boolean;
}

export function LogHomePanel({ role, panel }: { role: string; panel: LogPanelData | null }) {
  const t = useT();
  if (role === "job_specialist") {
    if (!panel) return null;
    return (
      <section aria-labelledby="log-panel-heading" className="card log-home">
        <h2 id="log-panel-heading">{t("logs.home.heading")}</h2>
        {panel.remind ? (
          <div className="notice notice--warn" role="status">
            <p>{t("logs.home.reminder", { month: monthLabel(t, panel.lastMonth), count: panel.lastMonthNotes })}</p>
            <p>
              <Link to={`/log?month=${panel.lastMonth}`}>{t("logs.home.reminderLink", { month: monthLabel(t, panel.lastMonth) })}</Link>
            </p>
          </div>
        ) : null}
        <p>{t("logs.home.thisMonth", { month: monthLabel(t, panel.currentMonth), count: panel.currentNotes })}</p>
        <p className="actions">
          <Link className="button" to="/log">
            {t("logs.home.write")}
          </Link>
          <Link to="/log/mine">{t("logs.nav.mine")}</Link>
        </p>
      </section>
    );
  }
  return (
    <p className="actions log-home">
      <Link to="/logs/compliance">{t("logs.home.compliance")}</Link>
      {role === "researcher" ? <Link to="/logs">{t("logs.home.readLogs")}</Link> : null}
    </p>
  );
}
