// The project's coding in the log exports (issue 15, «Out»): codings put straight into the demo's
// database — a whole note and a passage by a job specialist, a passage and a whole note by the
// researcher, and two in a blind agreement round that must never leave the platform — then
// exported as .sav, .xlsx and .qdpx through the pipeline. PSPP reads the 0/1 variables back,
// exceljs the frequency tables, xmllint validates the REFI-QDA project and answers the XPath
// questions about it, and every coded selection, read from its source text with the end
// exclusive, must be exactly the passage that was coded (after the scrubber's markers).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sqlite } from "../../db/connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import type { FormatId } from "../../app/exports/datasets";
import type { Manifest } from "../../app/exports/manifest";
import { A, B, K3, MI1, projectCodings, seedCodingDemo, span } from "../support/coding-seed";
import { makeTempDir, psppConvert, psppDictionary, removeTempDirs } from "../support/spss-tools";
import { assertXmllintInstalled, checkQdpx, openQdpx, validateQde, type QdeSummary } from "../support/qda-tools";

const BASE = "afi-2017-log";
// The first note's situation: leading space, a phone number the scrubber replaces, a character
// outside the BMP (two UTF-16 units, one code point) and a CR LF, all before or inside passages.
const SITUATION = "  Ringte arbeidsgiver på 98 76 54 32 🙂 om avtalen.\r\nArbeidsgiveren ønsker praksisplass fra mars.";
const JS_PASSAGE = "Arbeidsgiveren ønsker praksisplass";
const R_PASSAGE = "98 76 54 32 🙂 om avtalen";
const R_PASSAGE_EXPORTED = "[TELEFON] 🙂 om avtalen";
const CODE_MEMO = "Ring 98 76 54 32 før neste samling.";
const CODING_MEMO = "Typisk for våren.";

let sqlite: Sqlite;
let code: Record<string, number>;
let notes: { id: number; month: string; trinn: number; mark: string }[];
let researcher: number;
let js: number;
const packages = new Map<FormatId, { manifest: Manifest; entries: Record<string, Uint8Array> }>();
let dir: string;

beforeAll(async () => {
  const seeded = await seedCodingDemo();
  ({ sqlite, code, researcher, js } = seeded);

  // Three notes of a submitted month of the job specialist, each marked in «bistand» to find its row.
  const picked = sqlite
    .prepare("SELECT n.id, n.month, n.answers FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE n.author_id = ? ORDER BY n.id LIMIT 3")
    .all(js) as { id: number; month: string; answers: string }[];
  notes = picked.map((n, i) => {
    const answers = JSON.parse(n.answers) as Record<string, unknown>;
    const mark = `Merke ${i + 1} for kodeeksporten.`;
    const trinn = i + 2;
    Object.assign(answers, { bistand: mark, trinn, ...(i === 0 ? { situasjon: SITUATION } : {}) });
    sqlite.prepare("UPDATE log_notes SET answers = ? WHERE id = ?").run(JSON.stringify(answers), n.id);
    return { id: n.id, month: n.month, trinn, mark };
  });
  const round = Number(
    sqlite.prepare("INSERT INTO coding_rounds (project_id, title, sample, coders, code_ids, created_by) VALUES (1, 'Runde', ?, ?, ?, ?)").run(JSON.stringify(notes.map((n) => n.id)), JSON.stringify([researcher, js]), JSON.stringify([code[A], code[MI1]]), researcher).lastInsertRowid,
  );
  const coding = sqlite.prepare("INSERT INTO codings (project_id, code_id, coder_id, note_id, field, start, \"end\", round_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?)");
  coding.run(code[A], js, notes[0].id, "", 0, 0, 0);
  const passage = Number(coding.run(code[B], js, notes[0].id, "situasjon", ...span(SITUATION, JS_PASSAGE), 0).lastInsertRowid);
  coding.run(code[K3], researcher, notes[0].id, "situasjon", ...span(SITUATION, R_PASSAGE), 0);
  coding.run(code[K3], researcher, notes[1].id, "", 0, 0, 0);
  // Blind round codings: never exported (MI1 has no other codings, so it gets no variable).
  coding.run(code[MI1], researcher, notes[0].id, "", 0, 0, round);
  coding.run(code[A], js, notes[2].id, "", 0, 0, round);
  const memo = sqlite.prepare("INSERT INTO memos (project_id, code_id, coding_id, author_id, text) VALUES (1, ?, ?, ?, ?)");
  memo.run(code[A], null, researcher, CODE_MEMO);
  memo.run(null, passage, js, CODING_MEMO);

  dir = makeTempDir("coding-export-");
  for (const format of ["sav", "xlsx", "qdpx"] as const) {
    const request = { projectId: 1, dataset: "log", format, locale: "nb", pseudonyms: "stable", exactDates: false, scope: { from: null, to: null, caseProjectIds: [], waveId: null, exchangeIds: [] } } as const;
    packages.set(format, await seeded.exportAs(request, path.join(dir, `log-${format}.zip`)));
  }
}, 300_000);

afterAll(() => {
  sqlite?.close();
  removeTempDirs();
});

const variable = (name: string) => `kode_${code[name]}`;

describe("SPSS: a 0/1 variable per code with codings, read back by PSPP", () => {
  let sav: string;
  let rows: Record<string, string>[];
  beforeAll(() => {
    sav = path.join(dir, `${BASE}.sav`);
    writeFileSync(sav, packages.get("sav")!.entries[`${BASE}.sav`]);
    const [header, ...data] = psppConvert(dir, sav);
    rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i].trim()])));
  });

  it("has the codes with codings in codebook order, labelled with the code's name and «Ikke kodet» / «Kodet»", () => {
    const dict = psppDictionary(dir, sav);
    const coded = dict.variables.filter((v) => v.name.startsWith("kode_"));
    expect(coded.map((v) => [v.name, v.label])).toEqual([
      [variable(A), A],
      [variable(B), B],
      [variable(K3), K3],
    ]);
    // After every variable of the note itself.
    expect(coded[0].position).toBe(dict.variables.find((v) => v.name === "import_rad")!.position + 1);
    for (const v of coded) {
      expect(dict.valueLabels.filter((l) => l.variable === v.name).map((l) => [l.value, l.label])).toEqual([
        ["0", "Ikke kodet"],
        ["1", "Kodet"],
      ]);
    }
    // A code only coded in a blind round has no variable.
    expect(dict.variables.map((v) => v.name)).not.toContain(variable(MI1));
  });

  it("has 1 on exactly the notes coded outside rounds, whoever coded them, whole or passage", () => {
    const row = (i: number) => rows.find((r) => r.bistand === notes[i].mark)!;
    const values = (i: number) => [A, B, K3].map((c) => row(i)[variable(c)]);
    expect(values(0)).toEqual(["1", "1", "1"]);
    expect(values(1)).toEqual(["0", "0", "1"]);
    expect(values(2)).toEqual(["0", "0", "0"]); // its code A was given in the round only
    for (const c of [A, B, K3]) {
      expect(rows.every((r) => r[variable(c)] === "0" || r[variable(c)] === "1")).toBe(true);
      expect(rows.filter((r) => r[variable(c)] === "1").length).toBe(c === K3 ? 2 : 1);
    }
    // The coded text itself is scrubbed as every text is.
    expect(row(0).situasjon).toContain(R_PASSAGE_EXPORTED);
  });

  it("says in the manifest what was exported and that round codings were left out", () => {
    const step = packages.get("sav")!.manifest.steps.find((s) => s.id === "coding")!;
    expect(step.counts).toMatchObject({ variables: 3, codingsInProject: 4, roundCodingsLeftOut: 2 });
  });
});

describe("frequency tables: notes per code by month and by SE step", () => {
  async function sheets(format: FormatId) {
    const { manifest, entries } = packages.get(format)!;
    const file = `${BASE}-koder.xlsx`;
    expect(manifest.files.find((f) => f.path === file)!.description.nb).toMatch(/antall notater per kode.*ikke deltakere; ingen prikking/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(entries[file].slice().buffer as ArrayBuffer);
    const table = (name: string) => {
      const rows: (string | number)[][] = [];
      book.getWorksheet(name)!.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
      return rows;
    };
    return { month: table("Kode × Måned"), step: table("Kode × Trinn i SE"), about: table("Om tabellene") };
  }

  for (const format of ["sav", "xlsx"] as const) {
    it(`counts each note once per code in the ${format} package`, async () => {
      const { month, step, about } = await sheets(format);
      const cell = (table: (string | number)[][], name: string, column: string) => {
        const header = table[0];
        const line = table.find((r) => r[0] === name)!;
        return line[header.indexOf(column)];
      };
      const total = packages.get(format)!.manifest.dataset.rows;
      expect(cell(month, "Alle notater i eksporten", "I alt")).toBe(total);
      expect(month.slice(1).map((r) => r[1])).toEqual(["", variable(A), variable(B), variable(K3)]);
      expect(cell(month, A, notes[0].month)).toBe(1);
      expect(cell(month, A, "I alt")).toBe(1);
      expect(cell(month, K3, "I alt")).toBe(2);
      // Note 1 is in step 2, note 2 in step 3 (set above); the columns carry the codebook's labels.
      const steps = loadCodebook().get("log-entry")!.variables.find((v) => v.name === "trinn")!.options!;
      const label = (n: number) => steps.find((o) => o.code === n)!.label.nb;
      expect(cell(step, K3, label(2))).toBe(1);
      expect(cell(step, K3, label(3))).toBe(1);
      expect(cell(step, K3, "I alt")).toBe(2);
      expect(cell(step, B, label(2))).toBe(1);
      expect(cell(step, B, "I alt")).toBe(1);
      expect(cell(step, "Alle notater i eksporten", "I alt")).toBe(total);
      expect(String(about[0][0])).toMatch(/ikke deltakere/);
    });
  }
});

/** XPath over project.qde with xmllint (namespace-agnostic through local-name()). */
function xpath(file: string, expression: string): string {
  assertXmllintInstalled();
  const run = spawnSync("xmllint", ["--nonet", "--xpath", expression, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`xmllint --xpath ${expression} failed: ${run.stderr}`);
  return run.stdout.trim();
}
const el = (name: string) => `*[local-name()='${name}']`;
/** Two steps, not one nested expression: xmllint answers `//a[@x = //b/@y]` in quadratic time. */
const guidOf = (file: string, code: string) => xpath(file, `string(//${el("Code")}[@name='${code}']/@guid)`);
const coderOf = (file: string, code: string) => xpath(file, `string(//${el("Coding")}[${el("CodeRef")}/@targetGUID = '${guidOf(file, code)}'][1]/@creatingUser)`);
const noteText = (file: string, noteRef: string) => xpath(file, `string(//${el("Note")}[@guid = '${xpath(file, `string(${noteRef}/@targetGUID)`)}']/${el("PlainTextContent")})`);

describe("REFI-QDA (.qdpx): the codebook, the coders and every coding on its passage", () => {
  let qde: string;
  let summary: QdeSummary;
  let users: Map<string, string>;
  /** Every Coding of a project code: its selection's text, the code's name and the coder's name. */
  let codings: { text: string; code: string; user: string }[];

  beforeAll(() => {
    const q = openQdpx(packages.get("qdpx")!.entries[`${BASE}.qdpx`], makeTempDir("coding-qdpx-"));
    qde = q.qdeFile;
    validateQde(qde);
    summary = checkQdpx(q);
    users = new Map([...q.qde.matchAll(/<User guid="([^"]+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    codings = projectCodings(q.qde, summary);
  });

  it("validates, with the codebook as a tree under one root, definitions as Description and colours", () => {
    expect(() => validateQde(qde)).not.toThrow();
    const root = `//${el("Code")}[@name='Prosjektets kodebok']`;
    const parent = `${root}/${el("Code")}[@name='Arbeidsgivererfaringer sett fra jobbspesialistenes ståsted']`;
    expect(xpath(qde, `string(${parent}/${el("Description")})`)).toBe("Temaet nodene A–F lå under i NVivo (rapportens kapittel 3).");
    expect(xpath(qde, `string(${parent}/${el("Code")}[@name='${A}']/@color)`)).toBe("#7a3b1f");
    expect(xpath(qde, `count(${root}/${el("Code")}[@name='Bistandsbehov']/${el("Code")}[@name='Mikronivå']/${el("Code")}[@name='${MI1}'])`)).toBe("1");
  });

  it("places every coding on exactly the passage that was coded, or the whole note", () => {
    const jsName = users.get(coderOf(qde, B))!;
    const researcherName = users.get(coderOf(qde, K3))!;
    const byCode = (name: string) => codings.filter((c) => c.code === name);
    expect(byCode(B)).toEqual([{ text: JS_PASSAGE, code: B, user: jsName }]);
    expect(byCode(K3).map((c) => c.text)).toContain(R_PASSAGE_EXPORTED);
    const whole = byCode(A);
    expect(whole).toHaveLength(1);
    expect(whole[0].user).toBe(jsName);
    // The whole note, as the document shows it: its step label, its fields and their texts.
    expect(whole[0].text).toMatch(/^\[Trinn i SE: 2\]\n/);
    expect(whole[0].text).toContain("Ringte arbeidsgiver på [TELEFON] 🙂 om avtalen.\nArbeidsgiveren ønsker praksisplass fra mars.");
    expect(whole[0].text).toContain(notes[0].mark);
    expect(whole[0].text.trimEnd()).toBe(whole[0].text);
    const k3Whole = byCode(K3).find((c) => c.text !== R_PASSAGE_EXPORTED)!;
    expect(k3Whole.text).toContain(notes[1].mark);
    expect(k3Whole.user).toBe(researcherName);
    // Four ordinary codings; the round's two are nowhere.
    expect(codings).toHaveLength(4);
    expect(byCode(MI1)).toEqual([]);
    expect(codings.some((c) => c.text.includes(notes[2].mark))).toBe(false);
  });

  it("names coders by pseudonym: the job specialist as in the data, the researcher as R-…", () => {
    const jsUser = users.get(coderOf(qde, B))!;
    expect(jsUser).toMatch(/^JS-[0-9A-Z]{8,}$/);
    expect(summary.cases.map((c) => c.name)).toContain(jsUser);
    const names = [...users.values()];
    expect(names.filter((n) => /^R-[0-9A-Z]{8,}$/.test(n))).toHaveLength(1);
    const real = sqlite.prepare("SELECT name FROM users").all() as { name: string }[];
    const text = readFileSync(qde, "utf8");
    for (const { name } of real) expect(text).not.toContain(`"${name}"`);
  });

  it("has the memos as Notes, scrubbed, linked to their code and to their coding", () => {
    expect(noteText(qde, `//${el("Code")}[@name='${A}']/${el("NoteRef")}`)).toBe("Ring [TELEFON] før neste samling.");
    expect(noteText(qde, `//${el("Coding")}[${el("CodeRef")}/@targetGUID = '${guidOf(qde, B)}']/${el("NoteRef")}`)).toBe(CODING_MEMO);
    expect(readFileSync(qde, "utf8")).not.toContain("98 76 54 32");
  });
});
