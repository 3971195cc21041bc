// The codebook: the four AFI definitions compile, the expanded variable lists are right, and
// every class of invalid definition stops the load with file + item + problem.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkInstruments,
  clearCodebookCache,
  DefinitionError,
  loadCodebook,
} from "../../app/instruments/codebook.server";
import { variableNameProblem } from "../../app/instruments/names";

const SURVEYS = path.resolve(import.meta.dirname, "../../surveys");

describe("the AFI instruments", () => {
  const codebook = loadCodebook(SURVEYS);

  it("loads all four definitions", () => {
    expect(codebook.latest().map((i) => i.key)).toEqual([
      "employer-survey@v1",
      "exchange-preparation@v1",
      "log-entry@v1",
      "participant-report@v1",
    ]);
    expect(codebook.get("log-entry")?.version).toBe(1);
    expect(codebook.get("log-entry", 1)?.key).toBe("log-entry@v1");
    expect(codebook.get("log-entry", 2)).toBeUndefined();
    expect(codebook.get("nope")).toBeUndefined();
    expect(codebook.versions("employer-survey")).toEqual([1]);
  });

  it("is compiled once and read-only, plain JSON data", () => {
    expect(loadCodebook(SURVEYS)).toBe(codebook);
    const instrument = codebook.get("employer-survey")!;
    expect(Object.isFrozen(instrument)).toBe(true);
    expect(Object.isFrozen(instrument.variables[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(instrument))).toEqual(instrument);
  });

  it("log-entry: the seven columns of Tabell 5 in order, with the expectations as help", () => {
    const log = codebook.get("log-entry")!;
    const items = log.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.label.nb)).toEqual([
      "Dato",
      "Situasjon",
      "Jobbspesialistens bistand",
      "Resultat",
      "Hva kunne gjøres annerledes?",
      "Ev. hva fungerte? – påpek god praksis",
      "Trinn i SE",
    ]);
    expect(items.map((i) => i.type)).toEqual([
      "date", "long_text", "long_text", "long_text", "long_text", "long_text", "se_step",
    ]);
    expect(items.map((i) => i.required)).toEqual([true, true, true, true, true, false, true]);
    const texts = log.variables.filter((v) => v.kind === "text");
    expect(texts).toHaveLength(5);
    for (const v of texts) {
      expect(v.disclosure).toBe("free_text");
      expect(v.nvivo).toBe("codable");
    }
    const step = log.variables.find((v) => v.name === "trinn")!;
    expect(step.options.map((o) => o.code)).toEqual([1, 2, 3, 4, 5]);
    expect(step.options[2].label.nb).toBe("Trinn 3: Å finne jobb");
    expect(step.measure).toBe("ordinal");
    expect(log.help?.nb).toContain("regelmessig loggføring: gjerne korte, men daglige notater.");
    expect(log.help?.nb).toContain("loggføring på et aggregert nivå, ikke per deltaker.");
    expect(log.help?.en).toContain("Log at an aggregated level, not per participant.");
  });

  it("employer-survey: 11 + 16 + 5 matrix variables, 1 text, 5 counts; codes 1/2/3", () => {
    const survey = codebook.get("employer-survey")!;
    const vars = survey.variables;
    const byItem = (name: string) => vars.filter((v) => v.item.name === name);
    expect(byItem("q1")).toHaveLength(11);
    expect(byItem("q2")).toHaveLength(16);
    expect(byItem("q3")).toHaveLength(5);
    expect(vars.filter((v) => v.kind === "text").map((v) => v.name)).toEqual(["q2_andre_maater"]);
    expect(byItem("ansettelse").map((v) => v.name)).toEqual([
      "ans_direkte", "ans_praksis_forst", "ans_vikariat", "ans_kun_praksis", "ans_kun_jobbsmak",
    ]);
    expect(byItem("ansettelse").every((v) => v.kind === "integer" && v.min === 0)).toBe(true);
    expect(vars).toHaveLength(11 + 16 + 5 + 1 + 5);
    for (const v of [...byItem("q1"), ...byItem("q2"), ...byItem("q3")]) {
      expect(v.kind).toBe("code");
      expect(v.required).toBe(true);
      expect(v.options.map((o) => [o.code, o.label.nb])).toEqual([
        [1, "Ja"],
        [2, "Nei"],
        [3, "Nei, men kunne vært viktig"],
      ]);
    }
    expect(vars[0].name).toBe("q1_oppfolging_info");
    expect(vars[0].label.nb).toBe("Informasjon om oppfølging (hyppighet, kvalitet, formål)");
    // The stem and the statement make one label.
    expect(byItem("q2")[0].label.nb).toBe("Jobbspesialisten har hatt god dialog med mentor eller arbeidsgiver");
    expect(byItem("q3")[4].label.en).toBe("The job specialist has provided follow-up also after employment");
    const q2 = survey.sections[1].items[0];
    expect(q2.type === "matrix" && q2.statements[15].label.nb).toBe(
      "... tatt opp sensitive/vanskelige temaer med kandidaten",
    );
    expect(q2.label.nb).toBe("På hvilken måte var jobbspesialisten viktig for at kandidaten fikk fortsette i bedriften?");
    // No "vet ikke" anywhere; the declared missing codes are not answers.
    expect(vars.flatMap((v) => v.options).some((o) => /vet ikke/i.test(o.label.nb))).toBe(false);
    expect(vars[0].missing.map((m) => [m.code, m.role])).toEqual([
      [-1, "not_answered"],
      [-2, "not_applicable"],
    ]);
  });

  it("participant-report: sections, ISO countries, quasi-identifiers and the in-work condition", () => {
    const report = codebook.get("participant-report")!;
    expect(report.sections).toHaveLength(6);
    const names = report.variables.map((v) => v.name);
    expect(names).not.toContain("deltakerkode");
    const country = report.variables.find((v) => v.name === "hjemland")!;
    expect(country.options.length).toBeGreaterThan(240);
    expect(country.options.find((o) => o.code === 578)?.label).toEqual({ nb: "Norge", en: "Norway" });
    expect(country.options.find((o) => o.code === 760)?.label.nb).toBe("Syria");
    expect(country.options.find((o) => o.code === 232)?.label.en).toBe("Eritrea");
    const quasi = report.variables.filter((v) => v.disclosure === "quasi_identifier").map((v) => v.name);
    expect(quasi.sort()).toEqual(["alder_overtatt", "antall_barn", "hjemland", "kjonn", "sivilstatus"].sort());
    const status = report.variables.find((v) => v.name === "status")!;
    expect(status.options).toHaveLength(12);
    const outcome = report.sections.find((s) => s.id === "maloppnaaelse")!;
    expect(outcome.conditions).toEqual([{ index: 1, variable: "status", field: "status", in: [2, 6, 7, 8] }]);
    for (const name of ["kontrakt", "stillingsprosent", "bransje", "stilling", "etteroppfolging"]) {
      expect(report.variables.find((v) => v.name === name)?.conditional).toBe(true);
    }
    expect(report.variables.find((v) => v.name === "kontrakt")?.options.map((o) => o.label.nb)).toEqual([
      "Fast", "Midlertidig", "Ringevikar",
    ]);
    const pct = report.variables.find((v) => v.name === "stillingsprosent")!;
    expect([pct.min, pct.max]).toEqual([0, 100]);
    // "Annet" industry reveals a free-text field; it depends on both conditions.
    const other = report.sections[4].items.find((i) => i.name === "bransje_annet")!;
    expect(other.conditions.map((c) => c.variable)).toEqual(["status", "bransje"]);
    for (const v of report.variables.filter((v) => v.kind === "text")) expect(v.disclosure).toBe("free_text");
  });

  it("exchange-preparation: generic free-text questions, described as such", () => {
    const prep = codebook.get("exchange-preparation")!;
    expect(prep.description.nb).toMatch(/gjengir ikke/);
    expect(prep.variables.filter((v) => v.kind === "text").length).toBeGreaterThanOrEqual(3);
  });

  it("every variable name meets the SPSS rules and is unique ignoring case", () => {
    for (const instrument of codebook.list()) {
      const seen = new Set<string>();
      for (const v of instrument.variables) {
        expect(variableNameProblem(v.name), v.name).toBeNull();
        expect(seen.has(v.name.toLowerCase()), v.name).toBe(false);
        seen.add(v.name.toLowerCase());
        expect(v.label.nb && v.label.en).toBeTruthy();
      }
    }
  });

  it("checkInstruments reports every instrument", () => {
    const result = checkInstruments(SURVEYS);
    expect(result.ok).toBe(true);
    expect(result.report).toContain("participant-report@v1");
    expect(result.report).toContain("4 instrument definitions are valid.");
  });
});

describe("SPSS names", () => {
  it.each([
    ["1abc", "must start with a letter"],
    ["_abc", "must start with a letter"],
    ["abc.", "must not end with a full stop"],
    ["with", "reserved word"],
    ["And", "reserved word"],
    ["a-b", 'contains "-"'],
    ["bø", "outside ASCII"],
    ["a".repeat(65), "at most 64"],
    ["constructor", "reserved by the platform"],
  ])("%s is refused (%s)", (name, problem) => {
    expect(variableNameProblem(name)).toContain(problem);
  });
  it.each(["a", "q1_oppfolging_info", "a.b", "x$#@1", "a".repeat(64)])("%s is accepted", (name) => {
    expect(variableNameProblem(name)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------

const tmpRoots: string[] = [];
afterAll(() => {
  for (const root of tmpRoots) rmSync(root, { recursive: true, force: true });
  clearCodebookCache();
});

const VALID = `
id: demo
version: 1
title: { nb: Demo, en: Demo }
description: { nb: Demo, en: Demo }
option_sets:
  yn:
    - { code: 1, label: { nb: Ja, en: "Yes" } }
    - { code: 2, label: { nb: Nei, en: "No" } }
sections:
  - id: main
    title: { nb: Hoved, en: Main }
    items:
      - name: status
        type: single_choice
        label: { nb: Status, en: Status }
        options: yn
      - name: note
        type: short_text
        label: { nb: Merknad, en: Note }
        when: { variable: status, in: [1] }
`;

/** Writes `files` (relative path → text) into a fresh surveys directory and loads it. */
function loadFiles(files: Record<string, string>): unknown {
  const root = mkdtempSync(path.join(tmpdir(), "instruments-"));
  tmpRoots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  try {
    loadCodebook(root);
  } catch (error) {
    return error;
  }
  return null;
}

function problemOf(yaml: string) {
  const error = loadFiles({ "demo/v1.yaml": yaml });
  expect(error).toBeInstanceOf(DefinitionError);
  return error as DefinitionError;
}

describe("invalid definitions stop the load with file, item and problem", () => {
  it("the valid fixture loads", () => {
    expect(loadFiles({ "demo/v1.yaml": VALID })).toBeNull();
  });

  it("bad SPSS name", () => {
    const error = problemOf(VALID.replace("name: note", "name: 2note"));
    expect(error.message).toContain("demo/v1.yaml");
    expect(error.message).toContain('item "2note" (sections[0].items[1])');
    expect(error.message).toContain("must start with a letter");
    expect(error.problems).toHaveLength(1);
  });

  it("reserved word and trailing full stop", () => {
    expect(problemOf(VALID.replace("name: note", "name: BY")).message).toMatch(/item "BY".*reserved word/);
    expect(problemOf(VALID.replace("name: note", "name: note.")).message).toMatch(/item "note\.".*full stop/);
  });

  it("duplicate name, ignoring case", () => {
    const error = problemOf(VALID.replace("name: note", "name: STATUS").replace("variable: status", "variable: status"));
    expect(error.message).toContain('item "STATUS" (sections[0].items[1])');
    expect(error.message).toContain('duplicate variable name "STATUS"');
    expect(error.message).toContain('item "status" (sections[0].items[0])');
  });

  it("duplicate name among expanded variables (matrix statement vs item)", () => {
    const yaml = VALID.replace(
      "      - name: note\n",
      `      - name: grid
        type: matrix
        label: { nb: Rutenett, en: Grid }
        options: yn
        statements:
          - { name: Note, label: { nb: A, en: A } }
      - name: note
`,
    );
    const error = problemOf(yaml);
    expect(error.message).toContain('duplicate variable name "note"');
    expect(error.message).toContain('statement "Note" of item "grid"');
  });

  it("missing English text", () => {
    const error = problemOf(VALID.replace("label: { nb: Merknad, en: Note }", "label: { nb: Merknad }"));
    expect(error.message).toContain("demo/v1.yaml");
    expect(error.message).toContain('item "note" (sections[0].items[1])');
    expect(error.message).toContain("label.en: missing English text (en)");
  });

  it("duplicate option code", () => {
    const error = problemOf(VALID.replace('{ code: 2, label: { nb: Nei', '{ code: 1, label: { nb: Nei'));
    expect(error.message).toContain('option set "yn"');
    expect(error.message).toContain("duplicate option code 1");
  });

  it("duplicate option code in inline options", () => {
    const yaml = VALID.replace(
      "        options: yn\n",
      "        options:\n          - { code: 3, label: { nb: A, en: A } }\n          - { code: 3, label: { nb: B, en: B } }\n",
    ).replace("in: [1]", "in: [3]");
    const error = problemOf(yaml);
    expect(error.message).toContain('item "status" (sections[0].items[0])');
    expect(error.message).toContain("duplicate option code 3");
  });

  it("unknown option set", () => {
    const error = problemOf(VALID.replace("options: yn", "options: yes_no"));
    expect(error.message).toContain('item "status" (sections[0].items[0])');
    expect(error.message).toContain('unknown option set "yes_no" (defined: yn)');
  });

  it("bad condition reference: unknown variable, unknown code, later item, wrong type", () => {
    expect(problemOf(VALID.replace("variable: status", "variable: statsu")).message).toMatch(
      /item "note" \(sections\[0\]\.items\[1\]\): when: the condition refers to unknown variable "statsu"/,
    );
    expect(problemOf(VALID.replace("in: [1]", "in: [1, 7]")).message).toMatch(
      /item "note".*code 7 is not an option of "status" \(its codes are 1, 2\)/,
    );
    const selfRef = VALID.replace(
      "        options: yn\n",
      "        options: yn\n        when: { variable: status, in: [1] }\n",
    );
    expect(problemOf(selfRef).message).toMatch(/item "status".*does not come before it/);
    const onText = VALID.replace("variable: status", "variable: note");
    expect(problemOf(onText).message).toMatch(/item "note".*refers to "note", a short_text item/);
    const textController = `${VALID}      - name: later
        type: short_text
        label: { nb: Senere, en: Later }
        when: { variable: note, in: [1] }
`;
    expect(problemOf(textController).message).toMatch(/item "later".*a short_text item; conditions can only depend on single_choice/);
  });

  it("shape errors: unknown type, unknown key, YAML syntax", () => {
    expect(problemOf(VALID.replace("type: short_text", "type: shorttext")).message).toMatch(
      /item "note".*unknown item type string "shorttext"/,
    );
    expect(problemOf(VALID.replace("        when:", "        requird: true\n        when:")).message).toMatch(
      /item "note".*unknown key "requird"/,
    );
    expect(problemOf(VALID.replace("title: { nb: Demo, en: Demo }", "title: { nb: Demo, en: Demo")).message).toMatch(
      /demo\/v1\.yaml: line \d+, column \d+: YAML syntax/,
    );
  });

  it("file placement: id must match the folder, version the file name", () => {
    const wrongFolder = loadFiles({ "other/v1.yaml": VALID }) as DefinitionError;
    expect(wrongFolder.message).toContain('id "demo" does not match its folder "other"');
    const wrongVersion = loadFiles({ "demo/v2.yaml": VALID }) as DefinitionError;
    expect(wrongVersion.message).toContain("name the file v1.yaml");
  });

  it("collects the problems of every file", () => {
    const error = loadFiles({
      "demo/v1.yaml": VALID.replace("name: note", "name: 2note"),
      "demo/v2.yaml": VALID.replace("version: 1", "version: 2").replace("options: yn", "options: nope"),
    }) as DefinitionError;
    expect(error.problems.map((p) => p.file.endsWith("demo/v1.yaml") || p.file.endsWith("demo/v2.yaml"))).toEqual([
      true,
      true,
    ]);
    expect(error.message).toMatch(/2 problems/);
  });

  it("versions: latest by default, each version kept", () => {
    const root = mkdtempSync(path.join(tmpdir(), "instruments-"));
    tmpRoots.push(root);
    mkdirSync(path.join(root, "demo"));
    writeFileSync(path.join(root, "demo", "v1.yaml"), VALID);
    writeFileSync(path.join(root, "demo", "v2.yaml"), VALID.replace("version: 1", "version: 2"));
    const codebook = loadCodebook(root);
    expect(codebook.versions("demo")).toEqual([1, 2]);
    expect(codebook.get("demo")?.version).toBe(2);
    expect(codebook.get("demo", 1)?.version).toBe(1);
    expect(codebook.variables("demo").map((v) => v.name)).toEqual(["status", "note"]);
  });
});
