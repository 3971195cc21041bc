// A log export above MEASURE_LIMIT rows takes its .sav string widths from text_extents (kept by
// triggers) instead of a measuring pass, and streams the .sav straight into the package. Planted
// here: a note whose scrubbed text outgrows that estimate (every «Dag» becomes «[NAVN]»), so the
// export must notice, measure exactly and write again, and PSPP must read every byte back.
import crypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { createExport } from "../../app/exports/pipeline.server";
import { MEASURE_LIMIT } from "../../app/exports/open-export.server";
import type { Manifest } from "../../app/exports/manifest";
import { withHeadroom } from "../../app/exports/sources/common.server";
import { seedDemo } from "../support/seed";
import { makeTempDir, psppConvert, psppDictionary, readstatData, removeTempDirs } from "../support/spss-tools";

// A registered name 120 times in a list (598 bytes, 958 once scrubbed); commas keep the name
// detector from reading the whole run as one long name.
const NAMES = Array(120).fill("Dag").join(", ");
const SCRUBBED = Array(120).fill("[NAVN]").join(", ");

let db: Db;
let sqlite: Sqlite;
let dir: string;
let manifest: Manifest;
let entries: Record<string, Uint8Array>;
let rowsBefore: number;

beforeAll(async () => {
  const { dataDir } = await seedDemo();
  const file = path.join(dataDir, "medforsker.db");
  ({ db, sqlite } = openDatabase(file));
  migrateDatabase(db);
  const months = sqlite.prepare("SELECT m.author_id AS author, m.month, u.case_project_id AS cp FROM log_months m JOIN users u ON u.id = m.author_id WHERE m.status = 'submitted' ORDER BY 1, 2").all() as { author: number; month: string; cp: number }[];
  rowsBefore = (sqlite.prepare("SELECT count(*) AS n FROM log_notes n JOIN log_months m ON m.author_id = n.author_id AND m.month = n.month").get() as { n: number }).n;
  const insert = sqlite.prepare(
    "INSERT INTO log_notes (project_id, author_id, case_project_id, client_key, month, date, step, instrument_id, instrument_version, answers) VALUES (1, ?, ?, ?, ?, ?, 2, 'log-entry', 1, ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i <= MEASURE_LIMIT; i++) {
      const m = months[i % months.length];
      const situasjon = i === 777 ? NAMES : `Notat ${i}: samtale med arbeidsgiver om praksisplass.`;
      insert.run(m.author, m.cp, `large-${i}`, m.month, `${m.month}-10`, JSON.stringify({ dato: `${m.month}-10`, situasjon, bistand: "Oppfølging.", resultat: null, annerledes: null, god_praksis: null, trinn: 2 }));
    }
  })();
  dir = makeTempDir("export-large-");
  const out = path.join(dir, "log-sav.zip");
  const services = { db, codebook: loadCodebook(), config: { databasePath: file, dataDir }, secrets: { pseudonymKey: "test-pseudonym-key" } };
  const request = { projectId: 1, dataset: "log", format: "sav", locale: "nb", pseudonyms: "stable", exactDates: false, scope: { from: null, to: null, caseProjectIds: [], waveId: null, exchangeIds: [] } } as const;
  ({ manifest } = await createExport(services, request, { id: 1, name: "Forsker Demosen", via: "cli" }, { requestKey: "large-log-sav", out }));
  entries = unzipSync(readFileSync(out));
}, 180_000);

afterAll(() => {
  sqlite?.close();
  removeTempDirs();
});

describe("text_extents", () => {
  it("holds the longest text answer per variable, in UTF-8 bytes, as the triggers kept it", () => {
    const kept = Object.fromEntries(
      (sqlite.prepare("SELECT variable, max_bytes FROM text_extents WHERE source = 'log_notes' AND project_id = 1").all() as { variable: string; max_bytes: number }[]).map((e) => [e.variable, e.max_bytes]),
    );
    const measured = Object.fromEntries(
      (sqlite.prepare("SELECT j.key AS variable, max(length(CAST(j.value AS BLOB))) AS bytes FROM log_notes n, json_each(n.answers) j WHERE n.project_id = 1 AND j.type = 'text' GROUP BY 1").all() as { variable: string; bytes: number }[]).map((e) => [e.variable, e.bytes]),
    );
    expect(kept).toEqual(measured);
    expect(kept.situasjon).toBe(Buffer.byteLength(NAMES));
  });

  it("grows when a note is edited longer, and never shrinks", () => {
    const note = sqlite.prepare("SELECT id, answers FROM log_notes WHERE client_key = 'large-5'").get() as { id: number; answers: string };
    const longer = { ...JSON.parse(note.answers), bistand: "ø".repeat(700) };
    sqlite.prepare("UPDATE log_notes SET answers = ? WHERE id = ?").run(JSON.stringify(longer), note.id);
    const bistand = () => (sqlite.prepare("SELECT max_bytes AS b FROM text_extents WHERE source = 'log_notes' AND project_id = 1 AND variable = 'bistand'").get() as { b: number }).b;
    expect(bistand()).toBe(1400);
    sqlite.prepare("UPDATE log_notes SET answers = ? WHERE id = ?").run(note.answers, note.id);
    expect(bistand()).toBe(1400);
  });

  it("is filled by the migration for notes stored before it", () => {
    const measured = sqlite.prepare("SELECT 'log_notes' AS source, n.project_id, j.key AS variable, max(length(CAST(j.value AS BLOB))) AS max_bytes FROM log_notes n, json_each(n.answers) j WHERE j.type = 'text' GROUP BY 2, 3 ORDER BY 1, 2, 3").all();
    const statements = readFileSync(path.resolve("db/migrations/0002_text_extents.sql"), "utf8").split("--> statement-breakpoint");
    const backfill = statements.find((s) => s.includes("INSERT INTO `text_extents`") && s.includes("GROUP BY"));
    expect(backfill).toBeDefined();
    sqlite.exec("DELETE FROM text_extents");
    sqlite.exec(backfill!);
    expect(sqlite.prepare("SELECT * FROM text_extents ORDER BY 1, 2, 3").all()).toEqual(measured);
  });
});

describe(`a log export of more than ${MEASURE_LIMIT} notes as .sav`, () => {
  it("has every row, and the SHA-256 of the streamed .sav", () => {
    expect(manifest.dataset.rows).toBe(rowsBefore + MEASURE_LIMIT + 1);
    const sav = manifest.files.find((f) => f.path.endsWith(".sav"))!;
    expect(crypto.createHash("sha256").update(entries[sav.path]).digest("hex")).toBe(sav.sha256);
    expect(entries[sav.path].length).toBe(sav.bytes);
  });

  it("measured again when the scrubbed text outgrew the estimate, so nothing is cut", () => {
    expect(Buffer.byteLength(SCRUBBED)).toBeGreaterThan(withHeadroom(Buffer.byteLength(NAMES)));
    const sav = path.join(dir, "large.sav");
    writeFileSync(sav, entries["afi-2017-log.sav"]);
    const dict = psppDictionary(dir, sav);
    expect(dict.cases).toBe(manifest.dataset.rows);
    expect(dict.variables.find((v) => v.name === "situasjon")!.printFormat).toBe(`A${Buffer.byteLength(SCRUBBED)}`);
    // The manifest summary was written into the reserved documents after the rows.
    expect(dict.documents).toContain(String(manifest.dataset.rows));
    for (const rows of [psppConvert(dir, sav), readstatData(dir, sav)]) {
      const column = rows[0].indexOf("situasjon");
      const planted = rows.filter((r) => r[column].startsWith("[NAVN]"));
      expect(planted.map((r) => r[column].trimEnd())).toEqual([SCRUBBED]);
      expect(rows.length - 1).toBe(manifest.dataset.rows);
    }
  });
});
