// Instrument versions (issue 14): the diff shown before publishing, and one codebook from two
// sources — files recorded as published versions at start (a file changed under its number is
// refused), versions published in the app compiled by the same compiler and kept across restarts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { clearCodebookCache, DefinitionError } from "../../app/instruments/codebook.server";
import { compileDefinitionText } from "../../app/instruments/compile.server";
import { diffInstruments, isEmptyDiff } from "../../app/instruments/diff";
import { openCodebook, publishDraft, saveDraft } from "../../app/instruments/versions.server";
import { EMPLOYER_SURVEY_V1, SURVEYS, employerSurveyV2 } from "../support/instrument-v2";

const V1 = EMPLOYER_SURVEY_V1;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const compile = (text: string) => {
  const result = compileDefinitionText(text, "test.yaml");
  if (!result.instrument) throw new Error(result.problems.map((p) => `${p.item}: ${p.problem}`).join("\n"));
  return result.instrument;
};

describe("the diff between two versions", () => {
  it("names the item added, the wording changed and the codes changed, and nothing else", () => {
    const v1 = compile(V1);
    const v2 = compile(employerSurveyV2());
    const diff = diffInstruments(v1, v2);
    expect(diff.added.map((i) => i.name)).toEqual(["q2_hva_mer"]);
    expect(diff.removed).toEqual([]);
    // Every matrix answers Ja / Nei / code 3, whose label changed: their wording and codes changed;
    // matrix q2 also has the reworded statement. The counts and open questions did not change.
    const matrices = v1.sections.flatMap((s) => s.items).filter((i) => i.type === "matrix");
    expect(matrices.map((i) => i.name)).toEqual(["q1", "q2", "q3"]);
    expect(diff.wording.map((i) => i.name)).toEqual(["q1", "q2", "q3"]);
    expect(diff.codes.map((i) => i.name)).toEqual(["q1", "q2", "q3"]);
    expect(diff.codes[1].what).toEqual(v1.variables.filter((v) => v.item.name === "q2").map((v) => v.name));
    // A rename of a counts option is wording only: the variable keeps its name and its codes.
    const renamed = compile(V1.replace("version: 1", "version: 2").replace('label: { nb: "Nei, kun jobbsmak"', 'label: { nb: "Nei, bare jobbsmak"'));
    expect(diffInstruments(v1, renamed)).toMatchObject({ added: [], removed: [], wording: [{ name: "ansettelse" }], codes: [] });
    expect(diff.framing).toBe(false);
    // And the other way round: the added item is removed.
    expect(diffInstruments(v2, v1).removed.map((i) => i.name)).toEqual(["q2_hva_mer"]);
    expect(isEmptyDiff(diffInstruments(v1, compile(V1.replace("version: 1", "version: 2"))))).toBe(true);
  });
});

describe("one codebook from files and the app", () => {
  function setup() {
    const root = mkdtempSync(path.join(tmpdir(), "medforsker-versions-"));
    dirs.push(root);
    const surveys = path.join(root, "surveys");
    cpSync(SURVEYS, surveys, { recursive: true, filter: (f) => !f.endsWith(".ts") });
    const { db, sqlite } = openDatabase(path.join(root, "app.db"));
    migrateDatabase(db);
    sqlite.prepare("INSERT INTO users (id, email, name, role) VALUES (1, 'forsker@example.invalid', 'Forsker', 'researcher')").run();
    return { db, sqlite, surveys };
  }

  it("records the files, adds what is published in the app, and keeps it across a restart", () => {
    clearCodebookCache();
    const { db, sqlite, surveys } = setup();
    const codebook = openCodebook(db, surveys);
    expect(sqlite.prepare("SELECT instrument_id, version, status, origin FROM instrument_versions ORDER BY instrument_id").all()).toEqual([
      { instrument_id: "employer-survey", version: 1, status: "published", origin: "file" },
      { instrument_id: "exchange-preparation", version: 1, status: "published", origin: "file" },
      { instrument_id: "log-entry", version: 1, status: "published", origin: "file" },
      { instrument_id: "participant-report", version: 1, status: "published", origin: "file" },
    ]);
    // The wrong number, then the right one; a draft is not in the codebook until published.
    expect(saveDraft(db, codebook, 1, "v3.yaml", employerSurveyV2().replace("version: 2", "version: 3"))).toEqual({ ok: false, wrongVersion: { id: "employer-survey", expected: 2, got: 3 } });
    expect(saveDraft(db, codebook, 1, "v2.yaml", employerSurveyV2())).toEqual({ ok: true, id: "employer-survey", version: 2 });
    expect(codebook.versions("employer-survey")).toEqual([1]);
    expect(publishDraft(db, codebook, 1, "employer-survey")).toBe(true);
    expect(codebook.get("employer-survey")?.version).toBe(2);
    expect(publishDraft(db, codebook, 1, "employer-survey")).toBe(false);
    // A restart: the same codebook, v2 from the database.
    clearCodebookCache();
    expect(openCodebook(db, surveys).versions("employer-survey")).toEqual([1, 2]);
    sqlite.close();
  });

  it("refuses at start a file changed under a version already recorded, naming the file and what to do", () => {
    clearCodebookCache();
    const { db, sqlite, surveys } = setup();
    openCodebook(db, surveys);
    const file = path.join(surveys, "log-entry/v1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Trinn", "Steg"));
    clearCodebookCache();
    expect(() => openCodebook(db, surveys)).toThrow(DefinitionError);
    expect(() => openCodebook(db, surveys)).toThrow(/log-entry@v1 changed after it was published; copy the file to the next version \(v2\.yaml\)/);
    sqlite.close();
  });

  it("refuses a file that takes a version number published in the app", () => {
    clearCodebookCache();
    const { db, sqlite, surveys } = setup();
    const codebook = openCodebook(db, surveys);
    saveDraft(db, codebook, 1, "v2.yaml", employerSurveyV2());
    publishDraft(db, codebook, 1, "employer-survey");
    writeFileSync(path.join(surveys, "employer-survey/v2.yaml"), employerSurveyV2());
    clearCodebookCache();
    expect(() => openCodebook(db, surveys)).toThrow(/employer-survey@v2 was made in the app; give the file the next free version number/);
    sqlite.close();
  });
});
