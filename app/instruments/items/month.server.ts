import {
  dateSchema,
  noCheck,
  parseMonth,
  singleAnswer,
  variableOf,
  type ItemServer,
} from "./common.server";

/** Stored as "YYYY-MM". */
export const monthServer: ItemServer<"month"> = {
  variables: (item, section) => [
    variableOf(item, section, { name: item.name, field: item.field, label: item.label, kind: "month" }),
  ],
  fields: (item, { t }) => ({
    [item.field]: dateSchema({
      required: item.required,
      t,
      parse: parseMonth,
      invalid: t("instruments.error.invalidMonth"),
    }),
  }),
  check: noCheck,
  toAnswers: singleAnswer,
};
