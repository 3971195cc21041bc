// What the log needs to know about the log-entry instrument, read from the compiled definition
// (never hard-coded): which variable is the date, which the SE step, which are free text.
// Browser-safe: works on the FormInstrument sent as loader data.
import type { FormInstrument } from "~/instruments/types";

export const LOG_INSTRUMENT_ID = "log-entry";

export interface LogShape {
  /** Variable (and field) of the date item. */
  readonly date: string;
  readonly dateField: string;
  /** Variable (and field) of the SE step item. */
  readonly step: string;
  readonly stepField: string;
  /** Free-text variables in form order, with their labels. */
  readonly texts: readonly { readonly name: string; readonly field: string; readonly label: { nb: string; en: string } }[];
  /** Every form field of the instrument. */
  readonly fields: readonly string[];
}

export function logShape(instrument: FormInstrument): LogShape {
  const items = instrument.sections.flatMap((s) => s.items);
  const date = items.find((i) => i.type === "date");
  const step = items.find((i) => i.type === "se_step");
  if (!date || date.type !== "date" || !step || step.type !== "se_step") {
    throw new Error(`${instrument.key}: the log needs one date item and one se_step item`);
  }
  const texts = items.flatMap((i) =>
    i.type === "long_text" || i.type === "short_text" ? [{ name: i.name, field: i.field, label: i.label }] : [],
  );
  const fields = items.flatMap((i) => ("field" in i ? [i.field] : []));
  return { date: date.name, dateField: date.field, step: step.name, stepField: step.field, texts, fields };
}
