import type { ItemFieldProps } from "./field-kit";
import { InputField } from "./input-field";

/** <input type=month>; browsers without it show a text box, hence the hint and pattern. */
export function MonthField({ item, ctx }: ItemFieldProps<"month">) {
  return (
    <InputField
      item={item}
      ctx={ctx}
      className="inst-month"
      hint={ctx.t("instruments.month.hint")}
      input={{
        type: "month",
        min: "1900-01",
        max: "2100-12",
        pattern: "\\d{4}-\\d{1,2}",
        placeholder: "ÅÅÅÅ-MM",
        className: "inst-input inst-input-date",
      }}
    />
  );
}
