// One labelled <input> (short text, date, month, integer): label, help, error, input.
import type { InputHTMLAttributes } from "react";
import type { CompiledItem } from "../types";
import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  htmlRequired,
  joinIds,
  LabelText,
  type FieldContext,
} from "./field-kit";

type SingleField = Extract<CompiledItem, { field: string }>;

export function InputField({
  item,
  ctx,
  hint,
  className,
  input,
}: {
  item: SingleField;
  ctx: FieldContext;
  /** Extra hint under the help text (format, range). */
  hint?: string;
  className: string;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = ctx.id(item.field);
  const help = helpId(ctx, item.field, item.help, hint);
  const error = errorId(ctx, item.errorKey);
  return (
    <div className={`inst-field ${className}`}>
      <label className="inst-label" htmlFor={id}>
        <LabelText item={item} ctx={ctx} />
      </label>
      <Help id={ctx.id(item.field, "help")} value={item.help} hint={hint} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      <input
        {...input}
        id={id}
        name={item.field}
        required={htmlRequired(item) || undefined}
        aria-describedby={joinIds(help, error)}
        aria-invalid={error ? true : undefined}
        defaultValue={ctx.value(item.field)}
      />
    </div>
  );
}
