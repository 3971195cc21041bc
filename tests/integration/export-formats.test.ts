// Every data set in every format, from the demo database through the real pipeline, judged by
// tools we did not write: PSPP and ReadStat read the .sav and the .sps (+CSV), R's foreign package
// reads the .sav as a third judge, xmllint validates
// the REFI-QDA project, exceljs and mammoth re-open the spreadsheets and Word files. A log note
// with identifiers, look-alikes, Norwegian letters, a value over 255 bytes and formula starters
// is planted first, so anonymisation and format limits are checked on real output.
import crypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { DERIVED_COUNTS, EMPLOYMENT_TOTALS } from "../../db/demo/survey.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { listParticipantReports } from "../../app/reports/data.server";
import { transcriptsForExport } from "../../app/exchanges/export.server";
import { DATASETS, FORMATS, type DatasetId, type FormatId } from "../../app/exports/datasets";
import { createExport, type ExportRequest } from "../../app/exports/pipeline.server";
import type { Manifest } from "../../app/exports/manifest";
import { spssCsvValue } from "../../app/exports/spss/sps-writer.server";
import { seedDemo } from "../support/seed";
import { assertSpssToolsInstalled, cutBytes, makeTempDir, norsk, parseCsv, psppConvert, psppDictionary, psppFrequencies, readstatData, readstatSummary, removeTempDirs, rForeignRead, runPspp } from "../support/spss-tools";
import { assertXmllintInstalled, checkQdpx, openQdpx, validateQde } from "../support/qda-tools";

const PLANTED = {
  situasjon:
    '=HYPERLINK("http://evil.example/x") Møtte Aina Demosen og ringte 912 34 567. Fnr 15038512363 og saksnr 15038512364, org.nr. 987 654 325, e-post kari@bedrift.example.no.\nÆrlig talt: ' +
    norsk(400),
  bistand:
    "-2 grader ute, men vi møttes likevel på Ærøy.\nNeste linje. Møte med Hodan Warsame i dag. Ring 47 98 76 54 32, 0047 987 65 432, 98 76 54 32, +46 70 123 45 67, +252 61 234 5678, 00963 944 123 456 eller +291 7 123 456. " +
    "Rom 412, trinn 3, 23.03.2018, 80 %, 45 av 168, 2017 2018 og saksnr 15038512364. Cellen viste \u202egnirpsakrab\u202c.",
  resultat: "@kari sa ja til praksis",
  annerledes: "Ingenting.",
  god_praksis: null,
};
const GONE = ["Aina Demosen", "912 34 567", "15038512363", "987 654 325", "kari@bedrift.example.no", "evil.example"];
// Issue 13: every phone format whole, a name nobody registered, bidirectional controls.
const PHONES = ["47 98 76 54 32", "0047 987 65 432", "98 76 54 32", "+46 70 123 45 67", "+252 61 234 5678", "00963 944 123 456", "+291 7 123 456"];
const GONE_TOO = [...PHONES, "Hodan", "Warsame", "\u202e", "\u202c", "[TELEFON] 32"];
const LOOK_ALIKES = ["Rom 412", "trinn 3", "23.03.2018", "80 %", "45 av 168", "2017 2018", "15038512364", "gnirpsakrab"];
// «Øyvind» is a name: the name detector redacts it since issue 13, so only the place is kept.
const KEPT = ["15038512364", "Ærlig talt", "Blåbærsyltetøy", "fra Ærøy"];

let db: Db;
let sqlite: Sqlite;
let dir: string;
let dataDir: string;
const packages = new Map<string, { file: string; manifest: Manifest; entries: Record<string, Uint8Array> }>();
const codebook = loadCodebook();

const key = (dataset: DatasetId, format: FormatId) => `${dataset}/${format}`;
const pkg = (dataset: DatasetId, format: FormatId) => packages.get(key(dataset, format))!;
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
const base = (dataset: DatasetId) => `afi-2017-${dataset}`;
/** exceljs types its input as the pre-5.7 Buffer; hand it the bytes as a plain ArrayBuffer. */
const xlsxBytes = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

function request(dataset: DatasetId, format: FormatId): ExportRequest {
  return {
    projectId: 1,
    dataset,
    format,
    locale: "nb",
    pseudonyms: "stable",
    exactDates: false,
    scope: { from: null, to: null, caseProjectIds: [], waveId: dataset === "employer-survey" ? 1 : null, exchangeIds: [] },
  };
}

/** Writes a package entry to disk (for the command-line tools) and returns its path. */
function extract(dataset: DatasetId, format: FormatId, name: string): string {
  const file = path.join(dir, `${dataset}-${format}-${name}`);
  writeFileSync(file, pkg(dataset, format).entries[name]);
  return file;
}

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  ({ db, sqlite } = openDatabase(path.join(dataDir, "medforsker.db")));
  migrateDatabase(db);
  // Plant one note in a submitted month of a job specialist.
  const month = sqlite.prepare("SELECT m.author_id AS author, m.month, u.case_project_id AS cp FROM log_months m JOIN users u ON u.id = m.author_id WHERE m.status = 'submitted' ORDER BY m.author_id, m.month LIMIT 1").get() as {
    author: number;
    month: string;
    cp: number;
  };
  sqlite
    .prepare("INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, 'planted-note', ?, ?, 3, 'log-entry', 1, ?)")
    .run(month.author, month.cp, month.month, `${month.month}-14`, JSON.stringify({ dato: `${month.month}-14`, ...PLANTED, trinn: 3 }));
  dir = makeTempDir("export-formats-");
  const services = { db, codebook, config: { databasePath: path.join(dataDir, "medforsker.db"), dataDir }, secrets: { pseudonymKey: "test-pseudonym-key" } };
  for (const dataset of DATASETS) {
    for (const format of FORMATS) {
      const out = path.join(dir, `${dataset}-${format}.zip`);
      const created = await createExport(services, request(dataset, format), { id: 1, name: "Forsker Demosen", via: "cli" }, { requestKey: `test-${dataset}-${format}`, out });
      packages.set(key(dataset, format), { file: out, manifest: created.manifest, entries: unzipSync(readFileSync(out)) });
    }
  }
}, 300_000);

afterAll(() => {
  sqlite?.close();
  removeTempDirs();
});

it("has PSPP, ReadStat, R foreign and xmllint installed to judge the files", () => {
  assertSpssToolsInstalled();
  assertXmllintInstalled();
});

describe("every package", () => {
  for (const dataset of DATASETS) {
    for (const format of FORMATS) {
      it(`${dataset} as ${format}: files, SHA-256, codebooks and manifest`, () => {
        const { manifest, entries } = pkg(dataset, format);
        const names = Object.keys(entries).sort();
        expect(names).toEqual([...manifest.files.map((f) => f.path), "manifest.json", "manifest.txt"].sort());
        for (const f of manifest.files) {
          expect(crypto.createHash("sha256").update(entries[f.path]).digest("hex"), f.path).toBe(f.sha256);
          expect(entries[f.path].length).toBe(f.bytes);
        }
        expect(JSON.parse(text(entries["manifest.json"]))).toEqual(JSON.parse(JSON.stringify(manifest)));
        expect(text(entries["kodebok.md"])).toMatch(/^# Kodebok: /);
        expect(text(entries["codebook.md"])).toMatch(/^# Codebook: /);
        const readable = text(entries["manifest.txt"]);
        for (const f of manifest.files) expect(readable).toContain(`${f.sha256}  ${f.path}`);
        // Nothing a researcher receives has a placeholder, a key=value dump or a database id:
        // the selection is by name, file names by project, data set, exchange number and date.
        expect(readable).not.toMatch(/…|\w=\w|\bundefined\b|\bnull\b|\[object/);
        // Counts are named in words, never by their internal key («redacted.phone», «textValues»).
        expect(readable).not.toMatch(/\bredacted\.|\b[a-z]+[A-Z][A-Za-z]*\b/);
        expect(readable).toMatch(new RegExp(`^Datasett: ${manifest.dataset.title.nb} – \\S`, "m"));
        expect(JSON.stringify(manifest.filters)).not.toMatch(/:\s*\d|\[\d/);
        for (const name of names) {
          expect(name).toMatch(/^(manifest\.(json|txt)|(kodebok|codebook)\.md|afi-2017-[a-z-]+?(-(jobbspesialister|caseansvarlige)-nr-\d{1,3}-\d{4}-\d{2}-\d{2}|-js-[0-9a-z]+)?(-(datasett|klassifisering|etiketter))?\.(sav|sps|csv|xlsx|docx|qdpx))$/);
        }
        expect(manifest.createdBy.name).toBe("Forsker Demosen");
        expect(manifest.dataset.rows).toBeGreaterThan(0);
        expect(manifest.steps.map((s) => s.id)).toEqual(expect.arrayContaining(["drop-identifiers", "pseudonymise", "coarsen-dates"]));
      });
    }
  }
});

// ---------------------------------------------------------------------------------------
// SPSS: .sav and .sps read back by PSPP and ReadStat

/** The dictionary PSPP reports for an instrument variable must be the definition's. */
function expectDefinition(dict: ReturnType<typeof psppDictionary>, instrumentId: string, names: string[]) {
  const instrument = codebook.get(instrumentId)!;
  for (const name of names) {
    const v = instrument.variables.find((x) => x.name === name)!;
    const shown = dict.variables.find((x) => x.name === name);
    expect(shown, name).toBeDefined();
    expect(shown!.label).toBe(cutBytes(v.label.nb, 255));
    expect(shown!.measure).toBe({ nominal: "Nominal", ordinal: "Ordinal", scale: "Scale" }[v.measure]);
    const labels = dict.valueLabels.filter((l) => l.variable === name);
    const expected = [...v.options.map((o) => ({ value: String(o.code), label: cutBytes(o.label.nb, 120), isMissing: false })), ...v.missing.map((m) => ({ value: String(m.code), label: m.label.nb, isMissing: true }))];
    expect(labels.map(({ value, label, isMissing }) => ({ value, label, isMissing })).sort((a, b) => Number(a.value) - Number(b.value))).toEqual(
      expected.sort((a, b) => Number(a.value) - Number(b.value)),
    );
    if (v.missing.length) expect(shown!.missing).toBe(v.missing.map((m) => String(m.code)).join("; "));
  }
}

function loadSps(dataset: DatasetId): string {
  const sps = extract(dataset, "sps", `${base(dataset)}.sps`);
  // The .sps names its CSV relative to the working directory, as a user would run it.
  writeFileSync(path.join(dir, `${base(dataset)}.csv`), pkg(dataset, "sps").entries[`${base(dataset)}.csv`]);
  const sav = path.join(dir, `${dataset}-from-sps.sav`);
  runPspp(dir, `load-${dataset}`, `INSERT FILE='${sps}' ENCODING='UTF-8' ERROR=STOP.\nSAVE OUTFILE='${sav}'.`);
  return sav;
}

/** A number in one spelling (PSPP prints 3.00 where R prints 3); anything else as it is. */
function sameNumber(value: string): string {
  return value.trim() !== "" && Number.isFinite(Number(value)) ? String(Number(value)) : value;
}

function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

describe("SPSS files, read by PSPP, ReadStat and R", () => {
  for (const dataset of DATASETS) {
    it(`${dataset}: the .sav opens cleanly in PSPP and ReadStat with the same rows`, () => {
      const sav = extract(dataset, "sav", `${base(dataset)}.sav`);
      const dict = psppDictionary(dir, sav);
      const { manifest } = pkg(dataset, "sav");
      expect(dict.cases).toBe(manifest.dataset.rows);
      expect(dict.variables.length).toBe(manifest.variables);
      expect(dict.documents).toContain("Medforsker – eksportmanifest");
      const summary = readstatSummary(sav);
      expect(Number(summary.Rows)).toBe(manifest.dataset.rows);
      expect(summary["Text encoding"]).toBe("UTF-8");
      const pspp = psppConvert(dir, sav);
      const readstat = readstatData(dir, sav);
      expect(readstat.length).toBe(pspp.length);
      expect(readstat[0]).toEqual(pspp[0]);
      // Strings agree byte for byte between the two readers.
      const strings = dict.variables.filter((v) => v.printFormat.startsWith("A")).map((v) => pspp[0].indexOf(v.name));
      for (let r = 1; r < pspp.length; r++) for (const c of strings) expect(readstat[r][c].replace(/ +$/, ""), `row ${r} col ${pspp[0][c]}`).toBe(pspp[r][c]);
    });

    it(`${dataset}: R's foreign::read.spss reads the .sav as PSPP does (rows, labels, value labels, UTF-8), with no warning about the file`, () => {
      const sav = extract(dataset, "sav", `${base(dataset)}.sav`);
      const dict = psppDictionary(dir, sav);
      const names = dict.variables.map((v) => v.name);
      const r = rForeignRead(dir, sav, names);
      expect(r.rows[0]).toEqual(names);
      expect(r.rows.length - 1).toBe(pkg(dataset, "sav").manifest.dataset.rows);
      expect(names.map((n) => [n, r.variableLabels.get(n)])).toEqual(dict.variables.map((v) => [v.name, v.label]));
      const labels = (list: { variable: string; value: string; label: string }[]) =>
        list.map((l) => `${l.variable} ${sameNumber(l.value)} ${l.label}`).sort();
      expect(labels(r.valueLabels)).toEqual(labels(dict.valueLabels));
      // Value labels applied and user-missing values kept, as R does by default.
      const pspp = psppConvert(dir, sav, true);
      for (let row = 1; row < pspp.length; row++) {
        for (let c = 0; c < names.length; c++) {
          expect(sameNumber(r.rows[row][c].replace(/ +$/, "")), `row ${row} ${names[c]}`).toBe(sameNumber(pspp[row][c].replace(/ +$/, "")));
        }
      }
      expect(r.rows.flat().join("") + [...r.variableLabels.values()].join("")).toMatch(/[æøå]/);
    });

    it(`${dataset}: the .sps + CSV load in PSPP to the same dictionary and data as the .sav`, () => {
      const fromSps = loadSps(dataset);
      const sav = extract(dataset, "sav", `${base(dataset)}.sav`);
      const a = psppDictionary(dir, sav);
      const b = psppDictionary(dir, fromSps);
      const shape = (d: typeof a) => d.variables.map((v) => [v.name, v.label, v.measure, v.missing]);
      expect(shape(b)).toEqual(shape(a));
      expect(b.valueLabels).toEqual(a.valueLabels);
      expect(b.cases).toBe(a.cases);
      const x = psppConvert(dir, sav);
      const y = psppConvert(dir, fromSps);
      const stringCols = new Set(a.variables.filter((v) => v.printFormat.startsWith("A")).map((v) => x[0].indexOf(v.name)));
      for (let r = 1; r < x.length; r++) {
        for (let c = 0; c < x[0].length; c++) {
          // The CSV path alone turns line breaks into " / " and neutralises formula starters.
          const want = stringCols.has(c) ? spssCsvValue(neutralised(x[r][c])).replace(/ +$/, "") : x[r][c];
          expect(y[r][c], `row ${r} ${x[0][c]}`).toBe(want);
        }
      }
      const sps = text(pkg(dataset, "sps").entries[`${base(dataset)}.sps`]);
      expect(sps.split("\n")[0]).toBe("* Encoding: UTF-8.");
      expect(sps).toContain("SET DECIMAL=DOT.");
      expect(sps).toContain(`FILE HANDLE csvdata /NAME='${base(dataset)}.csv'.`);
      expect(sps).not.toMatch(/SET UNICODE/i);
    });
  }

  it("employer survey: PSPP's FREQUENCIES give exactly the counts behind Tabell 7–9", () => {
    const sav = extract("employer-survey", "sav", `${base("employer-survey")}.sav`);
    const instrument = codebook.get("employer-survey")!;
    const matrices = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === "matrix");
    const names = matrices.flatMap((m) => (m.type === "matrix" ? m.statements.map((s) => s.variable) : []));
    const freq = psppFrequencies(dir, sav, names);
    for (const m of matrices) {
      if (m.type !== "matrix") continue;
      m.statements.forEach((s, i) => {
        const [ja, nei, neiMen] = DERIVED_COUNTS[m.name][i];
        // PSPP lists only the values that occur.
        expect(freq.get(s.variable), s.variable).toEqual(
          [
            { section: "Valid", value: "Ja", count: ja },
            { section: "Valid", value: "Nei", count: nei },
            { section: "Valid", value: "Nei, men kunne vært viktig", count: neiMen },
          ].filter((x) => x.count > 0),
        );
      });
    }
    const dict = psppDictionary(dir, sav);
    expectDefinition(dict, "employer-survey", [...names, "ans_direkte", "q2_andre_maater"]);
    // Employment counts: every option's candidates, the excluded respondent flagged (44 + 1).
    const data = psppConvert(dir, sav);
    const col = (n: string) => data[0].indexOf(n);
    const excluded = data.slice(1).filter((r) => r[col("utelatt_ansettelse")] === "1");
    expect(excluded.length).toBe(1);
    const kept = data.slice(1).filter((r) => r[col("utelatt_ansettelse")] === "0");
    expect(["ans_direkte", "ans_praksis_forst", "ans_vikariat", "ans_kun_praksis", "ans_kun_jobbsmak"].map((n) => kept.reduce((sum, r) => sum + Number(r[col(n)]), 0))).toEqual(EMPLOYMENT_TOTALS);
    // No link, no time finer than the month, no job specialist.
    expect(data[0]).not.toEqual(expect.arrayContaining(["round", "id", "js", "token", "link"]));
    for (const r of data.slice(1)) expect(r[col("maaned")]).toMatch(/^\d{4}-\d{2}$/);
  });

  it("log: the steps PSPP counts are the submitted notes' steps, the definition is the codebook's, and the planted note is scrubbed", () => {
    const sav = extract("log", "sav", `${base("log")}.sav`);
    const dict = psppDictionary(dir, sav);
    expectDefinition(dict, "log-entry", ["situasjon", "bistand", "resultat", "annerledes", "god_praksis", "trinn"]);
    const counts = sqlite.prepare("SELECT n.step, count(*) AS n FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month WHERE n.project_id = 1 GROUP BY n.step ORDER BY n.step").all() as { step: number; n: number }[];
    const steps = codebook.get("log-entry")!.variables.find((v) => v.name === "trinn")!.options;
    expect(psppFrequencies(dir, sav, ["trinn"]).get("trinn")).toEqual(counts.map((c) => ({ section: "Valid", value: steps.find((s) => s.code === c.step)!.label.nb, count: c.n })));
    expect(dict.variables.find((v) => v.name === "dato")).toBeUndefined(); // coarsened: only maaned
    const data = psppConvert(dir, sav);
    const col = (n: string) => data[0].indexOf(n);
    const planted = data.slice(1).find((r) => r[col("situasjon")].includes("HYPERLINK"))!;
    const situasjon = planted[col("situasjon")];
    expect(Buffer.byteLength(situasjon)).toBeGreaterThan(255);
    for (const gone of GONE) expect(situasjon).not.toContain(gone);
    for (const kept of KEPT) expect(situasjon).toContain(kept);
    expect(situasjon).toContain("[NAVN]");
    expect(situasjon).toContain("[TELEFON]");
    expect(situasjon).toContain("[FØDSELSNUMMER]");
    expect(situasjon).toContain("[ORG.NR.]");
    expect(situasjon).toContain("[E-POST]");
    expect(situasjon).toContain("\n"); // line breaks stay in the .sav
    expect(planted[col("js")]).toMatch(/^JS-[0-9A-Z]{8}$/);
    expect(planted[col("maaned")]).toMatch(/^\d{4}-\d{2}$/);
    expect(readstatData(dir, sav).find((r) => r[col("situasjon")]?.includes("HYPERLINK"))![col("situasjon")]).toBe(situasjon);
  });

  it("participant reports: statuses as the reports capability counts them, quasi-identifiers k-anonymous", () => {
    const sav = extract("participant-reports", "sav", `${base("participant-reports")}.sav`);
    const reports = listParticipantReports(db, { projectId: 1 });
    const status = codebook.get("participant-report")!.variables.find((v) => v.name === "status")!;
    const want = status.options
      .map((o) => ({ section: "Valid", value: cutBytes(o.label.nb, 120), count: reports.filter((r) => r.answers.status === o.code).length }))
      .filter((x) => x.count > 0);
    expect(psppFrequencies(dir, sav, ["status"]).get("status")).toEqual(want);
    const manifest = pkg("participant-reports", "sav").manifest;
    const step = manifest.steps.find((s) => s.id === "k-anonymity")!;
    expect(Number(step.counts.kReached)).toBeGreaterThanOrEqual(Number(step.counts.k));
    expect(step.counts.recordsBelowKAfter).toBe(0);
    // Check k independently on the released quasi-identifiers (-3 = suppressed = any value).
    const data = psppConvert(dir, sav);
    const qi = ["program", "hjemland_region", "kjonn", "sivilstatus", "antall_barn_gruppe", "alder_gruppe"].map((n) => data[0].indexOf(n));
    expect(qi.every((i) => i >= 0)).toBe(true);
    const rows = data.slice(1).map((r) => qi.map((i) => r[i]));
    for (const r of rows) {
      const alike = rows.filter((s) => s.every((v, i) => v === r[i] || v === "-3" || r[i] === "-3")).length;
      expect(alike).toBeGreaterThanOrEqual(Number(step.counts.k));
    }
    expect(data[0]).not.toEqual(expect.arrayContaining(["caseprosjekt", "organisasjon", "js", "hjemland", "alder_overtatt"]));
  });
});

// ---------------------------------------------------------------------------------------
// NVivo side: .xlsx, .docx, .qdpx, and the plain CSV

describe("NVivo dataset and classification sheets (.xlsx, re-opened with exceljs)", () => {
  for (const dataset of DATASETS) {
    it(`${dataset}: one row per record with the case first, labels in classifying columns, a classification sheet per case`, async () => {
      const { entries, manifest } = pkg(dataset, "xlsx");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsxBytes(entries[`${base(dataset)}-datasett.xlsx`]));
      const sheet = book.worksheets[0];
      expect(sheet.name).toBe("Datasett");
      expect(sheet.actualRowCount).toBe(manifest.dataset.rows + 1);
      expect(sheet.columnCount).toBeLessThanOrEqual(256);
      const classes = new ExcelJS.Workbook();
      await classes.xlsx.load(xlsxBytes(entries[`${base(dataset)}-klassifisering.xlsx`]));
      const cls = classes.worksheets[0];
      const header = (cls.getRow(1).values as unknown[]).slice(1);
      const mac = Papa.parse<string[]>(text(entries[`${base(dataset)}-klassifisering.csv`]).trim(), { newline: "\r\n" }).data;
      expect(mac[0]).toEqual(header.map(String));
      expect(mac.length).toBe(cls.actualRowCount);
      const caseNames = mac.slice(1).map((r) => r[0]);
      expect(new Set(caseNames).size).toBe(caseNames.length);
    });
  }

  it("log: trinn as its label, free text intact, formula starters neutralised, the JS as case", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxBytes(pkg("log", "xlsx").entries[`${base("log")}-datasett.xlsx`]));
    const sheet = book.worksheets[0];
    const titles = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(titles[0]).toBe("Jobbspesialist (pseudonym)");
    const step = titles.indexOf("Trinn i SE") + 1;
    const situasjon = titles.indexOf("Situasjon") + 1;
    const bistand = titles.indexOf("Jobbspesialistens bistand") + 1;
    const resultat = titles.indexOf("Resultat") + 1;
    let planted: ExcelJS.Row | null = null;
    sheet.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(situasjon).value).includes("HYPERLINK")) planted = row;
    });
    const row = planted as unknown as ExcelJS.Row;
    expect(String(row.getCell(step).value)).toBe("Trinn 3: Å finne jobb");
    expect(String(row.getCell(situasjon).value).startsWith("'=HYPERLINK(")).toBe(true);
    expect(String(row.getCell(bistand).value).startsWith("'-2 grader")).toBe(true);
    // «kari» is a name in lower case: the name detector redacts it (issue 13); the formula starter stays neutralised.
    expect(String(row.getCell(resultat).value)).toBe("'@[NAVN] sa ja til praksis");
    for (const gone of GONE) expect(String(row.getCell(situasjon).value)).not.toContain(gone);
    const classes = new ExcelJS.Workbook();
    await classes.xlsx.load(xlsxBytes(pkg("log", "xlsx").entries[`${base("log")}-klassifisering.xlsx`]));
    const a1 = classes.worksheets[0].getCell("A1").value;
    expect(a1).toBe("Jobbspesialist");
    expect(String(classes.worksheets[0].getCell("A2").value)).toMatch(/^JS-/);
    expect(pkg("log", "xlsx").manifest.steps.find((s) => s.id === "formula-injection")!.counts.cells).toBeGreaterThanOrEqual(3);
  });
});

describe("Word files for auto-coding (.docx, re-opened with mammoth)", () => {
  it("log: Heading 1 = job specialist and month, Heading 2 = log column", async () => {
    const { entries } = pkg("log", "docx");
    const files = Object.keys(entries).filter((n) => n.endsWith(".docx"));
    expect(files.length).toBeGreaterThan(1);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(entries[files[0]]) })).value;
    expect(html).toMatch(/<h1>JS-[0-9A-Z]{8} – \d{4}-\d{2}<\/h1>/);
    expect(html).toContain("<h2>Situasjon</h2>");
    expect(html).toContain("<h2>Jobbspesialistens bistand</h2>");
    const xml = text(unzipSync(entries[files[0]])["word/document.xml"]);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    const styles = text(unzipSync(entries[files[0]])["word/styles.xml"]);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:name w:val="Heading 1"\/>/);
    const all = await Promise.all(files.map(async (f) => (await mammoth.extractRawText({ buffer: Buffer.from(entries[f]) })).value));
    const joined = all.join("\n");
    for (const gone of GONE) expect(joined).not.toContain(gone);
    expect(joined).toContain("[TELEFON]");
  });

  it("employer survey: the open answers under the question, one respondent per Heading 1", async () => {
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(pkg("employer-survey", "docx").entries[`${base("employer-survey")}.docx`]) })).value;
    expect((html.match(/<h1>S-[0-9A-Z]{8}<\/h1>/g) ?? []).length).toBe(5);
    expect((html.match(/<h2>Var jobbspesialisten viktig på andre måter\?<\/h2>/g) ?? []).length).toBe(5);
  });

  it("transcripts: one Heading 1 per transcript, speaker turns as paragraphs", async () => {
    const transcripts = transcriptsForExport(db, 1);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(pkg("transcripts", "docx").entries[`${base("transcripts")}.docx`]) })).value;
    expect((html.match(/<h1>/g) ?? []).length).toBe(transcripts.length);
    const turn = transcripts[0].turns.find((t) => t.speaker)!;
    expect(html).toContain(`<p><strong>${turn.speaker}: </strong>`);
  });
});

describe("REFI-QDA projects (.qdpx), validated by xmllint and checked for references", () => {
  for (const dataset of DATASETS) {
    it(`${dataset}: project.qde valid against Project-mrt2019.xsd, every reference resolving`, () => {
      const q = openQdpx(pkg(dataset, "qdpx").entries[`${base(dataset)}.qdpx`], makeTempDir("qdpx-"));
      validateQde(q.qdeFile);
      const summary = checkQdpx(q);
      const names = [...summary.codes.values()];
      for (const scheme of ["Trinn i SE", "Arbeidsgivererfaringer sett fra jobbspesialistenes ståsted", "Mikronivå", "Mesonivå", "Makronivå", "Rapportens kapitteloverskrifter", "A samarbeid med arbeidsgivere", "MA4 Bistandsbehov for å unngå utnyttelse og forskjellsbehandling i arbeidslivet", "3 Arbeidsgivernes erfaringer fra samarbeidet med jobbspesialistene"]) {
        expect(names, scheme).toContain(scheme);
      }
      expect(summary.cases.length).toBeGreaterThan(0);
    });
  }

  it("log: a source per job specialist and month, each field coded by its column and the note's step", () => {
    const q = openQdpx(pkg("log", "qdpx").entries[`${base("log")}.qdpx`], makeTempDir("qdpx-"));
    const s = checkQdpx(q);
    const columns = ["Situasjon", "Jobbspesialistens bistand", "Resultat", "Hva kunne gjøres annerledes?", "Ev. hva fungerte? – påpek god praksis"];
    const months = sqlite.prepare("SELECT count(DISTINCT n.author_id || n.month) AS n FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month").get() as { n: number };
    expect(s.sourceNames.size).toBe(months.n);
    for (const sel of s.selections) {
      expect(columns).toContain(sel.name);
      expect(sel.codes).toContain(sel.name);
      expect(sel.codes.some((c) => /^Trinn [1-5]: /.test(c))).toBe(true);
    }
    const planted = s.selections.find((x) => x.text.includes("HYPERLINK"))!;
    expect(planted.codes).toEqual(["Situasjon", "Trinn 3: Å finne jobb"]);
    expect(Buffer.byteLength(planted.text)).toBeGreaterThan(255);
    for (const gone of GONE) expect(planted.text).not.toContain(gone);
    // The selected text is exactly the note's scrubbed text as the .sav holds it.
    const sav = psppConvert(dir, extract("log", "sav", `${base("log")}.sav`));
    const situasjon = sav.slice(1).map((r) => r[sav[0].indexOf("situasjon")]);
    expect(situasjon).toContain(planted.text);
    const js = s.cases[0];
    expect(js.name).toMatch(/^JS-/);
    expect([...js.values.keys()]).toEqual(["Caseprosjekt", "Caseorganisasjon", "Program"]);
    expect(js.sources.length).toBeGreaterThan(0);
  });

  it("transcripts: turns coded by speaker, chapter codes at the capability's spans", () => {
    const transcripts = transcriptsForExport(db, 1);
    const s = checkQdpx(openQdpx(pkg("transcripts", "qdpx").entries[`${base("transcripts")}.qdpx`], makeTempDir("qdpx-")));
    const chapterSelections = s.selections.filter((x) => x.codes.some((c) => /^(\d |Vedlegg)/.test(c)));
    const stored = transcripts.flatMap((t) => t.codes);
    expect(chapterSelections.length).toBeGreaterThanOrEqual(stored.length);
    for (const code of stored) expect(chapterSelections.some((x) => code.text.includes(x.text) || x.text.includes(code.text.trim()))).toBe(true);
    const speakers = s.selections.filter((x) => x.codes.length === 1 && !/^(\d |Vedlegg)/.test(x.codes[0]));
    expect(speakers.length).toBe(transcripts.reduce((n, t) => n + t.turns.filter((u) => u.speaker && u.text.trim()).length, 0));
  });
});

describe("CSV with codes and labels", () => {
  it("log: UTF-8 with BOM, line breaks kept in quotes, every formula starter neutralised", () => {
    const { entries } = pkg("log", "csv");
    const raw = text(entries[`${base("log")}.csv`]);
    expect(raw.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(raw.slice(1).replace(/\r\n/g, "\n"));
    const head = rows[0];
    const planted = rows.find((r) => r[head.indexOf("situasjon")]?.includes("HYPERLINK"))!;
    expect(planted[head.indexOf("situasjon")].startsWith("'=HYPERLINK(")).toBe(true);
    expect(planted[head.indexOf("situasjon")]).toContain("\n");
    expect(planted[head.indexOf("bistand")].startsWith("'-2")).toBe(true);
    expect(planted[head.indexOf("trinn")]).toBe("3");
    const labelled = parseCsv(text(entries[`${base("log")}-etiketter.csv`]).slice(1).replace(/\r\n/g, "\n"));
    expect(labelled.find((r) => r[head.indexOf("situasjon")]?.includes("HYPERLINK"))![head.indexOf("trinn")]).toBe("Trinn 3: Å finne jobb");
    for (const cells of rows.slice(1)) for (const cell of cells) expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+$/.test(cell)), cell).toBe(false);
  });

  it("every phone format, the unregistered name and the bidi controls are gone from every log file; the look-alikes stay", async () => {
    const texts: Record<string, string> = {};
    const sav = psppConvert(dir, extract("log", "sav", `${base("log")}.sav`));
    texts.sav = sav.slice(1).map((r) => r[sav[0].indexOf("bistand")]).join("\n");
    texts.readstat = readstatData(dir, extract("log", "sav", `${base("log")}.sav`)).map((r) => r.join("\t")).join("\n");
    texts.sps = psppConvert(dir, loadSps("log")).map((r) => r.join("\t")).join("\n");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxBytes(pkg("log", "xlsx").entries[`${base("log")}-datasett.xlsx`]));
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    texts.xlsx = cells.join("\n");
    const docx = Object.entries(pkg("log", "docx").entries).filter(([n]) => n.endsWith(".docx"));
    texts.docx = (await Promise.all(docx.map(async ([, b]) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value))).join("\n");
    const q = openQdpx(pkg("log", "qdpx").entries[`${base("log")}.qdpx`], makeTempDir("qdpx-"));
    validateQde(q.qdeFile);
    texts.qdpx = checkQdpx(q).selections.map((x) => x.text).join("\n");
    texts.csv = text(pkg("log", "csv").entries[`${base("log")}.csv`]);
    for (const [format, content] of Object.entries(texts)) {
      expect(content, format).toContain("[TELEFON]");
      expect(content, format).toContain("[NAVN]");
      for (const gone of GONE_TOO) expect(content.includes(gone), `${format}: ${gone}`).toBe(false);
      for (const kept of LOOK_ALIKES) expect(content, `${format} keeps ${kept}`).toContain(kept);
    }
    const step = pkg("log", "sav").manifest.steps.find((s) => s.id === "scrub")!;
    // The planted note holds the two bidi controls, the seven numbers of PHONES and «912 34 567»:
    // each number one redaction, none cut apart or merged with its neighbour across a comma.
    expect(Number(step.counts["redacted.bidi"])).toBe(2);
    expect(Number(step.counts["redacted.phone"])).toBe(PHONES.length + 1);
  });

  it("no identifier planted in the log survives in any file of any log package", () => {
    for (const format of FORMATS) {
      const { entries } = pkg("log", format);
      for (const [name, bytes] of Object.entries(entries)) {
        const parts = /\.(xlsx|docx|qdpx)$/.test(name) ? Object.values(unzipSync(bytes)) : [bytes];
        for (const part of parts) {
          const content = Buffer.from(part).toString("utf8").replace(/&amp;/g, "&");
          for (const gone of GONE) expect(content.includes(gone), `${format}/${name}: ${gone}`).toBe(false);
        }
      }
    }
  });
});
