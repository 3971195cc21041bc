// The exchanges capability against a real SQLite file: the demo regenerates Tabell 3/4 with the
// printed numbers, the preparation questions are a versioned instrument the generic form
// validates, transcripts come in pseudonymised and the export API reads them back.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { migrateDatabase, openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { chooseAttendees } from "../../db/demo/exchanges.server";
import { exchanges, users } from "../../db/schema";
import { getExchange } from "../../app/exchanges/access.server";
import { attendanceCounts } from "../../app/exchanges/attendance.server";
import { createExchange } from "../../app/exchanges/exchanges.server";
import { preparationsForExport, readTranscript, transcriptsForExport } from "../../app/exchanges/export.server";
import { overviewRows, summarise } from "../../app/exchanges/overview.server";
import { overviewCsv, overviewXlsx } from "../../app/exchanges/overview-files.server";
import { saveDraft, submitPreparation } from "../../app/exchanges/participation.server";
import { knownPeople, suggestReplacements } from "../../app/exchanges/pseudonyms.server";
import { compiledPreparation, currentQuestions, editQuestions, listPreparationInstruments, templateQuestions } from "../../app/exchanges/questions.server";
import { textFromFile, textFromPaste } from "../../app/exchanges/transcript-import.server";
import { codePointLength, sliceCodePoints } from "../../app/exchanges/transcript-text";
import { createTranscript, getTranscript, releaseTranscript, setReplacements, setTurnCodes, turnsOf } from "../../app/exchanges/transcripts.server";
import { translator } from "../../app/i18n/catalog";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { toFormInstrument } from "../../app/instruments/types";
import { parseInstrumentForm } from "../../app/instruments/validate.server";
import { tempDataDir } from "../support/server";
import { DOCX_LINES, transcriptDocx } from "../fixtures/exchanges/transcript-docx";
import ExcelJS from "exceljs";
import Papa from "papaparse";

let db: Db;
let sqlite: Sqlite;
let projectId: number;

beforeAll(async () => {
  ({ db, sqlite } = openDatabase(path.join(tempDataDir("medforsker-exchanges-"), "test.db")));
  migrateDatabase(db);
  projectId = (await loadDemo(db)).projectId;
}, 120_000);
afterAll(() => sqlite?.close());

// instruments.md §5.2 and §5.3, as printed.
const TABELL_3 = [
  ["2017-06-30", 3.5, "half", 8, 4],
  ["2017-10-13", 3.5, "half", 12, 6],
  ["2017-12-05", 6.5, "full", 11, 6],
  ["2018-02-26", 3.5, "half", 13, 6],
  ["2018-04-20", 6.5, "full", 12, 6],
  ["2018-05-24", 6.5, "full", 12, 6],
  ["2018-06-19", 6.5, "full", 11, 5],
  ["2018-09-18", 3.5, "half", 12, 6],
  ["2018-10-23", 6.5, "full", 15, 6],
  ["2018-12-06", 6.5, "full", 13, 6],
  ["2019-02-01", 6.5, "half", 12, 6], // «6,5 t, halvdagssamling» [sic]
  ["2019-05-01", null, null, null, null], // Planlagt mai 2019
];
const TABELL_4 = [
  ["2017-12-05", 1, "none", 3, 3],
  ["2018-11-26", 2.5, "none", 7, 6],
];

describe("the demo regenerates the report's tables", () => {
  it("Tabell 3: 11 held exchanges and the planned one, with the printed hours, JS and cases", () => {
    const rows = overviewRows(db, projectId, "job_specialists");
    expect(rows.map((r) => [r.date, r.hours, r.dayKind, r.participants, r.cases])).toEqual(TABELL_3);
    expect(rows.at(-1)).toMatchObject({ status: "planned", dateIsApproximate: true });
    expect(summarise(rows)).toEqual({ held: 11, planned: 1, attendances: 131, fullDays: 7, halfDays: 4 });
  });
  it("Tabell 4: the two leader exchanges", () => {
    expect(overviewRows(db, projectId, "case_leads").map((r) => [r.date, r.hours, r.dayKind, r.participants, r.cases])).toEqual(TABELL_4);
  });
  it("running the demo again adds nothing", async () => {
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const tables = ["exchanges", "exchange_agenda_items", "exchange_attendance", "exchange_guests", "exchange_homework", "exchange_preparations", "exchange_transcripts", "exchange_transcript_codes", "exchange_question_versions"];
    const before = tables.map(count);
    await loadDemo(db);
    expect(tables.map(count)).toEqual(before);
    expect(before[0]).toBe(14);
  });
  it("the CSV and the .xlsx carry the report's columns and the same numbers", async () => {
    const rows = overviewRows(db, projectId, "job_specialists");
    const nb = translator("nb");
    const csv = Papa.parse<string[]>(overviewCsv(rows, "job_specialists", "nb", nb).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(csv[0].slice(0, 6)).toEqual(["Nr.", "Dato for samling", "Antall timer", "Antall JS", "Antall case representert", "Hovedtema"]);
    expect(csv[1].slice(0, 5)).toEqual(["1", "30.06.2017", "3,5 t, halvdagssamling", "8", "4"]);
    expect(csv[11].slice(0, 5)).toEqual(["11", "01.02.2019", "6,5 t, halvdagssamling", "12", "6"]);
    expect(csv[12].slice(0, 5)).toEqual(["(12)", "Planlagt mai 2019", "–", "–", "–"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await overviewXlsx(rows, "job_specialists", "en", translator("en"))).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).getCell(4).value).toBe("Number of JS");
    expect(sheet.getRow(11).values).toEqual(expect.arrayContaining([9, "23/10/2018", "6.5 h, full day", 15, 6]));
    let total = 0;
    for (let r = 3; r <= 13; r++) total += Number(sheet.getRow(r).getCell(4).value);
    expect(total).toBe(131);
  });
  it("picks attendees so that exactly the wanted number of cases is represented", () => {
    const people = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4].map((organisationId, id) => ({ id, organisationId }));
    const picked = chooseAttendees(people, 6, 3, 1);
    expect(picked).toHaveLength(6);
    expect(new Set(picked.map((id) => people[id].organisationId)).size).toBe(3);
    expect(() => chooseAttendees(people, 11, 2, 0)).toThrow();
  });
});

describe("preparation questions are an instrument", () => {
  let exchangeId: number;
  let jsId: number;
  beforeAll(() => {
    exchangeId = createExchange(
      db,
      { projectId, audience: "job_specialists", number: 40, date: "2030-01-10", dateIsApproximate: false, startTime: "09:00", endTime: "12:30", hoursOverride: null, dayKindOverride: null, place: "", theme: "Test", description: "", status: "planned", preparationDeadline: null },
      templateQuestions(loadCodebook()),
      null,
    );
    jsId = db.select({ id: users.id }).from(users).where(eq(users.email, "js01@demo.medforsker.invalid")).get()!.id;
  });

  it("starts from the long_text items of the generic template and compiles with the codebook's compiler", () => {
    const instrument = compiledPreparation(db, exchangeId, 1)!;
    expect(instrument.key).toBe(`exchange-${exchangeId}-preparation@v1`);
    expect(instrument.variables.map((v) => [v.name, v.kind, v.nvivo, v.disclosure])).toEqual([
      ["erfaring", "text", "codable", "free_text"],
      ["utfordring", "text", "codable", "free_text"],
      ["god_praksis", "text", "codable", "free_text"],
      ["tema", "text", "codable", "free_text"],
    ]);
    expect(instrument.title.en).toMatch(/^Preparation for experience exchange no\. 40 for job specialists/);
  });

  it("is validated by the generic parser, with the required question enforced", () => {
    const form = toFormInstrument(compiledPreparation(db, exchangeId, 1)!);
    const bad = parseInstrumentForm(form, new URLSearchParams({ erfaring: "", tema: "noe" }), "nb");
    expect(bad.status).toBe("error");
    const good = parseInstrumentForm(form, new URLSearchParams({ erfaring: "Vi møtte tre arbeidsgivere.", tema: "" }), "nb");
    expect(good).toEqual({ status: "success", answers: { erfaring: "Vi møtte tre arbeidsgivere.", utfordring: null, god_praksis: null, tema: null } });
  });

  it("changes in place until someone answers, then makes the next version; answers keep theirs", () => {
    const exchange = () => getExchange(db, exchangeId)!;
    editQuestions(db, exchange(), { op: "add", label: { nb: "Hva vil du lære?", en: "What do you want to learn?" }, required: false });
    editQuestions(db, exchange(), { op: "add", label: { nb: "Hva vil du lære?", en: "What do you want to learn?" }, required: false });
    expect(exchange().questionsVersion).toBe(1);
    expect(currentQuestions(db, exchange()).map((q) => q.name)).toEqual(["erfaring", "utfordring", "god_praksis", "tema", "sporsmal_1"]);

    saveDraft(db, exchangeId, jsId, 1, { erfaring: "halvferdig" });
    editQuestions(db, exchange(), { op: "delete", name: "tema" });
    expect(exchange().questionsVersion).toBe(2);

    const v1 = compiledPreparation(db, exchangeId, 1)!;
    submitPreparation(db, exchangeId, jsId, v1, { erfaring: "ferdig", utfordring: null, god_praksis: null, tema: "x", sporsmal_1: null });
    editQuestions(db, exchange(), { op: "move", name: "sporsmal_1", direction: "up" });
    expect(exchange().questionsVersion).toBe(2); // v2 itself has no answers yet
    expect(currentQuestions(db, exchange()).map((q) => q.name)).toEqual(["erfaring", "utfordring", "sporsmal_1", "god_praksis"]);

    const exported = preparationsForExport(db, projectId).find((p) => p.exchangeId === exchangeId)!;
    expect(exported).toMatchObject({ instrumentId: `exchange-${exchangeId}-preparation`, instrumentVersion: 1, answers: { erfaring: "ferdig", tema: "x" } });
    const keys = listPreparationInstruments(db, projectId).filter((i) => i.id === `exchange-${exchangeId}-preparation`).map((i) => i.key);
    expect(keys).toEqual([`exchange-${exchangeId}-preparation@v1`, `exchange-${exchangeId}-preparation@v2`]);
  });
});

describe("transcripts", () => {
  it("extracts the text of a .docx and of a Windows-1252 .txt, and refuses other files", async () => {
    const docx = await textFromFile("Samling.DOCX", await transcriptDocx());
    expect(docx).toMatchObject({ ok: true, source: "docx" });
    expect(docx.ok && docx.text.split("\n").filter(Boolean)).toEqual(["Gruppediskusjon, formiddag", ...DOCX_LINES]);
    const latin1 = Uint8Array.from([0x4a, 0x53, 0x31, 0x3a, 0x20, 0x50, 0xe5, 0x20, 0x73, 0x6b, 0x6f, 0x6c, 0x65, 0x6e, 0x0d, 0x0a]); // "JS1: På skolen\r\n"
    expect(await textFromFile("notat.txt", latin1)).toEqual({ ok: true, text: "JS1: På skolen", source: "txt", fileName: "notat.txt" });
    expect(await textFromFile("opptak.pdf", latin1)).toEqual({ ok: false, error: "type" });
    expect(await textFromFile("falsk.docx", latin1)).toEqual({ ok: false, error: "unreadable" });
    expect(textFromPaste(" \n ")).toEqual({ ok: false, error: "empty" });
  });

  it("comes in pseudonymised, freezes on release, and the export API reads text, turns and codes in code points", async () => {
    const researcherId = db.select({ id: users.id }).from(users).where(eq(users.email, "forsker@demo.medforsker.invalid")).get()!.id;
    const exchangeId = db.select({ id: exchanges.id }).from(exchanges).where(eq(exchanges.number, 3)).get()!.id;
    const imported = await textFromFile("samling.docx", await transcriptDocx());
    if (!imported.ok) throw new Error("import failed");
    const text = imported.text + "\nJS3: 😀 Takk for i dag, Bjarne.";
    const suggestions = suggestReplacements(text, knownPeople(db, projectId));
    expect(suggestions).toEqual(expect.arrayContaining([{ from: "Aina Demosen", to: "[jobbspesialist]" }, { from: "Aina", to: "[jobbspesialist]" }, { from: "Bjarne", to: "[jobbspesialist]" }]));
    const id = createTranscript(db, { exchangeId, title: "Test", source: "docx", fileName: "samling.docx", text, replacements: suggestions }, researcherId, "unit-test-key-0001");
    expect(createTranscript(db, { exchangeId, title: "Test", source: "docx", fileName: "samling.docx", text, replacements: suggestions }, researcherId, "unit-test-key-0001")).toBe(id);
    let transcript = getTranscript(db, exchangeId, id, researcherId)!;
    expect(transcript.originalText).toContain("Aina Demosen");
    expect(transcript.pseudonymisedText).not.toMatch(/Aina|Bjarne/);
    expect(readTranscript(db, id)).toBeNull(); // private: never exported
    setReplacements(db, transcript, [...suggestions, { from: "lageret", to: "[arbeidsplass]" }]);
    transcript = getTranscript(db, exchangeId, id, researcherId)!;
    releaseTranscript(db, transcript, researcherId);
    transcript = getTranscript(db, exchangeId, id, researcherId)!;
    expect(setReplacements(db, transcript, [])).toBe("frozen");
    const turns = turnsOf(db, id);
    setTurnCodes(db, transcript, new Map([[turns.at(-1)!.position, ["K4", "K6", "NOT-A-CODE"]]]), researcherId);

    const exported = readTranscript(db, id)!;
    expect(exported.text).toBe(exported.text.normalize("NFC"));
    expect(exported.text).not.toContain("\r");
    expect(exported.text).toContain("på [arbeidsplass] tre ganger");
    expect(exported.turns.map((t) => t.speaker)).toEqual([null, "JS3", "Forsker", "JS4", "JS3"]);
    for (const t of exported.turns) expect(sliceCodePoints(exported.text, t.start, t.end)).toBe(t.text);
    const last = exported.turns.at(-1)!;
    expect(last.text).toBe("😀 Takk for i dag, [jobbspesialist].");
    expect(last.end).toBe(codePointLength(exported.text));
    expect(exported.codes.map((c) => [c.code, c.start, c.end, c.text])).toEqual([
      ["K4", last.start, last.end, last.text],
      ["K6", last.start, last.end, last.text],
    ]);
    expect(exported.codes[0].label.nb).toBe("4 Metoder i Supported Employment for innvandrere med sammensatte bistandsbehov");
    expect(transcriptsForExport(db, projectId).map((t) => t.title)).toEqual(["Test", "Lederperspektiv på SE-implementering", "Gruppediskusjon om kompetanser (BAKES)"]);
  });

  it("the demo transcripts keep their speaker labels and carry no project names", () => {
    const names = knownPeople(db, projectId).map((p) => p.name);
    const demo = transcriptsForExport(db, projectId).filter((t) => t.title !== "Test");
    expect(demo).toHaveLength(2);
    for (const t of demo) {
      for (const name of names) expect(t.text).not.toContain(name);
      expect(t.turns.every((turn) => turn.speaker !== null)).toBe(true);
    }
  });
});

describe("attendance counts", () => {
  it("count only the exchange's audience, plus counted guests, and their organisations", () => {
    const leaders = db.select().from(exchanges).where(eq(exchanges.audience, "case_leads")).all();
    const counts = attendanceCounts(db, leaders);
    expect(leaders.map((e) => counts.get(e.id))).toEqual([
      { participants: 3, cases: 3 },
      { participants: 7, cases: 6 },
    ]);
  });
});
