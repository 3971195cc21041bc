// The one generic renderer of every instrument (no hand-written form per instrument).
// <InstrumentFields> renders the sections and items of a compiled instrument as accessible
// HTML, without the <form> element: pages add the form, hidden inputs and buttons.
//
// Conditional items work without JavaScript: an item that applies only for some answers gets
// the class `inst-when-<n>`, and the options that satisfy condition <n> get `inst-reveals-<n>`.
// instruments.css hides `.inst-when-<n>` while no `.inst-reveals-<n>` option is checked
// (`:has()`); browsers without `:has()` simply show everything, and the server drops answers
// to items whose condition does not hold either way. No inline styles (CSP).
//
// Browser-safe: imports no zod and no `.server` module.
import { pick, type Locale } from "../i18n/locale";
import { formErrors, initialFormValues, type FormResultLike } from "./form-values";
import { HelpText, type FieldContext } from "./items/field-kit";
import { componentFor } from "./items/registry";
import { instrumentText } from "./messages";
import { idFragment } from "./names";
import type { Answers, CompiledCondition, CompiledItem, FormInstrument } from "./types";

export interface InstrumentFieldsProps {
  readonly instrument: FormInstrument;
  readonly locale: Locale;
  /** The action's result after a rejected submit (conform SubmissionResult): values + errors. */
  readonly lastResult?: FormResultLike | null;
  /** Stored answers to show when there is no lastResult (e.g. editing a draft). */
  readonly defaultAnswers?: Answers | null;
  /** Prefix for every HTML id, when a page shows more than one instrument form. */
  readonly idPrefix?: string;
  /** Heading level of the section titles (default 2); matrix questions get one level below. */
  readonly headingLevel?: 2 | 3 | 4 | 5;
  /** Show the instrument's help text (e.g. the log form's expectations) above the fields. */
  readonly showHelp?: boolean;
  /** Start each section heading with «Del 2 av 4», for a long form seen without scripts. */
  readonly numberSections?: boolean;
}

export function InstrumentFields({
  instrument,
  locale,
  lastResult,
  defaultAnswers,
  idPrefix = "",
  headingLevel = 2,
  showHelp = true,
  numberSections = false,
}: InstrumentFieldsProps) {
  const values = initialFormValues(instrument, lastResult, defaultAnswers);
  const errors = formErrors(lastResult);
  const reveals = revealClasses(instrument.conditions);
  const ctx: FieldContext = {
    locale,
    t: instrumentText(locale),
    questionHeadingLevel: headingLevel + 1,
    id: (key, suffix) =>
      `${idPrefix}inst-${idFragment(key)}${suffix === undefined ? "" : `-${idFragment(String(suffix))}`}`,
    value: (field) => values.get(field),
    errors: (key) => errors.get(key),
    reveals: (field, code) => reveals.get(field)?.get(code),
  };
  const SectionHeading = `h${headingLevel}` as "h2";

  return (
    <div className="inst-fields" data-instrument={instrument.key}>
      {showHelp && instrument.help && (
        <div className="inst-intro">
          <HelpText value={instrument.help} ctx={ctx} />
        </div>
      )}
      {instrument.sections.map((section, index) => {
        const headingId = `${idPrefix}inst-section-${idFragment(section.id)}`;
        return (
          <section
            key={section.id}
            className={withConditions("inst-section", section.conditions)}
            aria-labelledby={headingId}
          >
            <SectionHeading id={headingId} className="inst-section-title">
              {numberSections ? (
                <span className="inst-section-step">{ctx.t("instruments.section.step", { position: index + 1, sections: instrument.sections.length })} </span>
              ) : null}
              {pick(section.title, locale)}
            </SectionHeading>
            {section.conditions.length > 0 && (
              <p className="inst-conditional-note">{ctx.t("instruments.conditional.hint")}</p>
            )}
            {section.help && (
              <div className="inst-help inst-section-help">
                <HelpText value={section.help} ctx={ctx} />
              </div>
            )}
            {section.items.map((item) => (
              <ItemBlock key={item.name} item={item} ctx={ctx} sectionConditions={section.conditions} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function ItemBlock({
  item,
  ctx,
  sectionConditions,
}: {
  item: CompiledItem;
  ctx: FieldContext;
  sectionConditions: readonly CompiledCondition[];
}) {
  const Field = componentFor(item.type);
  // Conditions beyond the section's: the item hides on its own.
  const own = item.conditions.filter((c) => !sectionConditions.includes(c));
  return (
    <div className={withConditions(`inst-item inst-item-${item.type}`, own)} data-item={item.name}>
      {own.length > 0 && <p className="inst-conditional-note">{ctx.t("instruments.conditional.hint")}</p>}
      <Field item={item as never} ctx={ctx} />
    </div>
  );
}

function withConditions(base: string, conditions: readonly CompiledCondition[]): string {
  if (conditions.length === 0) return base;
  return `${base} inst-conditional ${conditions.map((c) => `inst-when-${c.index}`).join(" ")}`;
}

/** field → code → "inst-reveals-<n> …" for the options that satisfy a condition. */
function revealClasses(conditions: readonly CompiledCondition[]): Map<string, Map<number, string>> {
  const map = new Map<string, Map<number, string>>();
  for (const condition of conditions) {
    const byCode = map.get(condition.field) ?? new Map<number, string>();
    for (const code of condition.in) {
      const previous = byCode.get(code);
      const cls = `inst-reveals-${condition.index}`;
      byCode.set(code, previous ? `${previous} ${cls}` : cls);
    }
    map.set(condition.field, byCode);
  }
  return map;
}
