// The job specialist's survey panel on the home page (data from home.server.ts), and the
// researcher's link to the survey waves.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { StatusTag } from "./components";
import type { WaveStatus } from "./waves.server";

interface PanelWave {
  id: number;
  title: string;
  status: WaveStatus;
  issued: number;
  used: number;
}

export function SurveyHomePanel({ panel }: { panel: { waves: PanelWave[] } | null }) {
  const t = useT();
  if (!panel) return null;
  return (
    <section aria-labelledby="survey-panel-heading" className="survey-panel">
      <h2 id="survey-panel-heading">{t("survey.home.title")}</h2>
      {panel.waves.length === 0 ? (
        <p>{t("survey.home.none")}</p>
      ) : (
        <ul className="cards">
          {panel.waves.map((w) => (
            <li key={w.id} className="card">
              <h3>
                <Link to={`/waves/${w.id}`}>{w.title}</Link>
              </h3>
              <p>
                <StatusTag status={w.status} t={t} />
              </p>
              <p>{t("survey.home.linksUsed", { used: w.used, issued: w.issued })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SurveyResearcherLink() {
  const t = useT();
  return <Link to="/waves">{t("survey.home.researcherLink")}</Link>;
}
