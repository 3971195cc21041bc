// A saved report version in words: a ticked box shows the option it stands for, never «1».
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/catalog";
import { loadCodebook, type Codebook } from "../../app/instruments/codebook.server";
import type { Answers } from "../../app/instruments/types";
import { answerSections } from "../../app/reports/answers-view.server";
import { reportInstrument } from "../../app/reports/instrument.server";

const instrument = reportInstrument(loadCodebook(path.resolve("surveys")) as Codebook);
const answers: Answers = Object.fromEntries(instrument.compiled.variables.map((v) => [v.name, v.kind === "flag" ? 0 : null]));

function shown(values: Answers, locale: "nb" | "en") {
  return answerSections(instrument, values, locale, translator(locale)).flatMap((s) => s.answers);
}

describe("a report version in words", () => {
  it("lists the ticked options of a multiple-choice question by their words, in nb and en", () => {
    const values = { ...answers, behov_mi1: 1, behov_mi3: 1, kjonn: 2 };
    const nb = shown(values, "nb");
    const micro = nb.find((a) => a.label === "Bistandsbehov på mikronivå (individrelaterte)");
    expect(micro?.value).toBe("Bistandsbehov for å bedre norskkunnskaper; Bistandsbehov ved lav jobbsøkerkompetanse");
    expect(nb.find((a) => a.label === "Bistandsbehov på mesonivå (kvalifisering, arbeidsplass, familie og nettverk)")?.value).toBe("Ingen krysset av");
    const en = shown(values, "en");
    expect(en.find((a) => a.label === "Assistance needs at micro level (individual-related)")?.value).toBe(
      "Needs to improve Norwegian skills; Needs due to low job-seeking competence",
    );
    // No answer anywhere is a bare code.
    for (const a of [...nb, ...en]) expect(a.value, a.label).not.toMatch(/^[01]$/);
  });
});
