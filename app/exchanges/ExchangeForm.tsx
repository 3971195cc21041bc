// Form controls of the exchange pages that app/components/Field.tsx does not have (time,
// checkbox), and the fields of an exchange shared by the "new" and "plan" pages.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { exchangeDayKinds, exchangeStatuses } from "../../db/schema/exchanges";
import { SelectField, TextAreaField, TextField } from "~/components/Field";
import { useT } from "~/utils/i18n";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

function describedBy(meta: Meta, hint?: ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorText({ meta }: { meta: Meta }) {
  return meta.errors?.length ? (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.join(" ")}
    </p>
  ) : null;
}

export function TimeField({ meta, label, hint }: { meta: Meta; label: ReactNode; hint?: ReactNode }) {
  const props = getInputProps(meta, { type: "time", ariaDescribedBy: describedBy(meta, hint) });
  return (
    <div className="field exchanges-time">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input {...props} key={props.key} />
      <ErrorText meta={meta} />
    </div>
  );
}

export function CheckboxField({ meta, label, hint }: { meta: Meta; label: ReactNode; hint?: ReactNode }) {
  const props = getInputProps(meta, { type: "checkbox", ariaDescribedBy: describedBy(meta, hint) });
  return (
    <div className="field exchanges-check">
      <input {...props} key={props.key} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorText meta={meta} />
    </div>
  );
}

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
        <TimeField meta={fields.startTime} label={t("exchanges.field.start")} />
        <TimeField meta={fields.endTime} label={t("exchanges.field.end")} />
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
