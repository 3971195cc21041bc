// One saved version in full: every question with its answer, section by section.
import { useLocale, useT } from "~/utils/i18n";
import type { AnswerSection } from "./answers-view.server";
import { formatDate } from "~/i18n/dates";

export function VersionAnswers({ version }: { version: { number: number; effectiveDate: string; sections: readonly AnswerSection[] } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="version-heading" className="rep-version">
      <h2 id="version-heading">{t("reports.versions.showing", { number: version.number, date: formatDate(version.effectiveDate, locale) })}</h2>
      {version.sections.map((section, i) => (
        <section key={i} aria-labelledby={`version-section-${i}`}>
          <h3 id={`version-section-${i}`}>{section.title}</h3>
          <dl className="rep-answers">
            {section.answers.map((a) => (
              <div key={a.name}>
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
