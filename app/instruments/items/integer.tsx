import type { ItemFieldProps } from "./field-kit";
import { InputField } from "./input-field";

export function IntegerField({ item, ctx }: ItemFieldProps<"integer">) {
  return (
    <InputField
      item={item}
      ctx={ctx}
      className="inst-integer"
      hint={ctx.t("instruments.integer.range", { min: item.min, max: item.max })}
      input={{
        type: "number",
        inputMode: "numeric",
        min: item.min,
        max: item.max,
        step: 1,
        className: "inst-input inst-input-number",
      }}
    />
  );
}
