// Form controls of the report pages that Field.tsx does not have: a checkbox with its error,
// and a date input for values outside conform (the report form's effective date).
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function CheckboxField({ meta, label }: { meta: FieldMetadata<any, any, string[]>; label: ReactNode }) {
  const props = getInputProps(meta, { type: "checkbox", value: "on", ariaDescribedBy: meta.errors?.length ? meta.errorId : undefined });
  return (
    <div className="field rep-checkbox">
      <input {...props} key={props.key} />
      <label htmlFor={meta.id}>{label}</label>
      {meta.errors?.length ? (
        <p className="field-error" id={meta.errorId}>
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

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
