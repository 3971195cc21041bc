// The home page's note to a job specialist or case lead who is invited to pilot a form.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function PilotHomePanel({ pilots }: { pilots: readonly { id: number; title: string; submittedAt: number | null }[] }) {
  const t = useT();
  if (pilots.length === 0) return null;
  return (
    <section className="card" aria-labelledby="pilots-home-heading">
      <h2 id="pilots-home-heading">{t("pilots.home")}</h2>
      <p>{t("pilots.homeLead")}</p>
      <ul>
        {pilots.map((p) => (
          <li key={p.id}>
            <Link to={`/pilots/${p.id}`}>{p.title}</Link>
            {p.submittedAt !== null ? <span className="tag">{t("pilots.answered")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
