import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  htmlRequired,
  joinIds,
  LabelText,
  text,
  type ItemFieldProps,
} from "./field-kit";

/** One number box per option, grouped under the question. */
export function CountsField({ item, ctx }: ItemFieldProps<"counts">) {
  const hint = ctx.t("instruments.counts.hint");
  const help = helpId(ctx, item.errorKey, item.help, hint);
  const groupError = errorId(ctx, item.errorKey);
  return (
    <fieldset className="inst-field inst-counts" aria-describedby={joinIds(help, groupError)}>
      <legend className="inst-label">
        <LabelText item={item} ctx={ctx} />
      </legend>
      <Help id={ctx.id(item.errorKey, "help")} value={item.help} hint={hint} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      <div className="inst-count-list">
        {item.options.map((option) => {
          const id = ctx.id(option.field);
          const error = errorId(ctx, option.field);
          return (
            <div className="inst-count" key={option.code}>
              <label htmlFor={id}>{text(option.label, ctx)}</label>
              <ErrorMessage id={ctx.id(option.field, "error")} messages={ctx.errors(option.field)} />
              <input
                type="number"
                id={id}
                name={option.field}
                inputMode="numeric"
                min={0}
                max={item.max}
                step={1}
                className="inst-input inst-input-number"
                required={htmlRequired(item) || undefined}
                aria-describedby={error}
                aria-invalid={error ? true : undefined}
                defaultValue={ctx.value(option.field)}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
