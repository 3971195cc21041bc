import type { Answers } from "../types";
import { flagSchema, variableOf, type ItemServer } from "./common.server";

const FLAG_LABELS = [
  { code: 0, label: { nb: "Ikke valgt", en: "Not selected" } },
  { code: 1, label: { nb: "Valgt", en: "Selected" } },
] as const;

/**
 * One checkbox per option; each option is its own 0/1 variable (SPSS multiple dichotomy).
 * "Required" means at least one option must be ticked.
 */
export const multipleChoiceServer: ItemServer<"multiple_choice"> = {
  variables: (item, section) =>
    item.options.map((option) =>
      variableOf(item, section, {
        name: option.variable,
        field: option.field,
        label: {
          nb: `${item.label.nb}: ${option.label.nb}`,
          en: `${item.label.en}: ${option.label.en}`,
        },
        kind: "flag",
        options: FLAG_LABELS,
        optionCode: option.code,
        measure: "nominal",
      }),
    ),
  fields: (item, { t }) =>
    Object.fromEntries(item.options.map((option) => [option.field, flagSchema({ t })])),
  check: (item, values, { t }) => {
    if (!item.required) return {};
    const ticked = item.options.some((option) => values[option.field] === 1);
    return ticked ? {} : { [item.errorKey]: t("instruments.error.chooseAtLeastOne") };
  },
  toAnswers: (item, values) => {
    const answers: Answers = {};
    for (const option of item.options) answers[option.variable] = values[option.field] === 1 ? 1 : 0;
    return answers;
  },
};
