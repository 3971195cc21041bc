// Server validation from the definition: typed answers, field errors in nb and en with the
// typed values kept, conditional items, and malformed input that must never throw.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { compileDefinitionText } from "../../app/instruments/compile.server";
import type { CompiledInstrument } from "../../app/instruments/types";
import {
  parseInstrumentForm,
  type InstrumentFormFailure,
  type InstrumentFormResult,
} from "../../app/instruments/validate.server";

const codebook = loadCodebook(path.resolve(import.meta.dirname, "../../surveys"));
const logEntry = codebook.get("log-entry")!;
const employer = codebook.get("employer-survey")!;
const report = codebook.get("participant-report")!;

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

function expectFailure(result: InstrumentFormResult): InstrumentFormFailure & { error: Record<string, string[]> } {
  expect(result.status).toBe("error");
  if (result.status === "success") throw new Error("expected a failure");
  expect(result.error).toBeTruthy();
  return result as InstrumentFormFailure & { error: Record<string, string[]> };
}

function expectSuccess(result: InstrumentFormResult) {
  if (result.status !== "success") {
    throw new Error(`expected success, got ${JSON.stringify((result as InstrumentFormFailure).error)}`);
  }
  return result.answers;
}

/** A synthetic instrument with every item type. */
const ALL_TYPES = compileDefinitionText(
  `
id: all-types
version: 1
title: { nb: Alle typer, en: All types }
description: { nb: Test, en: Test }
option_sets:
  colours:
    - { code: 1, label: { nb: Rød, en: Red } }
    - { code: 2, label: { nb: Grønn, en: Green } }
    - { code: 3, label: { nb: Blå, en: Blue } }
sections:
  - id: a
    title: { nb: A, en: A }
    items:
      - { name: txt, type: short_text, label: { nb: Tekst, en: Text }, max_length: 10 }
      - { name: when.day, type: date, label: { nb: Dato, en: Date } }
      - { name: mnd, type: month, label: { nb: Måned, en: Month } }
      - { name: num, type: integer, label: { nb: Tall, en: Number }, min: -5, max: 5 }
      - { name: pick, type: multiple_choice, label: { nb: Velg, en: Pick }, options: colours, required: true }
      - { name: cnt, type: counts, label: { nb: Antall, en: Counts }, options: colours, max: 10 }
      - { name: step, type: se_step, label: { nb: Trinn, en: Step } }
`,
  "tests/all-types.yaml",
);

describe("compiled synthetic instrument", () => {
  it("compiles", () => {
    expect(ALL_TYPES.problems).toEqual([]);
  });
});
const allTypes = ALL_TYPES.instrument as CompiledInstrument;

describe("log-entry", () => {
  const valid = {
    dato: "2018-03-14",
    situasjon: "  Møte med arbeidsgiver \r\n om praksis  ",
    bistand: "Forklarte tilskudd",
    resultat: "Avtale",
    annerledes: "Tidligere kontakt",
    trinn: "4",
  };

  it("returns typed answers keyed by variable, absent optional values as null", () => {
    const answers = expectSuccess(parseInstrumentForm(logEntry, form(valid), "nb"));
    expect(answers).toEqual({
      dato: "2018-03-14",
      situasjon: "Møte med arbeidsgiver \n om praksis",
      bistand: "Forklarte tilskudd",
      resultat: "Avtale",
      annerledes: "Tidligere kontakt",
      god_praksis: null,
      trinn: 4,
    });
  });

  it("accepts the report's dd.mm.yy date format", () => {
    const answers = expectSuccess(parseInstrumentForm(logEntry, form({ ...valid, dato: "01.09.17" }), "nb"));
    expect(answers.dato).toBe("2017-09-01");
  });

  it("missing required answers give field errors in Norwegian, other values kept", () => {
    const result = expectFailure(
      parseInstrumentForm(logEntry, form({ situasjon: "Noe skjedde", god_praksis: "Dette", trinn: "" }), "nb"),
    );
    expect(Object.keys(result.error).sort()).toEqual(["annerledes", "bistand", "dato", "resultat", "trinn"]);
    expect(result.error.dato).toEqual(["Dette feltet må fylles ut"]);
    expect(result.error.trinn).toEqual(["Velg ett av svaralternativene"]);
    expect(result.initialValue).toMatchObject({ situasjon: "Noe skjedde", god_praksis: "Dette" });
  });

  it("and in English", () => {
    const result = expectFailure(parseInstrumentForm(logEntry, form({ situasjon: "Something" }), "en"));
    expect(result.error.bistand).toEqual(["This field is required"]);
    expect(result.error.trinn).toEqual(["Choose one of the answers"]);
    expect(result.initialValue).toMatchObject({ situasjon: "Something" });
  });

  it("whitespace only is not an answer", () => {
    const result = expectFailure(parseInstrumentForm(logEntry, form({ ...valid, resultat: "   \n " }), "nb"));
    expect(result.error).toEqual({ resultat: ["Dette feltet må fylles ut"] });
  });

  it("defaults to Norwegian", () => {
    const result = expectFailure(parseInstrumentForm(logEntry, form({})));
    expect(result.error.situasjon).toEqual(["Dette feltet må fylles ut"]);
  });
});

describe("employer-survey", () => {
  const allAnswered = Object.fromEntries(
    employer.variables.filter((v) => v.kind === "code").map((v, i) => [v.field, String((i % 3) + 1)]),
  );

  it("stores codes as numbers, counts as numbers, blank optional fields as null", () => {
    const answers = expectSuccess(
      parseInstrumentForm(employer, form({ ...allAnswered, ans_direkte: "2", ans_kun_praksis: " 0 " }), "nb"),
    );
    expect(answers.q1_oppfolging_info).toBe(1);
    expect(answers.q1_ingen_lonn_oppstart).toBe(2);
    expect(answers.q1_oppfolgingsplan).toBe(3);
    expect(answers.ans_direkte).toBe(2);
    expect(answers.ans_kun_praksis).toBe(0);
    expect(answers.ans_vikariat).toBeNull();
    expect(answers.q2_andre_maater).toBeNull();
    expect(Object.keys(answers).sort()).toEqual(employer.variables.map((v) => v.name).sort());
  });

  it("every unanswered statement gets its own error, answered ones are kept", () => {
    const result = expectFailure(parseInstrumentForm(employer, form({ q1_mangfold: "2", ans_direkte: "3" }), "en"));
    expect(Object.keys(result.error)).toHaveLength(31);
    expect(result.error.q2_tilgjengelig).toEqual(["Choose an answer for this statement"]);
    expect(result.error.q1_mangfold).toBeUndefined();
    expect(result.initialValue).toMatchObject({ q1_mangfold: "2", ans_direkte: "3" });
  });

  it("rejects an unknown code and a negative or fractional count", () => {
    const result = expectFailure(
      parseInstrumentForm(
        employer,
        form({ ...allAnswered, q1_mangfold: "4", q2_dialog_mentor: "vet ikke", ans_direkte: "-1", ans_vikariat: "2.5" }),
        "nb",
      ),
    );
    expect(result.error).toEqual({
      q1_mangfold: ["Velg ett av alternativene som er vist"],
      q2_dialog_mentor: ["Velg ett av alternativene som er vist"],
      ans_direkte: ["Tallet må være minst 0"],
      ans_vikariat: ["Skriv et helt tall, for eksempel 12"],
    });
  });
});

describe("participant-report: the outcome section applies only to those in work", () => {
  const base = {
    hjemland: "760",
    kjonn: "1",
    alder_overtatt: "34",
    henvisning: "Trengte tett oppfølging",
    se_tilforte: "Jobbspesialisten fulgte opp på arbeidsplassen",
  };
  const outcome = { kontrakt: "1", stillingsprosent: "80", bransje: "2", stilling: "Kokk", etteroppfolging: "1" };

  it("not in work: outcome fields are not required and their values are dropped", () => {
    const answers = expectSuccess(
      parseInstrumentForm(report, form({ ...base, status: "3", ...outcome, stillingsprosent: "999" }), "nb"),
    );
    expect(answers.status).toBe(3);
    for (const name of ["kontrakt", "stillingsprosent", "bransje", "bransje_annet", "stilling", "etteroppfolging"]) {
      expect(answers[name], name).toBeNull();
    }
    expect(answers.hjemland).toBe(760);
    expect(answers.alder_overtatt).toBe(34);
  });

  it("in work: outcome fields are required", () => {
    for (const status of ["2", "6", "7", "8"]) {
      const result = expectFailure(parseInstrumentForm(report, form({ ...base, status }), "nb"));
      expect(Object.keys(result.error).sort()).toEqual(
        ["bransje", "etteroppfolging", "kontrakt", "stillingsprosent"].sort(),
      );
      expect(result.error.kontrakt).toEqual(["Velg ett av svaralternativene"]);
    }
  });

  it("in work: answers are typed and stored", () => {
    const answers = expectSuccess(parseInstrumentForm(report, form({ ...base, status: "6", ...outcome }), "en"));
    expect(answers).toMatchObject({
      status: 6,
      kontrakt: 1,
      stillingsprosent: 80,
      bransje: 2,
      bransje_annet: null,
      stilling: "Kokk",
      etteroppfolging: 1,
    });
  });

  it("«Annet» industry requires the free-text field, which depends on both conditions", () => {
    const other = { ...outcome, bransje: "90" };
    const missing = expectFailure(parseInstrumentForm(report, form({ ...base, status: "6", ...other }), "en"));
    expect(missing.error).toEqual({ bransje_annet: ["This field is required"] });
    const given = expectSuccess(
      parseInstrumentForm(report, form({ ...base, status: "6", ...other, bransje_annet: "Fiske" }), "en"),
    );
    expect(given.bransje_annet).toBe("Fiske");
    const notInWork = expectSuccess(
      parseInstrumentForm(report, form({ ...base, status: "1", ...other, bransje_annet: "Fiske" }), "en"),
    );
    expect(notInWork.bransje_annet).toBeNull();
    expect(notInWork.bransje).toBeNull();
  });

  it("a malformed status hides the outcome section and gets its own error", () => {
    const result = expectFailure(parseInstrumentForm(report, form({ ...base, status: "6 or 1=1" }), "nb"));
    expect(result.error).toEqual({ status: ["Velg ett av alternativene som er vist"] });
  });

  it("out-of-range position percentage and text in numbers", () => {
    const result = expectFailure(
      parseInstrumentForm(
        report,
        form({ ...base, status: "8", ...outcome, stillingsprosent: "101", antall_barn: "to", alder_overtatt: "1e3" }),
        "en",
      ),
    );
    expect(result.error).toEqual({
      stillingsprosent: ["The number cannot be greater than 100"],
      antall_barn: ["Enter a whole number, for example 12"],
      alder_overtatt: ["Enter a whole number, for example 12"],
    });
    expect(result.initialValue).toMatchObject({ stillingsprosent: "101", antall_barn: "to" });
  });
});

describe("every item type", () => {
  it("types each value: date, month, integer, flags, counts, step; '.' in a name", () => {
    const answers = expectSuccess(
      parseInstrumentForm(
        allTypes,
        form({
          txt: "hei",
          "when:day": "31.12.2018",
          mnd: "3.2019",
          num: "−3",
          pick_1: "1",
          pick_3: "on",
          cnt_2: "7",
          step: "5",
        }),
        "nb",
      ),
    );
    expect(answers).toEqual({
      txt: "hei",
      "when.day": "2018-12-31",
      mnd: "2019-03",
      num: -3,
      pick_1: 1,
      pick_2: 0,
      pick_3: 1,
      cnt_1: null,
      cnt_2: 7,
      cnt_3: null,
      step: 5,
    });
  });

  it("multiple choice: required means at least one, reported on the item", () => {
    const result = expectFailure(parseInstrumentForm(allTypes, form({ txt: "x", num: "9" }), "en"));
    expect(result.error).toEqual({
      pick: ["Choose at least one option"],
      num: ["The number cannot be greater than 5"],
    });
  });

  it("invalid dates, months and tick-box values", () => {
    const result = expectFailure(
      parseInstrumentForm(
        allTypes,
        form({ "when:day": "2018-02-30", mnd: "2019-13", pick_1: "yes", step: "6" }),
        "nb",
      ),
    );
    expect(result.error).toMatchObject({
      "when:day": ["Skriv en gyldig dato, for eksempel 31.12.2018"],
      mnd: ["Skriv en gyldig måned som ÅÅÅÅ-MM, for eksempel 2018-12"],
      pick_1: ["Ugyldig verdi"],
      step: ["Velg ett av alternativene som er vist"],
    });
  });

  it("text longer than max_length", () => {
    const result = expectFailure(parseInstrumentForm(allTypes, form({ txt: "elleve tegn", pick_2: "1" }), "en"));
    expect(result.error).toEqual({ txt: ["The text is too long: 11 characters, at most 10 are allowed"] });
  });
});

describe("malformed input never throws", () => {
  const huge = "x".repeat(10 * 1024 * 1024);

  it("a 10 MB field is a field error and is not echoed back in full", () => {
    const result = expectFailure(parseInstrumentForm(logEntry, form({ situasjon: huge, dato: huge, trinn: huge }), "nb"));
    expect(result.error.situasjon[0]).toMatch(/^Teksten er for lang: 10[\s\u00a0]?485[\s\u00a0]?760 tegn, høyst 4000 er tillatt$/);
    expect(result.error.dato).toEqual(["Skriv en gyldig dato, for eksempel 31.12.2018"]);
    expect(result.error.trinn).toEqual(["Velg ett av alternativene som er vist"]);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it("odd payloads: files, duplicates, conform's reserved names, prototype keys, foreign fields", () => {
    const data = new FormData();
    data.append("situasjon", new File(["abc"], "a.txt"));
    data.append("bistand", "første");
    data.append("bistand", "andre");
    data.append("__intent__", "{not json");
    data.append("__state__", "[[[");
    data.append("__proto__", "x");
    data.append("constructor", "x");
    data.append("a[0", "x");
    data.append("trinn", "0x4");
    data.append("dato", "2018-3-1");
    const result = expectFailure(parseInstrumentForm(logEntry, data, "en"));
    expect(result.error.situasjon).toEqual(["This field is required"]);
    expect(result.error.bistand).toBeUndefined();
    expect(result.error.trinn).toEqual(["Choose one of the options shown"]);
    expect(result.error.dato).toEqual(["Enter a valid date, for example 31.12.2018"]);
    expect(result.initialValue).toMatchObject({ bistand: "første" });
  });

  it("URLSearchParams work as well as FormData", () => {
    const result = parseInstrumentForm(employer, new URLSearchParams("q1_mangfold=1&ans_direkte=abc"), "nb");
    expect(expectFailure(result).error.ans_direkte).toEqual(["Skriv et helt tall, for eksempel 12"]);
  });

  it("garbage in every field of every instrument", () => {
    const garbage = ["", " ", "-", "1e999", "NaN", "Infinity", "9".repeat(400), "<script>", "\u0000", "١٢", "½", "[]", "{}"];
    for (const instrument of [...codebook.list(), allTypes]) {
      for (const value of garbage) {
        const data = new FormData();
        for (const v of instrument.variables) data.append(v.field, value);
        expect(() => parseInstrumentForm(instrument, data, "nb")).not.toThrow();
      }
    }
  });
});
