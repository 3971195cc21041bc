import {
  ErrorMessage,
  errorId,
  Help,
  helpId,
  htmlRequired,
  joinIds,
  text,
  type ItemFieldProps,
} from "./field-kit";

/**
 * Statements sharing one option set. Each statement is its own fieldset + legend with a real
 * radio group. On a wide screen the rows line up under one (decorative) header row and the
 * per-radio labels are visually hidden; on a narrow screen each statement is a card with
 * full-width, large touch targets (instruments.css).
 */
export function MatrixField({ item, ctx }: ItemFieldProps<"matrix">) {
  const questionId = ctx.id(item.errorKey, "question");
  const help = helpId(ctx, item.errorKey, item.help);
  const required = htmlRequired(item) || undefined;
  const Heading = `h${Math.min(Math.max(ctx.questionHeadingLevel, 2), 6)}` as "h3";
  const columns = item.options.length;
  const layout = columns >= 2 && columns <= 7 ? `inst-matrix-cols-${columns}` : "inst-matrix-stacked";
  return (
    <div
      className={`inst-field inst-matrix ${layout}`}
      role="group"
      aria-labelledby={questionId}
      aria-describedby={help}
    >
      <Heading className="inst-question" id={questionId}>
        {text(item.label, ctx)}
        {!item.required && <span className="inst-optional"> ({ctx.t("instruments.optional")})</span>}
      </Heading>
      <Help id={ctx.id(item.errorKey, "help")} value={item.help} ctx={ctx} />
      <ErrorMessage id={ctx.id(item.errorKey, "error")} messages={ctx.errors(item.errorKey)} />
      {item.stem && <p className="inst-stem">{text(item.stem, ctx)}</p>}
      <div className="inst-matrix-head" aria-hidden="true">
        <span className="inst-matrix-head-statement" />
        {item.options.map((option) => (
          <span key={option.code} className="inst-matrix-head-option">
            {text(option.label, ctx)}
          </span>
        ))}
      </div>
      {item.statements.map((statement) => {
        const error = errorId(ctx, statement.field);
        const statementHelp = statement.help ? ctx.id(statement.field, "help") : undefined;
        const current = ctx.value(statement.field)?.trim();
        return (
          <fieldset
            key={statement.field}
            className={error ? "inst-matrix-row inst-has-error" : "inst-matrix-row"}
            aria-describedby={joinIds(statementHelp, error)}
          >
            <legend className="inst-matrix-statement">{text(statement.label, ctx)}</legend>
            {statement.help && (
              <div className="inst-help" id={statementHelp}>
                <p>{text(statement.help, ctx)}</p>
              </div>
            )}
            <ErrorMessage id={ctx.id(statement.field, "error")} messages={ctx.errors(statement.field)} />
            {item.options.map((option) => {
              const id = ctx.id(statement.field, option.code);
              return (
                <div className="inst-matrix-option" key={option.code}>
                  <input
                    type="radio"
                    id={id}
                    name={statement.field}
                    value={option.code}
                    className="inst-radio"
                    required={required}
                    aria-invalid={error ? true : undefined}
                    defaultChecked={current === String(option.code)}
                  />
                  <label htmlFor={id}>
                    <span className="inst-matrix-option-label">{text(option.label, ctx)}</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
