// A date input for values outside conform (the report form's effective date).

/** Form field of the effective date; never an instrument variable (those start with a letter).
 * Here, not in report-form.server.ts: the page renders it, and a .server module is empty in the browser. */
export const EFFECTIVE_DATE_FIELD = "_effectiveDate";

export function PlainDateField({
  id,
  name,
  label,
  hint,
  value,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  errors?: readonly string[];
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input id={id} name={name} type="date" defaultValue={value} required aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} />
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
