// The filters of the statistics page as a GET form (bookmarkable, no JavaScript needed): case
// project, programme and a status date from a list (see docs/decisions/statistics-disclosure.md
// for why there is no free date or start period). A value that could not be used says why next
// to the field.
import { Form, Link } from "@remix-run/react";
import { programmes } from "../../db/schema";
import { formatDate } from "~/i18n/dates";
import { useLocale, useT } from "~/utils/i18n";
import type { StatisticsPage } from "./statistics-page.server";

type Option = { value: string | number; label: string };

function FilterField({
  name,
  label,
  hint,
  error,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: Option[];
  all?: string;
}) {
  const id = `filter-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <select id={id} name={name} defaultValue={value} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function StatisticsFilterForm({ page }: { page: StatisticsPage }) {
  const t = useT();
  const locale = useLocale();
  const typed = page.typed;
  return (
    <Form method="get" className="rep-filters" role="search" aria-label={t("reports.stats.filters")}>
      {page.projects.length > 1 ? (
        <FilterField
          name="project"
          label={t("reports.stats.project")}
          value={page.filters.project ?? ""}
          error={page.errors.project}
          options={page.projects.map((p) => ({ value: p.slug, label: p.title }))}
        />
      ) : null}
      <FilterField
        name="case"
        label={t("reports.stats.case")}
        value={typed.case}
        error={page.errors.case}
        all={t("reports.stats.allCases")}
        options={page.caseProjects.map((c) => ({ value: c.id, label: c.name }))}
      />
      <FilterField
        name="programme"
        label={t("reports.stats.programme")}
        value={typed.programme}
        error={page.errors.programme}
        all={t("reports.stats.allProgrammes")}
        options={programmes.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
      />
      <FilterField
        name="asOf"
        label={t("reports.stats.asOf")}
        hint={t("reports.stats.asOfChoice")}
        value={page.filters.asOf ?? ""}
        error={page.errors.asOf}
        all={t("reports.stats.asOfLatest")}
        options={page.asOfDates.map((d) => ({ value: d, label: formatDate(d, locale) }))}
      />
      <div className="actions">
        <button type="submit">{t("reports.stats.apply")}</button>
        <Link to="/reports/statistics">{t("reports.stats.reset")}</Link>
      </div>
    </Form>
  );
}
