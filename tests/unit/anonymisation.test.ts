// The anonymisation pieces of the export pipeline: pseudonyms, k-anonymity, merging instrument
// versions, and turning stored answers into export values (missing codes, dates, dropped
// identifiers, multiple choice, matrices and counts) — all driven by compiled definitions.
import { describe, expect, it } from "vitest";
import { compileDefinitionText } from "../../app/instruments/compile.server";
import type { CompiledInstrument } from "../../app/instruments/types";
import { PseudonymTable, freshPseudonymKey, projectPseudonymKey } from "../../app/exports/anonymise/pseudonyms.server";
import { SUPPRESSED, ageBand, childrenBand, kAnonymise } from "../../app/exports/anonymise/k-anonymity";
import { regionOf } from "../../app/exports/anonymise/regions";
import { newStats } from "../../app/exports/anonymise/stats";
import { AnswerConverter, VersionConflict, mergeVersions } from "../../app/exports/instrument-variables";
import type { Row } from "../../app/exports/dictionary";

function compile(yaml: string): CompiledInstrument {
  const { instrument, problems } = compileDefinitionText(yaml, "test.yaml");
  if (!instrument) throw new Error(problems.map((p) => `${p.item}: ${p.problem}`).join("\n"));
  return instrument;
}

const V1 = `
id: fixture
version: 1
title: { nb: Test, en: Test }
description: { nb: Test, en: Test }
option_sets:
  ja_nei:
    - { code: 1, label: { nb: Ja, en: "Yes" } }
    - { code: 2, label: { nb: Nei, en: "No" } }
    - { code: 3, label: { nb: "Nei, men kunne vært viktig", en: "No, but it could have been important" } }
missing_sets:
  standard:
    - { code: -1, label: { nb: Ikke besvart, en: Not answered }, role: not_answered }
    - { code: -2, label: { nb: Ikke aktuelt, en: Not applicable }, role: not_applicable }
defaults:
  missing: standard
sections:
  - id: s1
    title: { nb: Del, en: Part }
    items:
      - { name: navn, type: short_text, label: { nb: Navn, en: Name }, disclosure: direct_identifier, nvivo: classifying }
      - { name: dato, type: date, label: { nb: Dato, en: Date }, nvivo: classifying }
      - name: status
        type: single_choice
        label: { nb: Status, en: Status }
        options: [{ code: 1, label: { nb: I jobb, en: In work } }, { code: 2, label: { nb: Ikke i jobb, en: Not in work } }]
      - { name: stilling, type: integer, label: { nb: Stillingsprosent, en: Position }, min: 0, max: 100, when: { variable: status, in: [1] } }
      - name: verktoy
        type: multiple_choice
        label: { nb: Verktøy, en: Tools }
        options: [{ code: 1, name: verktoy_cv, label: { nb: CV, en: CV } }, { code: 2, name: verktoy_intervju, label: { nb: Intervju, en: Interview } }]
      - name: q
        type: matrix
        label: { nb: Påstander, en: Statements }
        options: ja_nei
        statements:
          - { name: q_a, label: { nb: Første, en: First } }
          - { name: q_b, label: { nb: Andre, en: Second } }
      - name: ansatt
        type: counts
        label: { nb: Ansatte, en: Employed }
        options: [{ code: 1, name: ans_fast, label: { nb: Fast, en: Permanent } }, { code: 2, name: ans_vikar, label: { nb: Vikar, en: Temporary } }]
      - { name: kommentar, type: long_text, label: { nb: Kommentar, en: Comment }, disclosure: free_text, nvivo: codable }
`;

describe("pseudonyms", () => {
  it("are stable per project, differ between projects and for a fresh key", () => {
    const a = new PseudonymTable(projectPseudonymKey("secret", 1), "job_specialist", [1, 2, 3]);
    const again = new PseudonymTable(projectPseudonymKey("secret", 1), "job_specialist", [3, 2, 1, 99]);
    const other = new PseudonymTable(projectPseudonymKey("secret", 2), "job_specialist", [1, 2, 3]);
    const fresh = new PseudonymTable(freshPseudonymKey(), "job_specialist", [1, 2, 3]);
    expect(a.of(1)).toMatch(/^JS-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(again.of(1)).toBe(a.of(1));
    expect(again.of(3)).toBe(a.of(3));
    expect(other.of(1)).not.toBe(a.of(1));
    expect(fresh.of(1)).not.toBe(a.of(1));
    expect(() => a.of(4)).toThrow(/No pseudonym/);
  });

  it("are unique over many subjects", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
    const t = new PseudonymTable(projectPseudonymKey("x", 7), "participant", ids);
    expect(new Set(ids.map((id) => t.of(id))).size).toBe(ids.length);
    expect(t.of(1).startsWith("P-")).toBe(true);
  });
});

describe("k-anonymity", () => {
  const qis = [
    { variable: "land", generalise: (c: number) => regionOf(c).code },
    { variable: "kjonn" },
    { variable: "alder", generalise: ageBand },
    { variable: "barn", generalise: childrenBand },
  ];

  it("changes nothing when the data are already k-anonymous", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [232, 1 + (i % 2), 30, 0]);
    const r = kAnonymise(rows, qis, 5);
    expect(r.generalised).toEqual([]);
    expect(r.kReached).toBe(5);
    expect(r.values).toEqual(rows);
  });

  it("generalises first, then suppresses single values until every group has k", () => {
    // 12 Eritreans and Ethiopians (same region) of nearby ages, and one Syrian aged 61.
    const rows: (number | null)[][] = [
      ...Array.from({ length: 6 }, (_, i) => [232, 1, 30 + i, i % 3]),
      ...Array.from({ length: 6 }, (_, i) => [231, 1, 31 + i, 1 + (i % 2)]),
      [760, 1, 61, 4],
    ];
    const r = kAnonymise(rows, qis, 5);
    expect(r.generalised).toEqual(["land", "alder", "barn"]);
    expect(r.kReached).toBeGreaterThanOrEqual(5);
    expect(r.recordsBelowK).toBe(0);
    // Records in a group that is big enough once generalised keep their values: Eastern Africa
    // (14), the band 25–34 (2), one or two children (1).
    expect(r.values[1]).toEqual([14, 1, 2, 1]);
    expect(r.values[8]).toEqual([14, 1, 2, 1]);
    // The lone Syrian could not stay as he was.
    expect(r.values[12]).toContain(SUPPRESSED);
    const stars = r.values.flat().filter((v) => v === SUPPRESSED).length;
    expect(Object.values(r.suppressed).reduce((a, b) => a + b, 0)).toBe(stars);
    expect(stars).toBeGreaterThan(0);
    expect(r.groupsBelowKBefore).toBe(13);
  });

  it("treats a suppressed value as any value, so a rare record hides among the others", () => {
    const rows = [...Array.from({ length: 8 }, () => [578, 2]), [4, 1], [156, 1]];
    const r = kAnonymise(rows, [{ variable: "land" }, { variable: "kjonn" }], 3);
    expect(r.kReached).toBeGreaterThanOrEqual(3);
    expect(r.recordsBelowK).toBe(0);
    // The eight alike records are untouched; each rare one loses one value at most twice.
    expect(r.values.slice(0, 8).every((v) => v[0] === 578 && v[1] === 2)).toBe(true);
    expect(r.suppressed.land + r.suppressed.kjonn).toBeLessThanOrEqual(4);
  });

  it("bands ages and children as the issue says", () => {
    expect([20, 25, 34, 35, 50, 66].map(ageBand)).toEqual([1, 2, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 7].map(childrenBand)).toEqual([0, 1, 1, 3, 3]);
    expect(regionOf(760).label.nb).toBe("Vest-Asia");
    expect(regionOf(706).label.en).toBe("Eastern Africa");
  });
});

describe("instrument versions", () => {
  const v1 = compile(V1);

  it("merge when a later version adds an option and a variable", () => {
    const v2 = compile(
      V1.replace("version: 1", "version: 2")
        .replace("{ code: 2, label: { nb: Ikke i jobb, en: Not in work } }]", "{ code: 2, label: { nb: Ikke i jobb, en: Not in work } }, { code: 3, label: { nb: Skole, en: School } }]")
        .replace("      - { name: kommentar", "      - { name: ny, type: integer, label: { nb: Ny, en: New }, min: 0, max: 9 }\n      - { name: kommentar"),
    );
    const merged = mergeVersions([v2, v1]);
    expect(merged.versions).toEqual([1, 2]);
    expect(merged.variables.find((v) => v.name === "status")!.options.map((o) => o.code)).toEqual([1, 2, 3]);
    expect(merged.variables.some((v) => v.name === "ny")).toBe(true);
  });

  it("refuse to merge when a code changed meaning", () => {
    const v2 = compile(V1.replace("version: 1", "version: 2").replace("{ nb: I jobb, en: In work }", "{ nb: Arbeidsledig, en: Unemployed }"));
    expect(() => mergeVersions([v1, v2])).toThrow(VersionConflict);
    expect(() => mergeVersions([v1, v2])).toThrow(/code 1 changed meaning from «I jobb» to «Arbeidsledig»/);
  });

  it("refuse to merge when a variable changed type", () => {
    const v2 = compile(V1.replace("version: 1", "version: 2").replace("name: stilling, type: integer", "name: stilling, type: short_text").replace(", min: 0, max: 100, when", ", when"));
    expect(() => mergeVersions([v1, v2])).toThrow(/changed type from integer to text/);
  });
});

describe("answers to export values", () => {
  const merged = mergeVersions([compile(V1)]);
  const answers = {
    navn: "Kari Hansen",
    dato: "2018-03-14",
    status: 2,
    stilling: null,
    verktoy_cv: 1,
    verktoy_intervju: 0,
    q_a: 3,
    q_b: null,
    ans_fast: 2,
    ans_vikar: 0,
    kommentar: "Ring 91234567",
  };

  it("drops direct identifiers, coarsens dates, writes the right missing codes and scrubs text", () => {
    const converter = new AnswerConverter(merged, { exactDates: false });
    expect(converter.dropped).toEqual(["navn"]);
    expect(converter.variables.map((v) => v.name)).toEqual(["dato", "status", "stilling", "verktoy_cv", "verktoy_intervju", "q_a", "q_b", "ans_fast", "ans_vikar", "kommentar"]);
    const stats = newStats();
    const row: Row = {};
    converter.convert(answers, 1, (t) => t.replace(/\d{8}/, "[TELEFON]"), stats, row);
    expect(row).toEqual({
      dato: "2018-03",
      status: 2,
      stilling: -2, // condition status in [1] does not hold: not applicable
      verktoy_cv: 1,
      verktoy_intervju: 0,
      q_a: 3,
      q_b: -1, // applies but empty: not answered
      ans_fast: 2,
      ans_vikar: 0,
      kommentar: "Ring [TELEFON]",
    });
    expect(stats.dropped).toEqual({ navn: 1 });
    expect(stats.coarsened).toBe(1);
    const dato = converter.variables[0];
    expect(dato).toMatchObject({ type: "string", treatment: "coarsened", label: { nb: "Dato (måned)" } });
    const q = converter.variables.find((v) => v.name === "q_a")!;
    expect(q.valueLabels!.map((l) => [l.value, l.label.nb])).toEqual([
      [1, "Ja"],
      [2, "Nei"],
      [3, "Nei, men kunne vært viktig"],
      [-1, "Ikke besvart"],
      [-2, "Ikke aktuelt"],
    ]);
    expect(q.missing).toEqual([-1, -2]);
    const flag = converter.variables.find((v) => v.name === "verktoy_cv")!;
    expect(flag.valueLabels!.slice(0, 2).map((l) => l.label.nb)).toEqual(["Ikke valgt", "Valgt"]);
  });

  it("keeps exact dates when asked", () => {
    const converter = new AnswerConverter(merged, { exactDates: true });
    const row: Row = {};
    converter.convert(answers, 1, (t) => t, newStats(), row);
    expect(row.dato).toBe("2018-03-14");
    expect(converter.variables[0]).toMatchObject({ type: "date", treatment: "kept" });
  });
});

describe("offsets through the scrubber (coded spans of transcripts)", () => {
  it("moves code-point offsets past markers and keeps spans on the same words", async () => {
    const { countingRedactor } = await import("../../app/exports/anonymise/known-terms.server");
    const { Scrubber } = await import("../../app/exports/anonymise/scrub");
    const stats = newStats();
    const redact = countingRedactor(new Scrubber({ people: ["Aina Demosen"] }), stats);
    const text = "😊 Aina Demosen ringte 91234567 om praksis.";
    const out = redact(text);
    expect(out.text).toBe("😊 [NAVN] ringte [TELEFON] om praksis.");
    const cp = (s: string) => [...s];
    // "praksis" in the input (code points) maps onto "praksis" in the output.
    const start = cp(text).join("").indexOf("praksis");
    const startPoints = cp(text.slice(0, start)).length;
    const mapped = out.map(startPoints);
    expect(cp(out.text).slice(mapped, mapped + 7).join("")).toBe("praksis");
    // A span that starts inside a redaction starts at the marker, and one ending inside ends after it.
    const inName = cp(text.slice(0, text.indexOf("Demosen"))).length;
    expect(out.map(inName)).toBe(2);
    expect(out.map(inName, true)).toBe(2 + "[NAVN]".length);
    expect(stats.redactions).toEqual({ name: 1, phone: 1 });
    expect(stats.scrubbedValues).toBe(1);
  });
});
