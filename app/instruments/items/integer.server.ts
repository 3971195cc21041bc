import { integerSchema, noCheck, singleAnswer, variableOf, type ItemServer } from "./common.server";

export const integerServer: ItemServer<"integer"> = {
  variables: (item, section) => [
    variableOf(item, section, {
      name: item.name,
      field: item.field,
      label: item.label,
      kind: "integer",
      min: item.min,
      max: item.max,
    }),
  ],
  fields: (item, { t }) => ({
    [item.field]: integerSchema({ required: item.required, min: item.min, max: item.max, t }),
  }),
  check: noCheck,
  toAnswers: singleAnswer,
};
