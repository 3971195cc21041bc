import {
  dateSchema,
  noCheck,
  parseDate,
  singleAnswer,
  variableOf,
  type ItemServer,
} from "./common.server";

/** Stored as "YYYY-MM-DD". */
export const dateServer: ItemServer<"date"> = {
  variables: (item, section) => [
    variableOf(item, section, { name: item.name, field: item.field, label: item.label, kind: "date" }),
  ],
  fields: (item, { t }) => ({
    [item.field]: dateSchema({
      required: item.required,
      t,
      parse: parseDate,
      invalid: t("instruments.error.invalidDate"),
    }),
  }),
  check: noCheck,
  toAnswers: singleAnswer,
};
