import type { SeStepItem, SingleChoiceItem } from "../types";
import {
  codeSchema,
  noCheck,
  singleAnswer,
  variableOf,
  type ItemServer,
  type ValidationContext,
} from "./common.server";

// Shared by single_choice and se_step (an se_step is a single choice with fixed options).
type ChoiceItem = SingleChoiceItem | SeStepItem;

export function choiceVariables(item: ChoiceItem, section: string) {
  return [
    variableOf(item, section, {
      name: item.name,
      field: item.field,
      label: item.label,
      kind: "code",
      options: item.options,
    }),
  ];
}

export function choiceFields(item: ChoiceItem, { t }: ValidationContext) {
  return {
    [item.field]: codeSchema({
      required: item.required,
      codes: item.options.map((option) => option.code),
      requiredMessage: t("instruments.error.chooseOne"),
      t,
    }),
  };
}

export const singleChoiceServer: ItemServer<"single_choice"> = {
  variables: choiceVariables,
  fields: choiceFields,
  check: noCheck,
  toAnswers: singleAnswer,
};
