import { noCheck, singleAnswer, type ItemServer } from "./common.server";
import { choiceFields, choiceVariables } from "./single_choice.server";

/** Step 1-5 of the SE five-stage process, stored as the step number. */
export const seStepServer: ItemServer<"se_step"> = {
  variables: choiceVariables,
  fields: choiceFields,
  check: noCheck,
  toAnswers: singleAnswer,
};
