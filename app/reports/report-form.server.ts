// One posted report form, from form data to a saved version or a draft. The codebook validates
// the answers (required fields, ranges, the in-work section only for those in work); on top of
// that this module refuses identifier-looking text, checks that the work-experience band and the
// years agree, and checks the effective date. A rejected report is kept as a draft, unless the
// rejection is an identifier: that text is never stored, only shown back to its writer.
import type { AppLoadContext } from "@remix-run/node";
import type { TFunction } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";
import { parseInstrumentForm, type InstrumentFormFailure } from "~/instruments/validate.server";
import { isFormKey, newFormKey } from "./codes.server";
import { saveDraft } from "./drafts.server";
import { EFFECTIVE_DATE_FIELD } from "./fields";
import { effectiveDateError } from "./forms.server";
import { findIdentifiers, type IdentifierFinding } from "./identifiers.server";
import { formValues, itemApplies, reportInstrument, type ReportInstrument } from "./instrument.server";
import type { Participant } from "./participants.server";
import { saveVersion } from "./versions.server";

export type ReportFormOutcome =
  | { readonly kind: "saved"; readonly number: number }
  | { readonly kind: "draft-saved" }
  | { readonly kind: "invalid"; readonly lastResult: InstrumentFormFailure; readonly draftSaved: boolean }
  | { readonly kind: "withdrawn" };

type Errors = Record<string, string[]>;

function addError(errors: Errors, key: string, message: string) {
  errors[key] = [...(errors[key] ?? []), message];
}

/** Messages for identifier-looking text, per field that applies. */
export function identifierErrors(instrument: ReportInstrument, values: Record<string, string>, t: TFunction): Errors {
  const errors: Errors = {};
  for (const item of instrument.textItems) {
    const text = values[item.field];
    if (!text || !itemApplies(item, values)) continue;
    const findings = findIdentifiers(text);
    if (findings.length) errors[item.field] = [identifierMessage(findings, t)];
  }
  return errors;
}

function identifierMessage(findings: readonly IdentifierFinding[], t: TFunction): string {
  const kinds = [...new Set(findings.map((f) => f.kind))];
  const parts = kinds.map((kind) =>
    t(`reports.identifier.${kind}`, { found: findings.filter((f) => f.kind === kind).map((f) => `«${f.match}»`).join(", ") }),
  );
  return `${parts.join(" ")} ${t("reports.identifier.advice")}`;
}

/** The work-experience band and the number of years must tell the same story. */
function workExperienceErrors(values: Record<string, string>, t: TFunction): Errors {
  const band = values.arbeidserf_hjemland?.trim();
  const years = values.arbeidserf_hjemland_aar?.trim();
  if (!years || !/^\d+$/.test(years) || !band) return {};
  if (band === "1" || band === "2") return { arbeidserf_hjemland_aar: [t("reports.v.yearsWithoutBand")] };
  return {};
}

/** Drafts keep what applies; text in a section that no longer applies is not kept (as on submit). */
function draftValues(instrument: ReportInstrument, values: Record<string, string>, effectiveDate: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    const item = instrument.textItems.find((i) => i.field === field);
    if (item && !itemApplies(item, values)) continue;
    kept[field] = value;
  }
  if (effectiveDate) kept[EFFECTIVE_DATE_FIELD] = effectiveDate.slice(0, 20);
  return kept;
}

function failure(initialValue: Record<string, unknown>, error: Errors): InstrumentFormFailure {
  return { status: "error", initialValue, error } as InstrumentFormFailure;
}

export function submitReportForm(
  context: Pick<AppLoadContext, "db" | "codebook">,
  participant: Participant,
  authorId: number,
  formData: FormData,
  options: {
    intent: "submit" | "draft";
    locale: Locale;
    t: TFunction;
    today: string;
    /** Posted again from the 401 login page: the errors cannot be shown, so keep a draft of all but refused text. */
    afterLogin?: boolean;
  },
): ReportFormOutcome {
  const { db } = context;
  const { t } = options;
  if (participant.withdrawnDate) return { kind: "withdrawn" };
  const instrument = reportInstrument(context.codebook);
  const values = formValues(instrument, formData);
  const rawDate = formData.get(EFFECTIVE_DATE_FIELD);
  const effectiveDate = typeof rawDate === "string" ? rawDate.trim() : "";
  const shown = { ...values, [EFFECTIVE_DATE_FIELD]: effectiveDate.slice(0, 20) };
  const identifiers = identifierErrors(instrument, values, t);
  const hasIdentifiers = Object.keys(identifiers).length > 0;

  const keepWithoutRefused = () => {
    const kept = Object.fromEntries(Object.entries(values).filter(([field]) => !(field in identifiers)));
    saveDraft(db, participant.id, authorId, draftValues(instrument, kept, effectiveDate));
  };

  if (options.intent === "draft") {
    if (hasIdentifiers && options.afterLogin) keepWithoutRefused();
    if (hasIdentifiers) return { kind: "invalid", lastResult: failure(shown, identifiers), draftSaved: !!options.afterLogin };
    saveDraft(db, participant.id, authorId, draftValues(instrument, values, effectiveDate));
    return { kind: "draft-saved" };
  }

  const parsed = parseInstrumentForm(instrument.form, formData, options.locale);
  const errors: Errors = {};
  if (parsed.status !== "success") {
    for (const [key, messages] of Object.entries(parsed.error ?? {})) {
      for (const m of messages ?? []) addError(errors, key, m);
    }
  }
  for (const extra of [identifiers, workExperienceErrors(values, t)]) {
    for (const [key, messages] of Object.entries(extra)) for (const m of messages) addError(errors, key, m);
  }
  const dateError = effectiveDateError(t, options.locale, effectiveDate, options.today, participant.startMonth);
  if (dateError) addError(errors, EFFECTIVE_DATE_FIELD, dateError);

  if (parsed.status !== "success" || Object.keys(errors).length > 0) {
    const initialValue = parsed.status === "success" ? shown : { ...(parsed.initialValue ?? {}), [EFFECTIVE_DATE_FIELD]: shown[EFFECTIVE_DATE_FIELD] };
    if (!hasIdentifiers) saveDraft(db, participant.id, authorId, draftValues(instrument, values, effectiveDate));
    else if (options.afterLogin) keepWithoutRefused();
    return { kind: "invalid", lastResult: failure(initialValue, errors), draftSaved: !hasIdentifiers || !!options.afterLogin };
  }

  const key = formData.get("clientKey");
  const saved = saveVersion(db, participant.id, authorId, {
    clientKey: isFormKey(key) ? key : newFormKey(),
    effectiveDate,
    instrumentId: instrument.compiled.id,
    instrumentVersion: instrument.compiled.version,
    answers: parsed.answers,
  });
  if (!saved.ok) return { kind: "withdrawn" };
  return { kind: "saved", number: saved.number };
}
