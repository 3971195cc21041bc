// Valid, distinguishable answers to the employer survey, built from the codebook. No test
// runner here, so the benchmark can use it too.
import { loadCodebook } from "../../app/instruments/codebook.server";
import type { CompiledInstrument } from "../../app/instruments/types";

export const employerSurvey = (): CompiledInstrument => loadCodebook().get("employer-survey")!;

/**
 * A complete, valid answer. `seed` makes every answer different (open text, counts and the
 * pattern of codes), so each stored answer can be told apart.
 */
export function answerForm(instrument: CompiledInstrument, seed: number): URLSearchParams {
  const form = new URLSearchParams();
  let k = 0;
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (item.type === "matrix") {
        for (const s of item.statements) form.set(s.field, String(item.options[(seed * 7 + k++ * 3 + (seed >> 2)) % item.options.length].code));
      } else if (item.type === "counts") {
        item.options.forEach((o, i) => form.set(o.field, String((seed + i) % 5)));
      } else if (item.type === "long_text") {
        form.set(item.field, `Svar nummer ${seed}`);
      }
    }
  }
  return form;
}

/** The `seed` of an answer written by answerForm, read back from stored answers JSON. */
export function seedOfAnswer(answers: string): number {
  return Number(/Svar nummer (\d+)/.exec(answers)?.[1] ?? Number.NaN);
}
