// One submitted note form, from form data to a stored note: validate with the codebook
// (parseInstrumentForm), apply the log's own rules (no future dates, month still open), look for
// identifiers (a warning), then store. Whatever is rejected is kept as a draft, so nothing
// typed is lost even if the person walks away from the error page.
import type { AppLoadContext } from "@remix-run/node";
import type { Locale } from "~/i18n/locale";
import type { TFunction } from "~/i18n/catalog";
import { parseInstrumentForm, type InstrumentFormFailure } from "~/instruments/validate.server";
import { projectNameMatcher, type LogAuthor } from "./author.server";
import { draftValuesFrom, isDraftKey, newDraftKey, saveDraft } from "./drafts.server";
import { findInAnswers, findingKinds, type Finding } from "./identifiers";
import { logInstrument } from "./instrument.server";
import { findNames } from "~/names/detect";
import { nameLexicon } from "~/names/lexicon.server";

/** The exports' name detector, so the warning at save time names what the export would redact. */
const detectNames = (text: string) => findNames(text, nameLexicon(), { unknownCapitalised: true });
import { monthLabel, monthOf, todayInNorway } from "./months";
import { createNote, updateNote } from "./notes.server";

export type NoteFormOutcome =
  | { readonly kind: "saved"; readonly noteId: number; readonly month: string }
  | { readonly kind: "invalid"; readonly lastResult: InstrumentFormFailure; readonly draftKey: string }
  | { readonly kind: "not-found" };

function rejected(values: Record<string, string>, error: Record<string, string[]>): InstrumentFormFailure {
  return { status: "error", initialValue: values, error } as InstrumentFormFailure;
}

export function submitNoteForm(
  context: Pick<AppLoadContext, "db" | "codebook">,
  author: LogAuthor,
  formData: FormData,
  options: { locale: Locale; t: TFunction; noteId?: number | null; now?: Date },
): NoteFormOutcome {
  const { db } = context;
  const { form, shape } = logInstrument(context);
  const noteId = options.noteId ?? null;
  const posted = formData.get("draftKey");
  const draftKey = isDraftKey(posted) ? posted : newDraftKey();
  const values = draftValuesFrom(shape, formData);
  const keep = () => saveDraft(db, author.userId, draftKey, values, noteId);

  const parsed = parseInstrumentForm(form, formData, options.locale);
  if (parsed.status !== "success") {
    keep();
    return { kind: "invalid", lastResult: parsed, draftKey };
  }
  const answers = parsed.answers;
  const date = String(answers[shape.date]);
  if (date > todayInNorway(options.now)) {
    keep();
    return { kind: "invalid", lastResult: rejected(values, { [shape.dateField]: [options.t("logs.error.future")] }), draftKey };
  }
  const flags = findingKinds(findInAnswers(answers, shape.texts.map((t) => t.name), { names: projectNameMatcher(db, author.projectId), detectNames }));
  const input = { answers, instrumentId: form.id, instrumentVersion: form.version, flags };
  const saved = noteId === null ? createNote(db, author, shape, draftKey, input) : updateNote(db, author, shape, noteId, draftKey, input);
  if (saved.ok) return { kind: "saved", noteId: saved.noteId, month: saved.month };
  if (saved.reason === "not-found") return { kind: "not-found" };
  keep();
  const message = options.t("logs.error.monthSubmitted", { month: monthLabel(options.t, saved.month) });
  const field = monthOf(date) === saved.month ? shape.dateField : "";
  return { kind: "invalid", lastResult: rejected(values, { [field]: [message] }), draftKey };
}

/** Findings of a stored note or a draft, for the warning shown to its author. */
export function noteFindings(
  context: Pick<AppLoadContext, "db" | "codebook">,
  projectId: number,
  values: Record<string, unknown>,
  byField = false,
): Finding[] {
  const { shape } = logInstrument(context);
  const keys = shape.texts.map((t) => (byField ? t.field : t.name));
  return findInAnswers(values, keys, { names: projectNameMatcher(context.db, projectId), detectNames });
}
