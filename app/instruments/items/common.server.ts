// Shared pieces of the item-type server modules: the module interface, variable construction
// and the zod field schemas that turn submitted form text into stored values.
//
// Every field schema puts its message on the type (`z.string({ error })`), because conform
// turns an empty field into `undefined` and a `.min(1, msg)` would never be reached
// (stack-notes §5.10). All further checks are done in one transform with our own messages,
// so no zod default message ever reaches a user.
import { z } from "zod";
import type { InstrumentT } from "../messages";
import type {
  Answers,
  CompiledItem,
  CompiledVariable,
  ItemOfType,
  ItemType,
  VariableKind,
} from "../types";

/** Parsed form values of the fields of one instrument, keyed by field name. */
export type FieldValues = Readonly<Record<string, unknown>>;

export interface ValidationContext {
  readonly t: InstrumentT;
}

export interface ItemServer<T extends ItemType> {
  /** The expanded variables of the item (for exports and the stored answers). */
  variables(item: ItemOfType<T>, section: string): CompiledVariable[];
  /** One zod schema per form field of the item, keyed by field name. */
  fields(item: ItemOfType<T>, ctx: ValidationContext): Record<string, z.ZodType>;
  /** Checks across the item's fields (e.g. "choose at least one"); errors by error key. */
  check(item: ItemOfType<T>, values: FieldValues, ctx: ValidationContext): Record<string, string>;
  /** Stored answers of a shown item, keyed by variable name. */
  toAnswers(item: ItemOfType<T>, values: FieldValues): Answers;
}

export function noCheck(): Record<string, string> {
  return {};
}

/** A variable carrying the item's common properties. */
export function variableOf(
  item: CompiledItem,
  section: string,
  own: {
    name: string;
    field: string;
    label: CompiledVariable["label"];
    kind: VariableKind;
    options?: CompiledVariable["options"];
    min?: number | null;
    max?: number | null;
    maxLength?: number | null;
    optionCode?: number | null;
    measure?: CompiledVariable["measure"];
  },
): CompiledVariable {
  return {
    name: own.name,
    field: own.field,
    label: own.label,
    kind: own.kind,
    options: own.options ?? [],
    missing: own.kind === "text" || own.kind === "date" || own.kind === "month" ? [] : item.missing,
    measure: own.measure ?? item.measure,
    disclosure: item.disclosure,
    nvivo: item.nvivo,
    required: item.required,
    conditional: item.conditions.length > 0,
    min: own.min ?? null,
    max: own.max ?? null,
    maxLength: own.maxLength ?? null,
    item: {
      name: item.name,
      type: item.type,
      label: item.label,
      section,
      optionCode: own.optionCode ?? null,
    },
  };
}

/** Stored value of a single-field item: the parsed value, null when absent. */
export function singleAnswer(item: { name: string; field: string }, values: FieldValues): Answers {
  const value = values[item.field];
  return { [item.name]: value === undefined ? null : (value as Answers[string]) };
}

// ---------------------------------------------------------------------------------------
// Field schemas

type Issues = { issues: { code: "custom"; message: string; input: unknown }[] };

function fail(ctx: unknown, message: string, input: unknown): never {
  (ctx as Issues).issues.push({ code: "custom", message, input });
  return z.NEVER;
}

/** The type-level error: "required" when the field is absent, "invalid" otherwise. */
function typeError(required: string, invalid: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? required : invalid);
}

function optionalUnless<T extends z.ZodType>(required: boolean, schema: T) {
  return required ? schema : schema.optional();
}

// C0 control characters other than tab and newline cannot be written to XML-based exports.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Free text: line ends normalised to \n, control characters removed, trimmed; "" → null. */
export function textSchema(o: { required: boolean; maxLength: number; t: InstrumentT }) {
  const { t } = o;
  return optionalUnless(
    o.required,
    z
      .string({ error: typeError(t("instruments.error.required"), t("instruments.error.invalidValue")) })
      .transform((raw, ctx): string | null => {
        const value = raw.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").normalize("NFC");
        if (value.length > o.maxLength) {
          return fail(ctx, t("instruments.error.tooLong", { length: value.length, max: o.maxLength }), raw);
        }
        const trimmed = value.trim();
        if (trimmed === "") {
          return o.required ? fail(ctx, t("instruments.error.required"), raw) : null;
        }
        return trimmed;
      }),
  );
}

/** A whole number within [min, max]. Spaces (also thin and no-break) are ignored. */
export function integerSchema(o: { required: boolean; min: number; max: number; t: InstrumentT }) {
  const { t } = o;
  return optionalUnless(
    o.required,
    z
      .string({ error: typeError(t("instruments.error.required"), t("instruments.error.notInteger")) })
      .transform((raw, ctx): number | null => {
        if (raw.length > 64) return fail(ctx, t("instruments.error.notInteger"), raw);
        const compact = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/^[\u2212\u2013]/, "-");
        if (compact === "") {
          return o.required ? fail(ctx, t("instruments.error.required"), raw) : null;
        }
        if (!/^[-+]?\d{1,15}$/.test(compact)) return fail(ctx, t("instruments.error.notInteger"), raw);
        const value = Number(compact);
        if (value < o.min) return fail(ctx, t("instruments.error.tooSmall", { min: o.min }), raw);
        if (value > o.max) return fail(ctx, t("instruments.error.tooLarge", { max: o.max }), raw);
        return value;
      }),
  );
}

/** The code of one of `codes`. */
export function codeSchema(o: {
  required: boolean;
  codes: readonly number[];
  requiredMessage: string;
  t: InstrumentT;
}) {
  const { t } = o;
  const allowed = new Set(o.codes);
  return optionalUnless(
    o.required,
    z
      .string({ error: typeError(o.requiredMessage, t("instruments.error.invalidOption")) })
      .transform((raw, ctx): number | null => {
        const value = raw.trim();
        if (value === "") return o.required ? fail(ctx, o.requiredMessage, raw) : null;
        const code = /^-?\d{1,15}$/.test(value) ? Number(value) : NaN;
        if (!allowed.has(code)) return fail(ctx, t("instruments.error.invalidOption"), raw);
        return code;
      }),
  );
}

/** A ticked checkbox ("1"; browsers send "on" for a checkbox without a value) → 1. */
export function flagSchema(o: { t: InstrumentT }) {
  return z
    .string({ error: o.t("instruments.error.invalidValue") })
    .transform((raw, ctx): 0 | 1 =>
      raw === "1" || raw === "on" ? 1 : fail(ctx, o.t("instruments.error.invalidValue"), raw),
    )
    .optional();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Parses "2018-12-31" (what <input type=date> sends), "31.12.2018" and "31.12.18". */
export function parseDate(raw: string): string | null {
  const value = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/.exec(value);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDate(year, Number(m[2]), Number(m[1]));
  }
  return null;
}

/** Parses "2018-12" (what <input type=month> sends), "12.2018" and "12/2018". */
export function parseMonth(raw: string): string | null {
  const value = raw.trim();
  let year: number;
  let month: number;
  let m = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else {
    m = /^(\d{1,2})[./-](\d{4})$/.exec(value);
    if (!m) return null;
    year = Number(m[2]);
    month = Number(m[1]);
  }
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function dateSchema(o: {
  required: boolean;
  t: InstrumentT;
  parse: (raw: string) => string | null;
  invalid: string;
}) {
  const { t } = o;
  return optionalUnless(
    o.required,
    z
      .string({ error: typeError(t("instruments.error.required"), o.invalid) })
      .transform((raw, ctx): string | null => {
        if (raw.trim() === "") return o.required ? fail(ctx, t("instruments.error.required"), raw) : null;
        if (raw.length > 64) return fail(ctx, o.invalid, raw);
        return o.parse(raw) ?? fail(ctx, o.invalid, raw);
      }),
  );
}
