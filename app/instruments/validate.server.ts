// Server validation of a submitted instrument form, built from the compiled definition
// (architecture pattern 8). The browser only gets HTML constraints; this is the real check.
//
// - Only the instrument's own fields are read from the form data; anything else (intent,
//   hidden ids, conform's reserved names, files) is ignored, so odd input cannot make the
//   parser throw.
// - Items whose condition does not hold are not validated and their answers are null.
// - Messages are in the user's language; what the user typed comes back in `initialValue`.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { defaultLocale, type Locale } from "../i18n/locale";
import type { FieldValues, ValidationContext } from "./items/common.server";
import { serverFor } from "./items/registry.server";
import { instrumentText } from "./messages";
import type { Answers, CompiledCondition, CompiledItem, FormInstrument } from "./types";

export type InstrumentFormSuccess = { readonly status: "success"; readonly answers: Answers };
/** conform's SubmissionResult of a rejected submission (`lastResult` for the form). */
export type InstrumentFormFailure = SubmissionResult<string[]> & { status?: "error" };
export type InstrumentFormResult = InstrumentFormSuccess | InstrumentFormFailure;

/** Longest value echoed back for refilling a field; longer input is cut (a 10 MB paste). */
const ECHO_SLACK = 1000;

export function parseInstrumentForm(
  instrument: FormInstrument,
  formData: FormData | URLSearchParams,
  locale: Locale = defaultLocale,
): InstrumentFormResult {
  const ctx: ValidationContext = { t: instrumentText(locale) };
  const items = instrument.sections.flatMap((section) => section.items);

  // 1. Copy the instrument's own fields (first value, text only).
  const clean = new URLSearchParams();
  const raw = new Map<string, string>();
  const echoLimit = new Map<string, number>();
  for (const item of items) {
    const limit = "maxLength" in item ? item.maxLength + ECHO_SLACK : ECHO_SLACK;
    for (const field of fieldsOf(item)) {
      echoLimit.set(field, limit);
      const value = formData.get(field);
      if (typeof value !== "string") continue;
      clean.set(field, value);
      raw.set(field, value);
    }
  }

  // 2. Which items apply, from the raw values of the questions that control them.
  const holds = (condition: CompiledCondition) => {
    const value = raw.get(condition.field)?.trim() ?? "";
    return /^-?\d{1,15}$/.test(value) && condition.in.includes(Number(value));
  };
  const shown = items.filter((item) => item.conditions.every(holds));

  // 3. One schema for the shown items; hidden fields are not in it, so their values drop.
  const schema = schemaFor(instrument, shown, locale, ctx);

  const submission = parseSafely(clean, schema);
  if (!submission) {
    // Not expected (the payload holds only known field names), but never throw at a user.
    return failure(raw, { "": [ctx.t("instruments.error.invalidValue")] });
  }

  // 4. Checks across the fields of one item ("choose at least one").
  const values: FieldValues = submission.status === "success" ? submission.value : {};
  const groupErrors: Record<string, string[]> = {};
  if (submission.status === "success") {
    for (const item of shown) {
      for (const [key, message] of Object.entries(serverFor(item.type).check(item as never, values, ctx))) {
        groupErrors[key] = [message];
      }
    }
  } else {
    // Group checks still run on the fields that parsed, so every error shows at once.
    const partial = partialValues(shown, raw, ctx);
    for (const item of shown) {
      for (const [key, message] of Object.entries(serverFor(item.type).check(item as never, partial, ctx))) {
        groupErrors[key] = [message];
      }
    }
  }

  if (submission.status === "success" && Object.keys(groupErrors).length === 0) {
    const answers: Answers = {};
    const visible = new Set<CompiledItem>(shown);
    for (const item of items) {
      const server = serverFor(item.type);
      if (visible.has(item)) Object.assign(answers, server.toAnswers(item as never, values));
      else for (const name of variableNames(item)) answers[name] = null;
    }
    return { status: "success", answers };
  }

  const reply =
    Object.keys(groupErrors).length > 0
      ? submission.reply({ fieldErrors: groupErrors })
      : submission.reply();
  return capEcho({ ...reply, status: "error" }, echoLimit);
}

/** The form fields of an item. */
export function fieldsOf(item: CompiledItem): string[] {
  switch (item.type) {
    case "matrix":
      return item.statements.map((s) => s.field);
    case "multiple_choice":
    case "counts":
      return item.options.map((o) => o.field);
    default:
      return [item.field];
  }
}

function variableNames(item: CompiledItem): string[] {
  switch (item.type) {
    case "matrix":
      return item.statements.map((s) => s.variable);
    case "multiple_choice":
    case "counts":
      return item.options.map((o) => o.variable);
    default:
      return [item.name];
  }
}

// Building the zod schemas costs about 2 ms a submission, more than the rest of a request, so
// they are kept per compiled instrument (its frozen `sections` array: an edited instrument is a
// new object and never meets a stale schema), language and set of shown items.
const schemas = new WeakMap<object, Map<string, z.ZodObject>>();

function schemaFor(instrument: FormInstrument, shown: readonly CompiledItem[], locale: Locale, ctx: ValidationContext) {
  let perInstrument = schemas.get(instrument.sections);
  if (!perInstrument) schemas.set(instrument.sections, (perInstrument = new Map()));
  const key = `${locale}|${shown.map((item) => item.name).join(",")}`;
  let schema = perInstrument.get(key);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const item of shown) Object.assign(shape, serverFor(item.type).fields(item as never, ctx));
    schema = z.object(shape);
    perInstrument.set(key, schema);
  }
  return schema;
}

/** Values of the fields that parse on their own (for group checks when others failed). */
function partialValues(items: readonly CompiledItem[], raw: Map<string, string>, ctx: ValidationContext) {
  const values: Record<string, unknown> = {};
  for (const item of items) {
    if (item.type !== "multiple_choice") continue;
    for (const [field, schema] of Object.entries(serverFor(item.type).fields(item, ctx))) {
      const value = raw.get(field);
      const result = schema.safeParse(value === "" ? undefined : value);
      if (result.success) values[field] = result.data;
    }
  }
  return values;
}

function parseSafely(payload: URLSearchParams, schema: z.ZodObject) {
  try {
    return parseWithZod(payload, { schema });
  } catch {
    return null;
  }
}

function failure(raw: Map<string, string>, error: Record<string, string[]>): InstrumentFormFailure {
  const initialValue: Record<string, string> = {};
  for (const [field, value] of raw) initialValue[field] = value.slice(0, ECHO_SLACK);
  return { status: "error", initialValue, error };
}

/** Cuts absurdly long echoed values so a 10 MB paste is not sent back to the browser. */
function capEcho(result: InstrumentFormFailure, limits: Map<string, number>): InstrumentFormFailure {
  const initialValue = result.initialValue;
  if (!initialValue) return result;
  const capped: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(initialValue)) {
    const limit = limits.get(field) ?? ECHO_SLACK;
    capped[field] = typeof value === "string" && value.length > limit ? value.slice(0, limit) : value;
  }
  return { ...result, initialValue: capped as NonNullable<InstrumentFormFailure["initialValue"]> };
}
