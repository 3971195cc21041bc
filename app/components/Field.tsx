// A labelled form control with its hint and its error next to it, from conform's field metadata.
// Errors are linked with aria-describedby; what the person typed comes back as the default value.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

// Pages type their forms through the server-side schema; here any field of them will do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Base = { meta: FieldMetadata<any, any, string[]>; label: ReactNode; hint?: ReactNode };

export function describedBy(meta: Base["meta"], hint?: ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldMessage({ meta }: { meta: Base["meta"] }) {
  return meta.errors?.length ? (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.join(" ")}
    </p>
  ) : null;
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  required = true,
  inputMode,
}: Base & {
  type?: "text" | "email" | "password" | "number" | "month" | "date" | "time";
  autoComplete?: string;
  required?: boolean;
  inputMode?: "numeric" | "text" | "email";
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: describedBy(meta, hint) });
  // Passwords are never sent back to the page.
  if (type === "password") delete props.defaultValue;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} required={required} inputMode={inputMode} />
      <FieldMessage meta={meta} />
    </div>
  );
}

export function TextAreaField({ meta, label, hint, required = true }: Base & { required?: boolean }) {
  const props = getTextareaProps(meta, { ariaDescribedBy: describedBy(meta, hint) });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <textarea {...props} key={props.key} required={required} />
      <FieldMessage meta={meta} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
  required = true,
}: Base & { options: { value: string | number; label: string }[]; placeholder?: string; required?: boolean }) {
  const props = getSelectProps(meta, { ariaDescribedBy: describedBy(meta, hint) });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <select {...props} key={props.key} required={required}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage meta={meta} />
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckboxField({ meta, label, hint }: Base) {
  const props = getInputProps(meta, { type: "checkbox", ariaDescribedBy: describedBy(meta, hint) });
  return (
    <div className="field field--check">
      <input {...props} key={props.key} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${meta.id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldMessage meta={meta} />
    </div>
  );
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  return errors?.length ? (
    <div className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  ) : null;
}
