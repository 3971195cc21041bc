import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  htmlRequired,
  joinIds,
  LabelText,
  type ItemFieldProps,
} from "./field-kit";

export function LongTextField({ item, ctx }: ItemFieldProps<"long_text">) {
  const id = ctx.id(item.field);
  const hint = ctx.t("instruments.text.maxLength", { max: item.maxLength });
  const help = helpId(ctx, item.field, item.help, hint);
  const error = errorId(ctx, item.errorKey);
  return (
    <div className="inst-field inst-long-text">
      <label className="inst-label" htmlFor={id}>
        <LabelText item={item} ctx={ctx} />
      </label>
      <Help id={ctx.id(item.field, "help")} value={item.help} hint={hint} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      <textarea
        id={id}
        name={item.field}
        className="inst-textarea"
        rows={item.rows}
        maxLength={item.maxLength}
        required={htmlRequired(item) || undefined}
        aria-describedby={joinIds(help, error)}
        aria-invalid={error ? true : undefined}
        defaultValue={ctx.value(item.field)}
      />
    </div>
  );
}
