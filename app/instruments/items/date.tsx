import type { ItemFieldProps } from "./field-kit";
import { InputField } from "./input-field";

/** Native date picker; the pattern applies where a browser falls back to a text box. */
export function DateField({ item, ctx }: ItemFieldProps<"date">) {
  return (
    <InputField
      item={item}
      ctx={ctx}
      className="inst-date"
      input={{
        type: "date",
        min: "1900-01-01",
        max: "2100-12-31",
        pattern: "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.(\\d{2}|\\d{4})",
        className: "inst-input inst-input-date",
      }}
    />
  );
}
