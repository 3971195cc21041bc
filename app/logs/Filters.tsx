// GET filter forms (they work without JavaScript): step, month and text for everyone, plus
// case, programme and person for researchers.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { pick } from "~/i18n/locale";
import { SE_STEPS } from "~/instruments/se-steps";
import { useLocale, useT } from "~/utils/i18n";
import { monthLabel } from "./months";

type Option = { value: string | number; label: string };

export function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value: string | number | null | undefined; options: Option[]; all: string }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NoteFilterForm({
  filters,
  months,
  children,
}: {
  filters: { step?: number | null; month?: string | null; q?: string | null };
  months: readonly string[];
  children?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="get" className="log-filters" role="search" aria-label={t("logs.filters.label")}>
      {children}
      <FilterSelect name="step" label={t("logs.filters.step")} value={filters.step} all={t("logs.filters.allSteps")} options={SE_STEPS.map((s) => ({ value: s.code, label: pick(s.label, locale) }))} />
      <FilterSelect name="month" label={t("logs.filters.month")} value={filters.month} all={t("logs.filters.allMonths")} options={months.map((m) => ({ value: m, label: monthLabel(t, m) }))} />
      <div className="field">
        <label htmlFor="filter-q">{t("logs.filters.q")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} />
      </div>
      <div className="actions">
        <button type="submit">{t("logs.filters.apply")}</button>
      </div>
    </Form>
  );
}
