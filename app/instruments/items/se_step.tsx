import type { ItemFieldProps } from "./field-kit";
import { ChoiceField } from "./single_choice";

/** The five SE steps as a radio group (or a select, if the definition asks for one). */
export function SeStepField({ item, ctx }: ItemFieldProps<"se_step">) {
  return <ChoiceField item={item} ctx={ctx} />;
}
