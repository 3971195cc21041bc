import type { Answers } from "../types";
import { integerSchema, noCheck, variableOf, type ItemServer } from "./common.server";

/**
 * One non-negative whole number per option (e.g. how many candidates got each kind of
 * employment). "Required" means every count must be given (0 is an answer).
 */
export const countsServer: ItemServer<"counts"> = {
  variables: (item, section) =>
    item.options.map((option) =>
      variableOf(item, section, {
        name: option.variable,
        field: option.field,
        label: option.label,
        kind: "integer",
        min: 0,
        max: item.max,
        optionCode: option.code,
        measure: "scale",
      }),
    ),
  fields: (item, { t }) =>
    Object.fromEntries(
      item.options.map((option) => [
        option.field,
        integerSchema({ required: item.required, min: 0, max: item.max, t }),
      ]),
    ),
  check: noCheck,
  toAnswers: (item, values) => {
    const answers: Answers = {};
    for (const option of item.options) {
      const value = values[option.field];
      answers[option.variable] = typeof value === "number" ? value : null;
    }
    return answers;
  },
};
