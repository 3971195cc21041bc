import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  joinIds,
  LabelText,
  text,
  type ItemFieldProps,
} from "./field-kit";

/** Check boxes; each option is its own field with the value "1". */
export function MultipleChoiceField({ item, ctx }: ItemFieldProps<"multiple_choice">) {
  const hint = ctx.t("instruments.multiple.hint");
  const help = helpId(ctx, item.errorKey, item.help, hint);
  const error = errorId(ctx, item.errorKey);
  return (
    <fieldset className="inst-field inst-multiple-choice" aria-describedby={joinIds(help, error)}>
      <legend className="inst-label">
        <LabelText item={item} ctx={ctx} />
      </legend>
      <Help id={ctx.id(item.errorKey, "help")} value={item.help} hint={hint} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      <div className="inst-options">
        {item.options.map((option) => {
          const id = ctx.id(option.field);
          const optionError = errorId(ctx, option.field);
          return (
            <div className="inst-option" key={option.code}>
              <input
                type="checkbox"
                id={id}
                name={option.field}
                value="1"
                className="inst-checkbox"
                aria-describedby={optionError}
                aria-invalid={error || optionError ? true : undefined}
                defaultChecked={ctx.value(option.field) === "1"}
              />
              <label htmlFor={id}>{text(option.label, ctx)}</label>
              <ErrorMessage id={ctx.id(option.field, "error")} messages={ctx.errors(option.field)} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
