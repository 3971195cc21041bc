// The researchers' home-page panel: the way to the export centre and the audit log.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function ExportHomePanel({ role }: { role: string }) {
  const t = useT();
  if (role !== "researcher") return null;
  return (
    <section className="card export-home" aria-labelledby="export-home-heading">
      <h2 id="export-home-heading">{t("exports.home.heading")}</h2>
      <p>{t("exports.home.lead")}</p>
      <ul>
        <li>
          <Link to="/exports">{t("exports.home.centre")}</Link>
        </li>
        <li>
          <Link to="/audit">{t("exports.home.audit")}</Link>
        </li>
      </ul>
    </section>
  );
}
