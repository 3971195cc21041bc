// The fields of an exchange shared by the "new" and "plan" pages.
import type { FieldMetadata } from "@conform-to/react";
import { exchangeDayKinds, exchangeStatuses } from "../../db/schema/exchanges";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/Field";
import { useT } from "~/utils/i18n";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

/** Conform's field metadata of the form, by field name. */
type DetailsFields = Record<string, Meta>;

/** The facts of an exchange: number, date and times, place, theme, status, deadline, overrides. */
export function ExchangeDetailsFields({ fields, numberHint }: { fields: DetailsFields; numberHint?: string }) {
  const t = useT();
  const overridden = !!(fields.hoursOverride.initialValue || fields.dayKindOverride.initialValue || fields.hoursOverride.errors || fields.dayKindOverride.errors);
  return (
    <>
      <TextField meta={fields.number} label={t("exchanges.field.number")} hint={numberHint} type="number" inputMode="numeric" required={!numberHint} />
      <TextField meta={fields.date} label={t("exchanges.field.date")} type="date" />
      <CheckboxField meta={fields.dateIsApproximate} label={t("exchanges.field.approximate")} hint={t("exchanges.field.approximateHint")} />
      <fieldset className="exchanges-times">
        <legend>{t("exchanges.field.time")}</legend>
        <p className="hint">{t("exchanges.field.timeHint")}</p>
        <TextField meta={fields.startTime} label={t("exchanges.field.start")} type="time" required={false} />
        <TextField meta={fields.endTime} label={t("exchanges.field.end")} type="time" required={false} />
      </fieldset>
      <details className="exchanges-override" open={overridden}>
        <summary>{t("exchanges.field.override")}</summary>
        <p className="hint">{t("exchanges.field.overrideHint")}</p>
        <TextField meta={fields.hoursOverride} label={t("exchanges.field.hoursOverride")} inputMode="text" required={false} />
        <SelectField
          meta={fields.dayKindOverride}
          label={t("exchanges.field.dayKindOverride")}
          placeholder={t("exchanges.field.computed")}
          required={false}
          options={exchangeDayKinds.map((k) => ({ value: k, label: t(`exchanges.dayKindOption.${k}`) }))}
        />
      </details>
      <TextField meta={fields.place} label={t("exchanges.field.place")} required={false} />
      <TextAreaField meta={fields.theme} label={t("exchanges.field.theme")} hint={t("exchanges.field.themeHint")} />
      <TextAreaField meta={fields.description} label={t("exchanges.field.description")} hint={t("exchanges.field.descriptionHint")} required={false} />
      <SelectField meta={fields.status} label={t("exchanges.field.status")} options={exchangeStatuses.map((s) => ({ value: s, label: t(`exchanges.status.${s}`) }))} />
      <TextField meta={fields.preparationDeadline} label={t("exchanges.field.deadline")} hint={t("exchanges.field.deadlineHint")} type="date" required={false} />
    </>
  );
}
