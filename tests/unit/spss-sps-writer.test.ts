// The .sps + CSV pair, loaded by PSPP (INSERT ... ENCODING='UTF-8', SAVE, re-read) and cross-checked
// against the .sav writer.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataDictionary, DictVariable, Row } from "../../app/exports/dictionary";
import { writeSavFile } from "../../app/exports/spss/sav-writer.server";
import { buildSps, spssCsvValue, encodeCsv, writeSpsAndCsv } from "../../app/exports/spss/sps-writer.server";
import {
  assertSpssToolsInstalled,
  checkDates,
  cutBytes,
  dateDict,
  dateRows,
  makeTempDir,
  parseCsv,
  psppConvert,
  psppDictionary,
  psppFrequencies,
  readstatData,
  readstatSummary,
  removeTempDirs,
  richDict,
  richRows,
  runPspp,
} from "../support/spss-tools";

const MEASURE = { nominal: "Nominal", ordinal: "Ordinal", scale: "Scale" };

/** Loads a .sps with PSPP the way a user would and saves what it built as a .sav. */
function loadSps(dir: string, sps: string, name: string): string {
  const sav = join(dir, `${name}.sav`);
  runPspp(dir, `load-${name}`, `INSERT FILE='${sps}' ENCODING='UTF-8' ERROR=STOP.\nSAVE OUTFILE='${sav}'.`);
  return sav;
}

/** The text the CSV path keeps for a string: line breaks as " / ", trailing blanks dropped by SPSS. */
function csvShown(raw: Row[string]): string {
  return raw == null ? "" : spssCsvValue(String(raw)).replace(/ +$/, "");
}

// Tools are checked inside the tests (not in a hook, which would report the tests as skipped).
it("has PSPP and ReadStat installed to judge the files", () => assertSpssToolsInstalled());
afterAll(() => removeTempDirs());

describe("writeSpsAndCsv", () => {
  let dir: string;
  let sps: string;
  let csv: string;
  let sav: string | undefined;

  beforeAll(async () => {
    dir = makeTempDir();
    // Relative CSV name: resolved against PSPP's working directory, which runPspp sets to `dir`.
    const pair = await writeSpsAndCsv(richDict, richRows, { csvFileName: "eksport.csv" });
    sps = join(dir, "eksport.sps");
    csv = join(dir, "eksport.csv");
    writeFileSync(sps, pair.sps);
    writeFileSync(csv, pair.csv);
  });
  // PSPP runs inside the tests that need it, never in a hook.
  const loaded = () => (sav ??= loadSps(dir, sps, "from-sps"));

  it("writes syntax that SPSS and PSPP both accept", () => {
    const text = readFileSync(sps, "utf8");
    const lines = text.split("\n");
    expect(lines[0]).toBe("* Encoding: UTF-8.");
    expect(text).not.toMatch(/SET UNICODE/i); // SPSS-only; PSPP 1.6 fails on it
    expect(text).toContain("FILE HANDLE csvdata /NAME='eksport.csv'.");
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    expect(at("PRESERVE.")).toBeLessThan(at("SET DECIMAL=DOT."));
    expect(at("SET DECIMAL=DOT.")).toBeLessThan(at("GET DATA"));
    expect(at("GET DATA")).toBeLessThan(at("RESTORE."));
    expect(text).toContain("/ENCODING='UTF8'");
    expect(text).toContain("'Fritekst: ''Hva kan bli bedre?'' «æøå»'");
  });

  it("writes a CSV without line breaks inside fields, with quotes doubled", async () => {
    const text = readFileSync(csv, "utf8");
    const records = text.trimEnd().split("\n");
    expect(records.length).toBe(richRows.length + 1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(richDict.variables.map((v) => v.name));
    const col = richDict.variables.findIndex((v) => v.name === "fritekst_kommentar");
    expect(rows[1][col]).toBe(spssCsvValue(String(richRows[0].fritekst_kommentar)));
    expect(rows[1][col]).toMatch(/^Brukeren \/ skrev/);
    const small = await writeSpsAndCsv(
      { fileLabel: "", variables: [{ name: "t", label: "", type: "string", measure: "nominal" }] },
      [{ t: 'a "b", c' }, { t: "1\r\n2\r3\n4" }],
      { csvFileName: "x" },
    );
    expect(small.csv).toBe('t\n"a ""b"", c"\n"1 / 2 / 3 / 4"\n');
  });

  it("PSPP builds the dictionary from it: names, labels, measure, formats, missing values, value labels", async () => {
    const d = psppDictionary(dir, loaded());
    expect(d.cases).toBe(richRows.length);
    expect(d.fileLabel).toBe(cutBytes(richDict.fileLabel, 60).replace(/[.\s]+$/, ""));
    expect(d.documents).toContain("Eksportert fra Medforsker.");
    expect(d.variables.map((v) => v.name)).toEqual(richDict.variables.map((v) => v.name));
    const { value: widths } = await drain(encodeCsv(richDict, richRows));
    for (const [i, v] of richDict.variables.entries()) {
      const got = d.variables[i];
      expect(got.label).toBe(cutBytes(v.label, 255));
      expect(got.measure).toBe(MEASURE[v.measure]);
      const d2 = v.decimals ?? (v.measure === "scale" ? 2 : 0);
      const want = v.type === "string" ? `A${widths[v.name]}` : v.type === "date" ? "EDATE10" : `F${Math.max(v.width ?? 8, d2 + 2)}.${d2}`;
      expect(got.printFormat, v.name).toBe(want);
    }
    const byName = Object.fromEntries(d.variables.map((v) => [v.name, v]));
    expect(byName.samtykke_status.missing).toBe("99");
    expect(byName.alder.missing).toBe("-1; 998; 999");
    expect(byName.kjonn.missing).toBe('"X"');
    expect(byName.kode9.missing).toBe('"ukjent  "');
    expect(byName.alder.width).toBe(14);
    expect(byName.tekst1000.width).toBe(50);
    const expectedLabels = richDict.variables.flatMap((v) =>
      (v.valueLabels ?? []).map((l) => ({
        variable: v.name,
        value: String(l.value),
        label: cutBytes(l.label, 120),
        isMissing: (v.missing ?? []).includes(l.value),
      })),
    );
    expect(d.valueLabels).toEqual(expectedLabels);
  });

  it("PSPP reads every value, and the data matches the .sav writer's (line breaks aside)", async () => {
    const fromSps = psppConvert(dir, loaded());
    const direct = join(dir, "direct.sav");
    await writeSavFile(direct, richDict, richRows);
    const fromSav = psppConvert(dir, direct);
    expect(fromSps[0]).toEqual(fromSav[0]);
    expect(fromSps.length).toBe(richRows.length + 1);
    richRows.forEach((row, r) =>
      richDict.variables.forEach((v: DictVariable, c) => {
        const want = v.type === "string" ? csvShown(row[v.name]) : fromSav[r + 1][c];
        expect(fromSps[r + 1][c], `${v.name} row ${r + 1}`).toBe(want);
      }),
    );
    const f = psppFrequencies(dir, loaded(), ["samtykke_status", "kjonn"]);
    expect(f.get("samtykke_status")!.filter((e) => e.section === "Missing")).toEqual([
      { section: "Missing", value: ".", count: 1 },
      { section: "Missing", value: "Vil ikke svare", count: 1 },
    ]);
    expect(readstatSummary(loaded()).Rows).toBe(String(richRows.length));
    expect(readstatData(dir, loaded()).length).toBe(richRows.length + 1);
  });

  it("streams: encodeCsv + buildSps give the same pair from async rows", async () => {
    async function* rows() {
      yield* richRows;
    }
    const gen = encodeCsv(richDict, rows());
    const { chunks, value: widths } = await drain(gen);
    const pair = await writeSpsAndCsv(richDict, richRows, { csvFileName: "eksport.csv" });
    expect(chunks.join("")).toBe(pair.csv);
    expect(buildSps(richDict, { csvFileName: "eksport.csv", stringWidths: widths })).toBe(pair.sps);
  });

  it("keeps numbers exact and out of exponent notation, and reads dates and system-missing", async () => {
    const dir2 = makeTempDir();
    const dict: DataDictionary = {
      fileLabel: "Tall",
      variables: [
        { name: "x", label: "", type: "numeric", measure: "scale", decimals: 3, width: 30 },
        { name: "d", label: "", type: "date", measure: "scale" },
      ],
    };
    const rows: Row[] = [
      { x: 1e-7, d: "2024-02-29" },
      { x: 1e21, d: "1900-01-01" },
      { x: -123456.125, d: null },
      { x: null, d: "" },
      { x: "42", d: "2000-12-31" },
      { x: "  ", d: undefined },
    ];
    const pair = await writeSpsAndCsv(dict, rows, { csvFileName: join(dir2, "t.csv") });
    expect(pair.csv).not.toMatch(/e[+-]/);
    await expect(writeSpsAndCsv(dict, [{ x: 1 }, { x: "1,5" }], { csvFileName: "x" })).rejects.toThrow(/Row 2: x: '1,5' is not a number/);
    await expect(writeSpsAndCsv(dict, [{ d: "01.02.2024" }], { csvFileName: "x" })).rejects.toThrow(/Row 1: d: .* 'YYYY-MM-DD'/);
    writeFileSync(join(dir2, "t.csv"), pair.csv);
    writeFileSync(join(dir2, "t.sps"), pair.sps);
    const sav = loadSps(dir2, join(dir2, "t.sps"), "t");
    const data = readstatData(dir2, sav);
    expect(data.slice(1).map((r) => (r[0] === "" ? null : Number(r[0])))).toEqual([1e-7, 1e21, -123456.125, null, 42, null]);
    const direct = join(dir2, "direct.sav");
    await writeSavFile(direct, dict, rows);
    expect(readstatData(dir2, sav).map((r) => r[1])).toEqual(readstatData(dir2, direct).map((r) => r[1]));
  });
});

describe("buildSps with dates", () => {
  it.each(["EDATE", "SDATE", "ADATE", "DATE"] as const)("writes dates in %s format, with value labels and a user-missing date", async (dateFormat) => {
    const dir = makeTempDir();
    const pair = await writeSpsAndCsv(dateDict, dateRows, { csvFileName: "dates.csv", dateFormat });
    writeFileSync(join(dir, "dates.csv"), pair.csv);
    writeFileSync(join(dir, "dates.sps"), pair.sps);
    checkDates(dir, loadSps(dir, join(dir, "dates.sps"), "dates"), dateFormat);
  });
});

async function drain<T, R>(gen: AsyncGenerator<T, R>): Promise<{ chunks: T[]; value: R }> {
  const chunks: T[] = [];
  for (;;) {
    const step = await gen.next();
    if (step.done) return { chunks, value: step.value };
    chunks.push(step.value);
  }
}
