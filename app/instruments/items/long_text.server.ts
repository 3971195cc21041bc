import { noCheck, singleAnswer, textSchema, variableOf, type ItemServer } from "./common.server";

export const longTextServer: ItemServer<"long_text"> = {
  variables: (item, section) => [
    variableOf(item, section, {
      name: item.name,
      field: item.field,
      label: item.label,
      kind: "text",
      maxLength: item.maxLength,
    }),
  ],
  fields: (item, { t }) => ({
    [item.field]: textSchema({ required: item.required, maxLength: item.maxLength, t }),
  }),
  check: noCheck,
  toAnswers: singleAnswer,
};
