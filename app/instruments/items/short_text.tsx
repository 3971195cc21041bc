import type { ItemFieldProps } from "./field-kit";
import { InputField } from "./input-field";

export function ShortTextField({ item, ctx }: ItemFieldProps<"short_text">) {
  return (
    <InputField
      item={item}
      ctx={ctx}
      className="inst-short-text"
      input={{ type: "text", maxLength: item.maxLength, className: "inst-input", autoComplete: "off" }}
    />
  );
}
