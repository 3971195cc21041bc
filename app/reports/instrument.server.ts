// The participant-report instrument from the compiled codebook, and what the report pages need
// to know about it beyond the generic renderer: which fields are free text (checked for
// identifiers) and whether an item applies to the raw values of a form.
import type { Codebook } from "~/instruments/codebook.server";
import { toFormInstrument, type CompiledInstrument, type CompiledItem, type FormInstrument } from "~/instruments/types";

export const REPORT_INSTRUMENT_ID = "participant-report";

export interface ReportInstrument {
  readonly compiled: CompiledInstrument;
  readonly form: FormInstrument;
  /** Free-text items (long and short text): their answers are checked for identifiers. */
  readonly textItems: readonly (CompiledItem & { field: string })[];
  readonly items: readonly CompiledItem[];
}

const cache = new WeakMap<CompiledInstrument, ReportInstrument>();

function describe(compiled: CompiledInstrument): ReportInstrument {
  let found = cache.get(compiled);
  if (!found) {
    const items = compiled.sections.flatMap((s) => s.items);
    const textItems = items.filter(
      (i): i is CompiledItem & { field: string } => i.type === "long_text" || i.type === "short_text",
    );
    found = { compiled, form: toFormInstrument(compiled), textItems, items };
    cache.set(compiled, found);
  }
  return found;
}

/** The latest version (new reports are written with it), or a given one (showing old versions). */
export function reportInstrument(codebook: Codebook, version?: number): ReportInstrument {
  const compiled = codebook.get(REPORT_INSTRUMENT_ID, version) ?? codebook.get(REPORT_INSTRUMENT_ID);
  if (!compiled) throw new Error(`The instrument ${REPORT_INSTRUMENT_ID} is missing from surveys/`);
  return describe(compiled);
}

/** Whether an item applies to these raw form values (the rule the validator uses). */
export function itemApplies(item: CompiledItem, values: ReadonlyMap<string, string> | Record<string, string>): boolean {
  const get = (field: string) => (values instanceof Map ? values.get(field) : (values as Record<string, string>)[field]);
  return item.conditions.every((c) => {
    const value = get(c.field)?.trim() ?? "";
    return /^-?\d{1,15}$/.test(value) && c.in.includes(Number(value));
  });
}

/** The instrument's own fields from a posted form, as strings (what a draft keeps). */
export function formValues(instrument: ReportInstrument, formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of instrument.items) {
    const fields =
      item.type === "matrix"
        ? item.statements.map((s) => s.field)
        : item.type === "multiple_choice" || item.type === "counts"
          ? item.options.map((o) => o.field)
          : [item.field];
    // A draft keeps what was typed, but not a 10 MB paste: a little past the item's limit.
    const limit = ("maxLength" in item ? item.maxLength : 0) + 1000;
    for (const field of fields) {
      const value = formData.get(field);
      if (typeof value === "string" && value !== "") values[field] = value.slice(0, limit);
    }
  }
  return values;
}
