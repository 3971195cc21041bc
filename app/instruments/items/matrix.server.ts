import type { Answers, MatrixItem, MatrixStatement } from "../types";
import { codeSchema, noCheck, variableOf, type ItemServer } from "./common.server";

const ELLIPSIS = /^(?:\.\.\.|…)\s*|\s*(?:\.\.\.|…)$/g;

/**
 * Variable label of a statement: with a stem («Jobbspesialisten har ...») the two are joined
 * into one sentence, so the SPSS label reads on its own.
 */
export function statementLabel(item: MatrixItem, statement: MatrixStatement) {
  if (!item.stem) return statement.label;
  const join = (stem: string, text: string) =>
    `${stem.replace(ELLIPSIS, "")} ${text.replace(ELLIPSIS, "")}`;
  return {
    nb: join(item.stem.nb, statement.label.nb),
    en: join(item.stem.en, statement.label.en),
  };
}

/** Statements sharing one option set; one coded variable per statement. */
export const matrixServer: ItemServer<"matrix"> = {
  variables: (item, section) =>
    item.statements.map((statement) =>
      variableOf(item, section, {
        name: statement.variable,
        field: statement.field,
        label: statementLabel(item, statement),
        kind: "code",
        options: item.options,
      }),
    ),
  fields: (item, { t }) => {
    const codes = item.options.map((option) => option.code);
    return Object.fromEntries(
      item.statements.map((statement) => [
        statement.field,
        codeSchema({
          required: item.required,
          codes,
          requiredMessage: t("instruments.error.chooseStatement"),
          t,
        }),
      ]),
    );
  },
  check: noCheck,
  toAnswers: (item, values) => {
    const answers: Answers = {};
    for (const statement of item.statements) {
      const value = values[statement.field];
      answers[statement.variable] = typeof value === "number" ? value : null;
    }
    return answers;
  },
};
