import type { SeStepItem, SingleChoiceItem } from "../types";
import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  htmlRequired,
  joinIds,
  LabelText,
  orderedOptions,
  text,
  type FieldContext,
  type ItemFieldProps,
} from "./field-kit";

/** Radio group (fieldset + legend) or a labelled <select>, as the definition says. */
export function ChoiceField({ item, ctx }: { item: SingleChoiceItem | SeStepItem; ctx: FieldContext }) {
  const help = helpId(ctx, item.field, item.help);
  const error = errorId(ctx, item.errorKey);
  const current = ctx.value(item.field);
  const required = htmlRequired(item) || undefined;
  const options = orderedOptions(item.options, item.localeOrder, ctx.locale);

  if (item.display === "select") {
    const id = ctx.id(item.field);
    return (
      <div className="inst-field inst-single-choice inst-select-field">
        <label className="inst-label" htmlFor={id}>
          <LabelText item={item} ctx={ctx} />
        </label>
        <Help id={ctx.id(item.field, "help")} value={item.help} ctx={ctx} />
        <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
        <select
          id={id}
          name={item.field}
          className="inst-select"
          required={required}
          aria-describedby={joinIds(help, error)}
          aria-invalid={error ? true : undefined}
          defaultValue={current ?? ""}
        >
          <option value="">{ctx.t("instruments.select.placeholder")}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code} className={ctx.reveals(item.field, option.code)}>
              {text(option.label, ctx)}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <fieldset className="inst-field inst-single-choice" aria-describedby={joinIds(help, error)}>
      <legend className="inst-label">
        <LabelText item={item} ctx={ctx} />
      </legend>
      <Help id={ctx.id(item.field, "help")} value={item.help} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      <div className="inst-options">
        {options.map((option) => {
          const id = ctx.id(item.field, option.code);
          const reveals = ctx.reveals(item.field, option.code);
          return (
            <div className="inst-option" key={option.code}>
              <input
                type="radio"
                id={id}
                name={item.field}
                value={option.code}
                className={reveals ? `inst-radio ${reveals}` : "inst-radio"}
                required={required}
                aria-invalid={error ? true : undefined}
                defaultChecked={current !== undefined && current.trim() === String(option.code)}
              />
              <label htmlFor={id}>{text(option.label, ctx)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function SingleChoiceField({ item, ctx }: ItemFieldProps<"single_choice">) {
  return <ChoiceField item={item} ctx={ctx} />;
}
