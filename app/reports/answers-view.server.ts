// A saved version as readable text: every question of its own instrument version with the
// answer's words (a multiple-choice question lists the ticked options, never «1»), "not
// applicable" where the question did not apply, and which questions changed since the version before.
import type { TFunction } from "~/i18n/catalog";
import { pick, type Locale } from "~/i18n/locale";
import type { Answers, CompiledVariable, MultipleChoiceItem } from "~/instruments/types";
import type { ReportInstrument } from "./instrument.server";

export interface AnswerSection {
  readonly title: string;
  readonly answers: readonly { readonly name: string; readonly label: string; readonly value: string }[];
}

function applies(instrument: ReportInstrument, variable: CompiledVariable, answers: Answers): boolean {
  const item = instrument.items.find((i) => i.name === variable.item.name);
  return !item || item.conditions.every((c) => c.in.includes(Number(answers[c.variable])));
}

export function answerText(variable: CompiledVariable, value: Answers[string], locale: Locale): string {
  if (value === null || value === undefined) return "";
  if (variable.kind === "code" || variable.kind === "flag") {
    const option = variable.options.find((o) => o.code === value);
    return option ? pick(option.label, locale) : String(value);
  }
  return String(value);
}

/** A multiple-choice question as one answer: the words of the ticked options, or «Ingen krysset av». */
function ticked(item: MultipleChoiceItem, answers: Answers, locale: Locale, t: TFunction): string {
  const chosen = item.options.filter((o) => answers[o.variable] === 1).map((o) => pick(o.label, locale));
  if (chosen.length) return chosen.join("; ");
  const unanswered = item.options.every((o) => answers[o.variable] === null || answers[o.variable] === undefined);
  if (unanswered && !item.conditions.every((c) => c.in.includes(Number(answers[c.variable])))) return t("reports.versions.notApplicable");
  return t("reports.versions.noneTicked");
}

export function answerSections(instrument: ReportInstrument, answers: Answers, locale: Locale, t: TFunction): AnswerSection[] {
  return instrument.compiled.sections.map((section) => ({
    title: pick(section.title, locale),
    answers: section.items.flatMap((item) => {
      if (item.type === "multiple_choice") return [{ name: item.name, label: pick(item.label, locale), value: ticked(item, answers, locale, t) }];
      return instrument.compiled.variables
        .filter((v) => v.item.name === item.name)
        .map((v) => {
          const value = answers[v.name];
          const text =
            value === null || value === undefined
              ? applies(instrument, v, answers)
                ? t("reports.versions.notAnswered")
                : t("reports.versions.notApplicable")
              : answerText(v, value, locale);
          return { name: v.name, label: pick(v.label, locale), value: text };
        });
    }),
  }));
}

/** Labels of the questions whose answers differ between two versions. */
export function changedLabels(instrument: ReportInstrument, before: Answers | null, after: Answers, locale: Locale): string[] | null {
  if (!before) return null;
  return instrument.compiled.variables
    .filter((v) => (before[v.name] ?? null) !== (after[v.name] ?? null))
    .map((v) => pick(v.label, locale));
}
