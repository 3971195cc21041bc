// Pieces shared by the survey pages of researchers and job specialists. Browser-safe.
import type { FieldMetadata } from "@conform-to/react";
import { CopyButton } from "~/components/CopyButton";
import { CheckboxField, TextAreaField, TextField } from "~/components/Field";
import type { TFunction } from "~/i18n/catalog";
import type { WaveStatus } from "./waves.server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

export function StatusTag({ status, t }: { status: WaveStatus; t: TFunction }) {
  return <span className={`tag survey-status survey-status--${status}`}>{t(`survey.status.${status}`)}</span>;
}

/** The fields a researcher sets on a wave (new and edit). */
export function WaveSettingsFields({
  fields,
  t,
}: {
  fields: Record<"title" | "infoNb" | "infoEn" | "contact" | "openDate" | "closeDate" | "minAnswers" | "targetedReminders", Meta>;
  t: TFunction;
}) {
  return (
    <>
      <TextField meta={fields.title} label={t("survey.form.title")} />
      <TextAreaField meta={fields.infoNb} label={t("survey.form.infoNb")} hint={t("survey.form.infoHint")} />
      <TextAreaField meta={fields.infoEn} label={t("survey.form.infoEn")} />
      <TextField meta={fields.contact} label={t("survey.form.contact")} hint={t("survey.form.contactHint")} required={false} />
      <div className="survey-dates">
        <TextField meta={fields.openDate} label={t("survey.form.openDate")} type="date" />
        <TextField meta={fields.closeDate} label={t("survey.form.closeDate")} type="date" />
      </div>
      <TextField meta={fields.minAnswers} label={t("survey.form.minAnswers")} hint={t("survey.form.minAnswersHint")} type="number" inputMode="numeric" />
      <CheckboxField meta={fields.targetedReminders} label={t("survey.form.targeted")} hint={t("survey.form.targetedHint")} />
    </>
  );
}

/** Plain text with blank lines as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/** A read-only text box to copy from: select and copy, or (with JavaScript) press the button. */
export function CopyBox({ id, label, copyLabel, value, rows = 8 }: { id: string; label: string; copyLabel: string; value: string; rows?: number }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="survey-copy" readOnly rows={rows} value={value} />
      <CopyButton target={id} label={copyLabel} />
    </div>
  );
}
