// What each form field shows when the form is rendered: the values the user just submitted
// (conform's `lastResult.initialValue`) or, failing that, stored answers (e.g. a draft).
// Shared by browser and server; no zod.
import type { Answers, FormInstrument } from "./types";

/** The parts of conform's SubmissionResult the renderer reads (any action result fits). */
export interface FormResultLike {
  readonly initialValue?: Readonly<Record<string, unknown>> | null;
  readonly error?: Readonly<Record<string, unknown>> | null;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return firstString(value[0]);
  return undefined;
}

/** Stored answers (keyed by variable) as form values (keyed by field). */
export function answersToFormValues(instrument: FormInstrument, answers: Answers): Map<string, string> {
  const values = new Map<string, string>();
  const put = (field: string, value: unknown) => {
    if (value === null || value === undefined) return;
    values.set(field, String(value));
  };
  for (const section of instrument.sections) {
    for (const item of section.items) {
      switch (item.type) {
        case "matrix":
          for (const s of item.statements) put(s.field, answers[s.variable]);
          break;
        case "multiple_choice":
          for (const o of item.options) if (answers[o.variable] === 1) values.set(o.field, "1");
          break;
        case "counts":
          for (const o of item.options) put(o.field, answers[o.variable]);
          break;
        default:
          put(item.field, answers[item.name]);
      }
    }
  }
  return values;
}

/** Field values to show: from the last submission if there was one, else from `answers`. */
export function initialFormValues(
  instrument: FormInstrument,
  lastResult: FormResultLike | null | undefined,
  answers: Answers | null | undefined,
): Map<string, string> {
  if (lastResult && lastResult.initialValue !== undefined) {
    const values = new Map<string, string>();
    for (const [field, value] of Object.entries(lastResult.initialValue ?? {})) {
      const text = firstString(value);
      if (text !== undefined) values.set(field, text);
    }
    return values;
  }
  return answers ? answersToFormValues(instrument, answers) : new Map();
}

/** Field errors of the last submission, keyed by field or item error key. */
export function formErrors(lastResult: FormResultLike | null | undefined): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const [key, value] of Object.entries(lastResult?.error ?? {})) {
    if (Array.isArray(value)) {
      const messages = value.filter((m): m is string => typeof m === "string" && m !== "");
      if (messages.length > 0) errors.set(key, messages);
    } else if (typeof value === "string" && value !== "") {
      errors.set(key, [value]);
    }
  }
  return errors;
}
