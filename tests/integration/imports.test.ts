// Bringing existing data in (issue 16), over HTTP from the built server as a researcher would:
// the example files are downloaded, uploaded, dry-run and confirmed; a second import of the same
// file changes nothing; the imported notes and reports reach the compliance grid, the statistics
// and the exports (read back by PSPP); every bad row of a prepared bad file is reported with its
// reason; malformed, oversized and hostile files get an error, never a crash or half an import.
import crypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { makeTempDir, psppConvert, removeTempDirs } from "../support/spss-tools";
import { openDatabase } from "../../db/connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { createExport } from "../../app/exports/pipeline.server";

let server: RunningServer;
let dataDir: string;
let researcher: Client;
let passwords: Record<string, string>;

const database = () => new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

async function login(email: string) {
  const client = new Client(server.url);
  const res = await client.post("/login", { email, password: passwords[email] });
  expect(res.status).toBe(200);
  return client;
}

/** Posts a file to /imports as the page's form does; returns the response (not followed). */
function upload(client: Client, kind: string, name: string, bytes: Uint8Array | string) {
  const form = new FormData();
  form.set("project", "afi-2017");
  form.set("kind", kind);
  form.set("file", new Blob([typeof bytes === "string" ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)]), name);
  return fetch(`${server.url}/imports`, { method: "POST", body: form, headers: { Cookie: client.cookieHeader(), Origin: server.url }, redirect: "manual" });
}

async function example(file: string): Promise<Uint8Array> {
  const res = await researcher.get(`/imports/examples/${file}`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Upload, dry run, confirm; returns the preview's text and the import's number. */
async function importFile(kind: string, name: string, bytes: Uint8Array | string) {
  const res = await upload(researcher, kind, name, bytes);
  expect(res.status, await res.clone().text()).toBe(302);
  const preview = res.headers.get("Location")!;
  expect(preview).toMatch(/^\/imports\/[\w-]{24}$/);
  const page = text(await (await researcher.get(preview)).text());
  const confirmed = await researcher.request("POST", preview, new URLSearchParams({ intent: "confirm" }));
  expect(confirmed.status).toBe(302);
  const done = Number(/done=(\d+)/.exec(confirmed.headers.get("Location") ?? "")?.[1]);
  return { preview, page, done };
}

const count = (sql: string, ...params: unknown[]) => {
  const db = database();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  passwords = seeded.passwords;
  server = await startServer({ dataDir });
  researcher = await login(identities.researcher);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

describe("importing the example files", () => {
  it("brings the AFI log in, marks the months delivered, and shows it in the grid and the export", { timeout: 180_000 }, async () => {
    const file = await example("logg-eksempel.xlsx");
    const before = count("SELECT count(*) AS n FROM log_notes");
    // The compliance grid's cell of the first job specialist of the file, in the file's month.
    const first = database();
    const js = first.prepare("SELECT id FROM users WHERE role = 'job_specialist' ORDER BY name LIMIT 1").get() as { id: number };
    first.close();
    const gridCount = async () => {
      const html = await (await researcher.get("/logs/compliance?from=2017-09&to=2017-09")).text();
      const cell = new RegExp(`href="/logs/${js.id}/2017-09"[\\s\\S]*?</td>`).exec(html);
      expect(cell, "the grid links the cell").not.toBeNull();
      return Number(/log-grid__count">(\d+)</.exec(cell![0])?.[1] ?? 0);
    };
    const gridBefore = await gridCount();
    const { page, done } = await importFile("log", "logg-eksempel.xlsx", file);
    expect(page).toContain("12 rader: 12 nye, 0 oppdatert, 0 finnes fra før, 0 avvist");
    // The suggested mapping read Tabell 5's headings: every column is imported as itself.
    expect(page).not.toContain("Avvist");
    expect(count("SELECT count(*) AS n FROM log_notes")).toBe(before + 12);
    expect(count("SELECT count(*) AS n FROM log_notes WHERE import_id = ? AND import_row BETWEEN 2 AND 13", done)).toBe(12);
    const db = database();
    const record = db.prepare("SELECT file_name, sha256, rows, created FROM imports WHERE id = ?").get(done) as Record<string, unknown>;
    expect(record).toEqual({ file_name: "logg-eksempel.xlsx", sha256: crypto.createHash("sha256").update(file).digest("hex"), rows: 12, created: 12 });
    const audited = db.prepare("SELECT details FROM audit_log WHERE action = 'import.confirmed'").all() as { details: string }[];
    expect(audited.map((a) => JSON.parse(a.details).sha256)).toContain(record.sha256);
    // No copy of the file is kept once the import is confirmed.
    expect((db.prepare("SELECT count(*) AS n FROM import_files").get() as { n: number }).n).toBe(0);
    const months = db.prepare("SELECT DISTINCT n.author_id, n.month, m.status FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE n.import_id = ?").all(done) as { status: string }[];
    db.close();
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((m) => m.status === "submitted")).toBe(true);

    const home = text(await (await researcher.get(`/imports?project=afi-2017&done=${done}`)).text());
    expect(home).toContain("Importen av «logg-eksempel.xlsx» er lagret: 12 nye");
    expect(home).toContain("SHA-256 " + String(record.sha256).slice(0, 16));
    expect(text(await (await researcher.get("/audit")).text())).toContain("importerte loggnotater fra en fil til «");
    expect(await gridCount()).toBe(gridBefore + 4);

    // The export marks each imported note with its import and row; PSPP reads them.
    const dir = makeTempDir("import-export-");
    const out = path.join(dir, "log-sav.zip");
    const { db: writer, sqlite } = openDatabase(path.join(dataDir, "medforsker.db"));
    try {
      const services = { db: writer, codebook: loadCodebook(), config: { databasePath: path.join(dataDir, "medforsker.db"), dataDir }, secrets: { pseudonymKey: "test-pseudonym-key" } };
      const request = { projectId: 1, dataset: "log", format: "sav", locale: "nb", pseudonyms: "stable", exactDates: false, scope: { from: null, to: null, caseProjectIds: [], waveId: null, exchangeIds: [] } } as const;
      await createExport(services, request, { id: 1, name: "Forsker Demosen", via: "cli" }, { requestKey: "import-log-sav", out });
    } finally {
      sqlite.close();
    }
    const zip = unzipSync(readFileSync(out));
    const sav = Object.keys(zip).find((n) => n.endsWith(".sav"))!;
    writeFileSync(path.join(dir, "log.sav"), zip[sav]);
    const rows = psppConvert(dir, path.join(dir, "log.sav"));
    const nr = rows[0].indexOf("import_nr");
    const rad = rows[0].indexOf("import_rad");
    expect(nr).toBeGreaterThan(-1);
    const imported = rows.slice(1).filter((r) => r[nr].trim() === String(done));
    expect(imported.map((r) => Number(r[rad])).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("changes nothing when the same file comes in again", { timeout: 60_000 }, async () => {
    const file = await example("logg-eksempel.xlsx");
    const before = count("SELECT count(*) AS n FROM log_notes");
    const { page } = await importFile("log", "logg-eksempel.xlsx", file);
    expect(page).toContain("12 rader: 0 nye, 0 oppdatert, 12 finnes fra før, 0 avvist");
    expect(page).toContain("Ingen rader å lagre");
    expect(count("SELECT count(*) AS n FROM log_notes")).toBe(before);
  });

  it("brings participants in by code, into the statistics", { timeout: 60_000 }, async () => {
    const reports = async () => Number(/data-testid="reports-count">(\d+)/.exec(await (await researcher.get("/reports/statistics")).text())?.[1]);
    expect(await reports()).toBe(202);
    const file = await example("deltakere-eksempel.xlsx");
    const { page, done } = await importFile("reports", "deltakere-eksempel.xlsx", file);
    expect(page).toContain("10 rader: 10 nye, 0 oppdatert, 0 finnes fra før, 0 avvist");
    expect(count("SELECT count(*) AS n FROM report_participants WHERE code LIKE 'AFI-1%'")).toBe(10);
    expect(count("SELECT count(*) AS n FROM report_versions WHERE import_id = ?", done)).toBe(10);
    expect(await reports()).toBe(212);
    const again = await importFile("reports", "deltakere-eksempel.xlsx", file);
    expect(again.page).toContain("10 rader: 0 nye, 0 oppdatert, 10 finnes fra før, 0 avvist");
  });

  it("brings attendance in from a semicolon CSV", { timeout: 60_000 }, async () => {
    const file = await example("oppmote-eksempel.csv");
    const rows = Papa.parse<string[]>(new TextDecoder().decode(file).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Samling", "E-post", "Til stede"]);
    const present = rows.slice(1).filter((r) => r[2] === "Ja").length;
    const { page, done } = await importFile("attendance", "oppmote-eksempel.csv", file);
    const created = Number(/rader: (\d+) nye/.exec(page)?.[1]);
    const unchanged = Number(/(\d+) finnes fra før/.exec(page)?.[1]);
    expect(page).toContain(" 0 avvist");
    // Everyone marked «Ja» is there afterwards: new, or already recorded in the demo.
    expect(created + unchanged).toBeGreaterThanOrEqual(present);
    expect(count("SELECT count(*) AS n FROM exchange_attendance WHERE import_id = ?", done)).toBe(created);
  });
});

describe("a file with bad rows", () => {
  it("reports every bad row with its reason, per column, and writes only on confirmation", { timeout: 60_000 }, async () => {
    const db = database();
    const js = db.prepare("SELECT email, name FROM users WHERE role = 'job_specialist' ORDER BY id LIMIT 1").get() as { email: string; name: string };
    const lead = db.prepare("SELECT email FROM users WHERE role = 'case_lead' ORDER BY id LIMIT 1").get() as { email: string };
    db.close();
    const head = "Jobbspesialist;Dato;Situasjon;Jobbspesialistens bistand;Resultat;Hva kunne gjøres annerledes?;Ev. hva fungerte? – påpek god praksis;Trinn i SE";
    const ok = (date: string, step: string) => `${js.email};${date};Møte hos en arbeidsgiver;Forberedte samtalen;Praksisplass avtalt;Mer tid;;${step}`;
    const csv = [
      head,
      ok("14.02.2017", "Trinn 3"), // row 2: fine
      ok("31.02.2017", "3"), // row 3: no such date
      ok("15.02.2017", "Trinn 9"), // row 4: no such step
      `ukjent@example.org;16.02.2017;Tekst;Tekst;Tekst;Tekst;;2`, // row 5: unknown person
      `${js.email};17.02.2017;;Tekst;Tekst;Tekst;;2`, // row 6: a required field empty
      ok("01.01.2099", "2"), // row 7: in the future
      ok("14.02.2017", "Trinn 3"), // row 8: the same as row 2
      `${lead.email};18.02.2017;Tekst;Tekst;Tekst;Tekst;;2`, // row 9: not a job specialist
      ok("42795", "1"), // row 10: an Excel serial date (2017-03-01), fine
    ].join("\r\n");
    const before = count("SELECT count(*) AS n FROM log_notes");
    const res = await upload(researcher, "log", "feil.csv", csv);
    expect(res.status).toBe(302);
    const preview = res.headers.get("Location")!;
    const html = await (await researcher.get(preview)).text();
    const row = (n: number) => text((html.match(new RegExp(`<tr data-action="[a-z]+"><th scope="row">${n}</th>[\\s\\S]*?</tr>`)) ?? [""])[0]);
    expect(row(2)).toContain("Ny");
    expect(row(3)).toContain("Avvist");
    expect(row(3)).toContain("Dato: Ikke en dato (bruk dd.mm.åååå, åååå-mm-dd eller en Excel-dato) («31.02.2017»)");
    expect(row(4)).toContain("Trinn i SE: Ikke et av svaralternativene («Trinn 9»)");
    expect(row(5)).toContain("Jobbspesialist: Ingen jobbspesialist eller caseleder i prosjektet heter eller har e-posten «ukjent@example.org»");
    expect(row(6)).toMatch(/Situasjon: \S/);
    expect(row(7)).toContain("Dato: ");
    expect(row(8)).toContain("Samme innhold som rad 2");
    expect(row(9)).toContain("er ikke jobbspesialist i et caseprosjekt");
    expect(row(10)).toContain("Ny");
    expect(text(html)).toContain("9 rader: 2 nye, 0 oppdatert, 0 finnes fra før, 7 avvist");
    // Nothing is written by the dry run.
    expect(count("SELECT count(*) AS n FROM log_notes")).toBe(before);
    const confirmed = await researcher.request("POST", preview, new URLSearchParams({ intent: "confirm" }));
    expect(confirmed.status).toBe(302);
    // A double submit of the confirmation makes no twins.
    expect((await researcher.request("POST", preview, new URLSearchParams({ intent: "confirm" }))).status).toBe(302);
    expect(count("SELECT count(*) AS n FROM log_notes")).toBe(before + 2);
    expect(count("SELECT count(*) AS n FROM log_notes WHERE date = '2017-03-01' AND import_row = 10")).toBe(1);
  });

  it("reads a Windows-1252 CSV with a BOM-less header and a chosen person for the whole file", { timeout: 60_000 }, async () => {
    const db = database();
    const js = db.prepare("SELECT id FROM users WHERE role = 'job_specialist' ORDER BY id LIMIT 1 OFFSET 1").get() as { id: number };
    db.close();
    const latin1 = "Dato,Situasjon,Jobbspesialistens bistand,Resultat,Hva kunne gjøres annerledes?,Trinn i SE\r\n03.04.2017,Møte på kafé,Øvde på intervju,Fikk jobbtilbud,Mer tid før møtet,Å finne jobb\r\n";
    const bytes = Uint8Array.from([...latin1].map((c) => c.charCodeAt(0)));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const res = await upload(researcher, "log", "gammel.csv", bytes);
    const preview = res.headers.get("Location")!;
    const first = text(await (await researcher.get(preview)).text());
    expect(first).toContain("1 rad: 0 nye");
    expect(first).toContain("Jobbspesialist: Mangler");
    // Choosing the person for every row (the columns stay as suggested) makes the row good.
    const mapped = await researcher.request("POST", preview, new URLSearchParams({ intent: "map", person: String(js.id), "map-0": "dato", "map-1": "situasjon", "map-2": "bistand", "map-3": "resultat", "map-4": "annerledes", "map-5": "trinn" }));
    expect(mapped.status).toBe(302);
    const second = text(await (await researcher.get(preview)).text());
    expect(second).toContain("1 rad: 1 ny, 0 oppdatert");
    await researcher.request("POST", preview, new URLSearchParams({ intent: "confirm" }));
    const db2 = database();
    const note = db2.prepare("SELECT answers FROM log_notes WHERE author_id = ? AND date = '2017-04-03'").get(js.id) as { answers: string };
    db2.close();
    expect(JSON.parse(note.answers)).toMatchObject({ situasjon: "Møte på kafé", bistand: "Øvde på intervju", trinn: 3 });
  });
});

describe("files that cannot be imported", () => {
  const refused = async (name: string, bytes: Uint8Array | string) => {
    const res = await upload(researcher, "log", name, bytes);
    const html = await res.text();
    return { status: res.status, error: text((/<p class="field-error" id="import-file-error">([\s\S]*?)<\/p>/.exec(html) ?? ["", ""])[1]) };
  };

  it("says why, at the file field, and keeps the choice of kind", { timeout: 60_000 }, async () => {
    expect(await refused("feil.csv", 'Dato,Situasjon\r\n01.02.2017,"ikke lukket\r\n')).toEqual({ status: 400, error: expect.stringContaining("anførselstegn som ikke er lukket") });
    expect(await refused("bilde.png", "PNG")).toEqual({ status: 400, error: expect.stringContaining("må være .csv eller .xlsx") });
    expect(await refused("tom.csv", "\r\n\r\n")).toEqual({ status: 400, error: "Filen er tom." });
    expect(await refused("falsk.xlsx", zipSync({ "hei.txt": new TextEncoder().encode("hei") }))).toEqual({ status: 400, error: expect.stringContaining("kunne ikke leses") });
    // A zip bomb: a sheet that expands to 60 MB of zeros from a file of a few kilobytes.
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refused("bombe.xlsx", bomb)).toEqual({ status: 400, error: expect.stringContaining("pakker seg ut til mer") });
    const many = ["Dato,Situasjon", ...Array.from({ length: 5001 }, (_, i) => `01.02.2017,Notat ${i}`)].join("\n");
    expect(await refused("mange.csv", many)).toEqual({ status: 400, error: expect.stringContaining("flere enn 5000 rader") });
    const big = await upload(researcher, "log", "stor.csv", "x".repeat(6 * 1024 * 1024));
    expect(big.status).toBe(413);
    const page = await (await upload(researcher, "reports", "feil.csv", 'a,"b\n')).text();
    expect(page).toMatch(/<input type="radio" id="import-kind-reports"[^>]* checked=""/);
    expect(page).not.toMatch(/<input type="radio" id="import-kind-log"[^>]* checked=""/);
  });

  it("is for researchers only, and an upload is seen only by who uploaded it", { timeout: 60_000 }, async () => {
    const js = await login(identities.jsA);
    expect((await js.get("/imports")).status).toBe(403);
    expect((await js.get("/imports/examples/logg-eksempel.xlsx")).status).toBe(403);
    expect((await upload(js, "log", "x.csv", "Dato\r\n01.02.2017\r\n")).status).toBe(403);
    const res = await upload(researcher, "log", "x.csv", "Dato\r\n01.02.2017\r\n");
    const preview = res.headers.get("Location")!;
    expect((await js.get(preview)).status).toBe(403);
    expect((await researcher.get("/imports/not-a-token-at-all-000000")).status).toBe(404);
    // Cancelling deletes the upload.
    expect((await researcher.request("POST", preview, new URLSearchParams({ intent: "cancel" }))).status).toBe(302);
    expect((await researcher.get(preview)).status).toBe(404);
  });
});

// The workbook the example log is read from really is the AFI layout.
describe("the example log", () => {
  it("has Tabell 5's headings and Excel dates", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await example("logg-eksempel.xlsx")).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Jobbspesialist", "Dato", "Situasjon", "Jobbspesialistens bistand", "Resultat", "Hva kunne gjøres annerledes?", "Ev. hva fungerte? – påpek god praksis", "Trinn i SE"]);
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });
});
