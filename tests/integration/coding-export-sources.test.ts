// The project's coding of transcript turns and of open survey answers in the exports (issue 15),
// as coding-export.test.ts checks it for log notes: codings put straight into the demo's database
// — a whole turn, passages of a turn behind a phone number the scrubber replaces and with a
// character outside the BMP, a whole open answer and passages of it, and round codings that must
// never leave the platform — then exported as .sav and .qdpx through the pipeline. PSPP reads the
// 0/1 variables back, xmllint validates the REFI-QDA projects, and every coded selection, read
// from its source text by code points with the end exclusive, must be exactly the passage coded
// (as scrubbed). A turn and an answer coding whose note_id is a log note's id must stay out of
// the log export.
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sqlite } from "../../db/connection.server";
import type { DatasetId, FormatId } from "../../app/exports/datasets";
import type { Manifest } from "../../app/exports/manifest";
import { transcriptsForExport } from "../../app/exchanges/export.server";
import { codePointLength, sliceCodePoints } from "../../app/exchanges/transcript-text";
import { A, B, K3, MI1, projectCodings, seedCodingDemo, span } from "../support/coding-seed";
import { makeTempDir, psppConvert, psppDictionary, removeTempDirs } from "../support/spss-tools";
import { checkQdpx, openQdpx, validateQde } from "../support/qda-tools";

const TRANSCRIPT = "Gruppediskusjon om kompetanser (BAKES)";
// Appended to the transcript's last turn: a phone number the scrubber replaces, then a character
// outside the BMP (two UTF-16 units, one code point), both before or inside coded passages.
const TURN = {
  appended: " Ring meg på 98 76 54 32 🙂 om avtalen, sa hun.",
  passage: "98 76 54 32 🙂 om avtalen",
  passageExported: "[TELEFON] 🙂 om avtalen",
  tail: "🙂 om avtalen, sa hun",
  memo: "Ring 98 76 54 32 igjen.",
};
// The open answer: leading space, the phone number, the emoji and a CR LF before the passages.
const OPEN = {
  item: "q2_andre_maater",
  text: "  Ringte meg på 98 76 54 32 🙂 og fulgte opp.\r\nVi fikk god hjelp med tilrettelegging.",
  exported: "Ringte meg på [TELEFON] 🙂 og fulgte opp.\nVi fikk god hjelp med tilrettelegging.",
  passage: "98 76 54 32 🙂 og fulgte opp",
  passageExported: "[TELEFON] 🙂 og fulgte opp",
  tail: "Vi fikk god hjelp",
};

let sqlite: Sqlite;
let code: Record<string, number>;
let researcher: number;
let js: number;
/** The transcript, its number in the export (transkripsjon) and its turns as stored. */
let transcript: { id: number; number: number; turns: { position: number; text: string }[] };
let answerId: number;
let logNote: { id: number; mark: string };
const packages = new Map<string, { manifest: Manifest; entries: Record<string, Uint8Array> }>();
const bases: Record<string, string> = {};
let dir: string;

beforeAll(async () => {
  const seeded = await seedCodingDemo();
  ({ sqlite, code, researcher, js } = seeded);

  // The demo's BAKES transcript, released; the phone number and the emoji go at the end of its
  // last turn (the text's end), so no other offset moves.
  const t = sqlite.prepare("SELECT id, pseudonymised_text AS text, status, nvivo_export AS nvivo FROM exchange_transcripts WHERE title = ?").get(TRANSCRIPT) as { id: number; text: string; status: string; nvivo: number };
  expect([t.status, t.nvivo]).toEqual(["released", 1]);
  const stored = sqlite.prepare("SELECT position, start, \"end\" FROM exchange_transcript_turns WHERE transcript_id = ? ORDER BY position").all(t.id) as { position: number; start: number; end: number }[];
  expect(stored.at(-1)!.end).toBe(codePointLength(t.text));
  const text = t.text + TURN.appended;
  sqlite.prepare("UPDATE exchange_transcripts SET pseudonymised_text = ? WHERE id = ?").run(text, t.id);
  sqlite.prepare("UPDATE exchange_transcript_turns SET \"end\" = ? WHERE transcript_id = ? AND position = ?").run(codePointLength(text), t.id, stored.at(-1)!.position);
  stored.at(-1)!.end = codePointLength(text);
  const number = transcriptsForExport(seeded.db, 1).findIndex((x) => x.id === t.id) + 1;
  transcript = { id: t.id, number, turns: stored.map((s) => ({ position: s.position, text: sliceCodePoints(text, s.start, s.end) })) };

  // An open answer of the demo's closed wave, rewritten to hold what the scrubber works on.
  const answer = sqlite.prepare(`SELECT id, answers FROM survey_answers WHERE answers ->> '${OPEN.item}' IS NOT NULL ORDER BY id LIMIT 1`).get() as { id: number; answers: string };
  answerId = answer.id;
  sqlite.prepare("UPDATE survey_answers SET answers = ? WHERE id = ?").run(JSON.stringify({ ...JSON.parse(answer.answers), [OPEN.item]: OPEN.text }), answerId);

  // A log note of a submitted month, marked to find its row; the only log coding is on it.
  const note = sqlite.prepare("SELECT n.id, n.answers FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE n.author_id = ? ORDER BY n.id LIMIT 1").get(js) as { id: number; answers: string };
  logNote = { id: note.id, mark: "Merke for kildeeksporten." };
  sqlite.prepare("UPDATE log_notes SET answers = ? WHERE id = ?").run(JSON.stringify({ ...JSON.parse(note.answers), bistand: logNote.mark }), note.id);

  const round = Number(
    sqlite.prepare("INSERT INTO coding_rounds (project_id, title, sample, coders, code_ids, created_by) VALUES (1, 'Runde', '[]', ?, ?, ?)").run(JSON.stringify([researcher, js]), JSON.stringify([code[MI1]]), researcher).lastInsertRowid,
  );
  const coding = sqlite.prepare("INSERT INTO codings (project_id, code_id, coder_id, source, note_id, field, start, \"end\", round_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)");
  const [second, last] = [transcript.turns[1], transcript.turns.at(-1)!];
  // Turns: the second turn whole, two passages of the last one (after and across the phone number).
  coding.run(code[A], researcher, "turn", t.id, String(second.position), 0, 0, 0);
  const turnPassage = Number(coding.run(code[B], js, "turn", t.id, String(last.position), ...span(last.text, TURN.passage), 0).lastInsertRowid);
  coding.run(code[K3], researcher, "turn", t.id, String(last.position), ...span(last.text, TURN.tail), 0);
  coding.run(code[MI1], researcher, "turn", t.id, String(second.position), 0, 0, round);
  // The open answer: whole, and two passages (across the phone number, and after the CR LF).
  coding.run(code[A], researcher, "answer", answerId, OPEN.item, 0, 0, 0);
  coding.run(code[B], researcher, "answer", answerId, OPEN.item, ...span(OPEN.text, OPEN.passage), 0);
  coding.run(code[K3], js, "answer", answerId, OPEN.item, ...span(OPEN.text, OPEN.tail), 0);
  coding.run(code[MI1], researcher, "answer", answerId, OPEN.item, 0, 0, round);
  // The log note: one ordinary coding, and a turn and an answer coding that merely share its id.
  coding.run(code[A], js, "note", logNote.id, "", 0, 0, 0);
  coding.run(code[B], researcher, "turn", logNote.id, "", 0, 0, 0);
  coding.run(code[K3], researcher, "answer", logNote.id, "bistand", 0, 5, 0);
  sqlite.prepare("INSERT INTO memos (project_id, code_id, coding_id, author_id, text) VALUES (1, NULL, ?, ?, ?)").run(turnPassage, js, TURN.memo);

  dir = makeTempDir("coding-sources-");
  const waveId = seeded.id("SELECT id FROM survey_waves WHERE project_id = 1 ORDER BY id LIMIT 1");
  for (const dataset of ["transcripts", "employer-survey", "log"] as const) {
    for (const format of ["sav", "qdpx"] as const) {
      const scope = { from: null, to: null, caseProjectIds: [], waveId: dataset === "employer-survey" ? waveId : null, exchangeIds: [] };
      const exported = await seeded.exportAs({ projectId: 1, dataset, format, locale: "nb", pseudonyms: "stable", exactDates: false, scope }, path.join(dir, `${dataset}-${format}.zip`));
      packages.set(`${dataset}.${format}`, exported);
      bases[dataset] = Object.keys(exported.entries).find((n) => n.endsWith(`.${format}`))!.replace(/\.(sav|qdpx)$/, "");
    }
  }
}, 300_000);

afterAll(() => {
  sqlite?.close();
  removeTempDirs();
});

const variable = (name: string) => `kode_${code[name]}`;
const pkg = (dataset: DatasetId, format: FormatId) => packages.get(`${dataset}.${format}`)!;

/** The .sav read back by PSPP: its kode_ variables with labels and value labels, and its rows. */
function readSav(dataset: DatasetId) {
  const sav = path.join(dir, `${dataset}.sav`);
  writeFileSync(sav, pkg(dataset, "sav").entries[`${bases[dataset]}.sav`]);
  const dict = psppDictionary(dir, sav);
  const [header, ...data] = psppConvert(dir, sav);
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i].trim()])));
  const coded = dict.variables.filter((v) => /^kode_\d+$/.test(v.name));
  return { dict, rows, coded };
}

/** The .qdpx, validated and checked, with every Coding of a project code on its selection's text. */
function readQdpx(dataset: DatasetId) {
  const q = openQdpx(pkg(dataset, "qdpx").entries[`${bases[dataset]}.qdpx`], makeTempDir("coding-sources-qdpx-"));
  validateQde(q.qdeFile);
  const summary = checkQdpx(q);
  return { qde: q.qde, summary, codings: projectCodings(q.qde, summary) };
}

function expectCodeVariables(coded: { name: string; label: string }[], dict: ReturnType<typeof readSav>["dict"]) {
  expect(coded.map((v) => [v.name, v.label])).toEqual([
    [variable(A), A],
    [variable(B), B],
    [variable(K3), K3],
  ]);
  for (const v of coded) {
    expect(dict.valueLabels.filter((l) => l.variable === v.name).map((l) => [l.value, l.label])).toEqual([
      ["0", "Ikke kodet"],
      ["1", "Kodet"],
    ]);
  }
  // MI1 is only coded in a blind round.
  expect(dict.variables.map((v) => v.name)).not.toContain(variable(MI1));
}

async function frequencySheets(dataset: DatasetId) {
  const { manifest, entries } = pkg(dataset, "sav");
  const file = `${bases[dataset]}-koder.xlsx`;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(entries[file].slice().buffer as ArrayBuffer);
  const sheets = new Map<string, (string | number)[][]>();
  book.eachSheet((sheet) => {
    const rows: (string | number)[][] = [];
    sheet.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return { description: manifest.files.find((f) => f.path === file)!.description.nb, sheets };
}

const total = (table: (string | number)[][], name: string) => table.find((r) => r[0] === name)![table[0].indexOf("I alt")];

describe("transcripts: the codings of turns", () => {
  it("PSPP reads a 0/1 variable per code coded on turns, 1 on exactly the coded turns", () => {
    const { dict, rows, coded } = readSav("transcripts");
    expectCodeVariables(coded, dict);
    // After the chapter codes' flags.
    expect(coded[0].position).toBe(dict.variables.find((v) => v.name === "kode_V1")!.position + 1);
    const values = (r: Record<string, string>) => [A, B, K3].map((c) => r[variable(c)]);
    const ours = rows.filter((r) => r.transkripsjon === String(transcript.number));
    expect(ours.map((r) => r.tur)).toEqual(transcript.turns.map((_, i) => String(i + 1)));
    expect(ours.map(values)).toEqual(transcript.turns.map((_, i) => (i === 1 ? ["1", "0", "0"] : i === transcript.turns.length - 1 ? ["0", "1", "1"] : ["0", "0", "0"])));
    expect(ours.at(-1)!.ytring).toContain(TURN.passageExported);
    expect(rows.filter((r) => values(r).includes("1")).length).toBe(2);
    for (const r of rows) for (const v of values(r)) expect(["0", "1"]).toContain(v);
  });

  it("counts turns per code by exchange and audience, and says in the manifest what was left out", async () => {
    const { description, sheets } = await frequencySheets("transcripts");
    expect(description).toMatch(/antall ytringer per kode etter erfaringsutveksling og etter målgruppe for samlingen/);
    for (const name of ["Kode × Erfaringsutveksling", "Kode × Målgruppe for samlingen"]) {
      const table = sheets.get(name)!;
      expect(total(table, "Alle ytringer i eksporten")).toBe(pkg("transcripts", "sav").manifest.dataset.rows);
      expect([A, B, K3].map((c) => total(table, c))).toEqual([1, 1, 1]);
    }
    const step = pkg("transcripts", "sav").manifest.steps.find((s) => s.id === "coding")!;
    expect(step.summary.nb).toContain("ytringen eller et utdrag av den");
    expect(step.counts).toMatchObject({ variables: 3, codingsInProject: 4, roundCodingsLeftOut: 1 });
  });

  it("the .qdpx validates and has every coding on exactly its passage of the turn, by its coder, with its memo", () => {
    const { qde, codings, summary } = readQdpx("transcripts");
    // The whole turn is the turn's text as the data file has it.
    const second = readSav("transcripts").rows.find((r) => r.transkripsjon === String(transcript.number) && r.tur === "2")!.ytring;
    expect([...summary.codes.values()]).toContain("Prosjektets kodebok");
    const jsUser = codings.find((c) => c.code === B)!.user;
    const researcherUser = codings.find((c) => c.code === A)!.user;
    expect(jsUser).toMatch(/^JS-[0-9A-Z]{8,}$/);
    expect(researcherUser).toMatch(/^R-[0-9A-Z]{8,}$/);
    expect(codings).toEqual([
      { code: A, text: second, user: researcherUser },
      { code: B, text: TURN.passageExported, user: jsUser },
      { code: K3, text: TURN.tail, user: researcherUser },
    ]);
    // The memo on B's coding, scrubbed, as a Note the Coding refers to.
    const bGuid = [...summary.codes].find(([, name]) => name === B)![0];
    const noteRef = new RegExp(`<CodeRef targetGUID="${bGuid}"/><NoteRef targetGUID="([^"]+)"/>`, "i").exec(qde)![1];
    expect(qde).toContain(`<Note guid="${noteRef}" name="Memo: ${B}"`);
    expect(new RegExp(`<Note guid="${noteRef}"[^>]*><PlainTextContent>([^<]*)<`).exec(qde)![1]).toBe("Ring [TELEFON] igjen.");
    expect(qde).not.toContain("98 76 54 32");
    expect(codings.some((c) => c.code === MI1)).toBe(false);
  });
});

describe("employer survey: the codings of open answers", () => {
  it("PSPP reads a 0/1 variable per code coded on answers, 1 on exactly the coded answer", () => {
    const { dict, rows, coded } = readSav("employer-survey");
    expectCodeVariables(coded, dict);
    const ours = rows.filter((r) => r[OPEN.item].includes(OPEN.passageExported));
    expect(ours.length).toBe(1);
    for (const r of rows) expect([A, B, K3].map((c) => r[variable(c)])).toEqual(r === ours[0] ? ["1", "1", "1"] : ["0", "0", "0"]);
  });

  it("exports neither the answer's id nor the code variables as case attributes", () => {
    const { rows } = readSav("employer-survey");
    for (const r of rows) for (const value of Object.values(r)) expect(value).not.toBe(String(answerId));
    const { qde, summary } = readQdpx("employer-survey");
    expect(qde).not.toContain(String(answerId));
    for (const c of summary.cases) for (const name of c.values.keys()) expect([A, B, K3]).not.toContain(name);
    // The anonymity step says the codings were read too, and how.
    expect(pkg("employer-survey", "sav").manifest.steps.find((s) => s.id === "survey-anonymity")!.summary.nb).toContain("svarets id finner dem og eksporteres ikke");
  });

  it("counts answers per code by month, and says in the manifest what was left out", async () => {
    const { description, sheets } = await frequencySheets("employer-survey");
    expect(description).toMatch(/antall svar per kode etter måned svaret kom/);
    const table = sheets.get("Kode × Måned svaret kom")!;
    expect(total(table, "Alle svar i eksporten")).toBe(pkg("employer-survey", "sav").manifest.dataset.rows);
    expect([A, B, K3].map((c) => total(table, c))).toEqual([1, 1, 1]);
    const step = pkg("employer-survey", "sav").manifest.steps.find((s) => s.id === "coding")!;
    expect(step.counts).toMatchObject({ variables: 3, codingsInProject: 4, roundCodingsLeftOut: 1 });
  });

  it("the .qdpx validates and has every coding on exactly its passage of the open answer, or all of it", () => {
    const { codings } = readQdpx("employer-survey");
    const sorted = [...codings].sort((a, b) => a.code.localeCompare(b.code));
    const researcherUser = sorted[0].user;
    expect(researcherUser).toMatch(/^R-[0-9A-Z]{8,}$/);
    expect(sorted).toEqual([
      { code: A, text: OPEN.exported, user: researcherUser },
      { code: B, text: OPEN.passageExported, user: researcherUser },
      { code: K3, text: OPEN.tail, user: expect.stringMatching(/^JS-[0-9A-Z]{8,}$/) },
    ]);
    expect(codings.some((c) => c.code === MI1)).toBe(false);
  });
});

describe("log: only the codings of log notes", () => {
  it("has no variable or value for turn or answer codings that share a log note's id", () => {
    const { dict, rows, coded } = readSav("log");
    expect(coded.map((v) => v.name)).toEqual([variable(A)]);
    const row = rows.find((r) => r.bistand === logNote.mark)!;
    expect(row[variable(A)]).toBe("1");
    expect(rows.filter((r) => r[variable(A)] === "1")).toHaveLength(1);
    expect(dict.variables.map((v) => v.name)).not.toContain(variable(B));
    const step = pkg("log", "sav").manifest.steps.find((s) => s.id === "coding")!;
    expect(step.counts).toMatchObject({ variables: 1, codingsInProject: 1, roundCodingsLeftOut: 0 });
  });

  it("has in its .qdpx only the note's own coding", () => {
    const { codings } = readQdpx("log");
    expect(codings.map((c) => c.code)).toEqual([A]);
    expect(codings[0].text).toContain(logNote.mark);
  });
});
