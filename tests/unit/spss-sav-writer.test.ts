// The .sav writer, judged by PSPP (pspp, pspp-convert) and ReadStat reading the files back.
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataDictionary, DictVariable, Row } from "../../app/exports/dictionary";
import { encodeSav, measureStringWidths, writeSav, writeSavFile } from "../../app/exports/spss/sav-writer.server";
import {
  NAME_64,
  assertSpssToolsInstalled,
  cutBytes,
  expectedWidths,
  fritekst600,
  makeTempDir,
  norsk,
  psppConvert,
  psppDictionary,
  psppFrequencies,
  runPspp,
  readstatData,
  readstatMetadata,
  readstatSummary,
  removeTempDirs,
  checkDates,
  dateDict,
  dateRows,
  richDict,
  richRows,
  shownString,
} from "../support/spss-tools";

const MEASURE = { nominal: "Nominal", ordinal: "Ordinal", scale: "Scale" };

/** Decimals default to 2 for scale variables and 0 otherwise. */
function decimalsOf(v: DictVariable): number {
  return v.decimals ?? (v.measure === "scale" ? 2 : 0);
}

function printFormat(v: DictVariable, widths: Record<string, number>): string {
  if (v.type === "date") return "EDATE10";
  if (v.type === "string") return `A${widths[v.name]}`;
  return `F${Math.max(v.width ?? 8, decimalsOf(v) + 2)}.${decimalsOf(v)}`;
}

function isSysmis(raw: unknown): boolean {
  return raw == null || raw === "";
}

/** pspp-convert shows numbers with up to 15 significant digits (like %.15g) and dates as mm/dd/yyyy. */
function psppShown(v: DictVariable, raw: Row[string], widths: Record<string, number>): string {
  if (v.type === "string") return shownString(raw, widths[v.name]);
  if (isSysmis(raw)) return " ";
  if (v.type === "date") {
    const [y, m, d] = String(raw).split("-");
    return `${m}/${d}/${y}`;
  }
  return String(Number(Number(raw).toPrecision(15)));
}

/** ReadStat prints numbers with 6 decimals, dates as SPSS seconds, system-missing as empty. */
function readstatValue(v: DictVariable, raw: Row[string]): number | string | null {
  if (v.type === "string") return null;
  if (isSysmis(raw)) return "";
  if (v.type === "date") return Date.parse(`${raw}T00:00:00Z`) / 1000 + 12219379200;
  return Number(raw);
}

/** The three doubles of record 7.4 (type 7, subtype 4, size 8, count 3) as big-endian hex. */
function machineFloats(sav: Buffer): string[] {
  const header = Buffer.alloc(16);
  [7, 4, 8, 3].forEach((n, i) => header.writeInt32LE(n, 4 * i));
  const at = sav.indexOf(header);
  if (at < 0) throw new Error("no record 7.4");
  return [0, 1, 2].map((i) => {
    const b = Buffer.from(sav.subarray(at + 16 + 8 * i, at + 24 + 8 * i));
    return b.reverse().toString("hex");
  });
}

// Tools are checked inside the tests (not in a hook, which would report the tests as skipped).
it("has PSPP and ReadStat installed to judge the files", () => assertSpssToolsInstalled());
afterAll(() => removeTempDirs());

describe("measureStringWidths", () => {
  it("measures UTF-8 bytes after NFC, including labelled and missing values", async () => {
    const widths = await measureStringWidths(richDict, richRows);
    expect(widths).toEqual(expectedWidths);
  });
});

describe.each(["bytecode", "none"] as const)("writeSav with %s compression", (compression) => {
  let dir: string;
  let sav: string;
  let widths: Record<string, number>;

  beforeAll(async () => {
    dir = makeTempDir();
    sav = join(dir, `rich-${compression}.sav`);
    widths = await measureStringWidths(richDict, richRows);
    const result = await writeSavFile(sav, richDict, richRows, { compression, stringWidths: widths, now: new Date("2025-01-02T03:04:05Z") });
    expect(result).toEqual({ cases: richRows.length, truncatedValues: 0 });
  });

  it("PSPP reads the dictionary: names, labels, measure, widths, formats, missing values", () => {
    const d = psppDictionary(dir, sav);
    expect(d.cases).toBe(richRows.length);
    expect(d.fileLabel).toBe(cutBytes(richDict.fileLabel, 60));
    expect(d.documents).toBe(
      // The second document is wrapped at 80 bytes ("må" ends at byte 80).
      ["Eksportert fra Medforsker.", "Andre linje med æøå, og en linje som er lengre enn åtti byte slik at den må", " brytes på tegngrense."].join("\n"),
    );
    expect(d.variables.map((v) => v.name)).toEqual(richDict.variables.map((v) => v.name));
    for (const [i, v] of richDict.variables.entries()) {
      const got = d.variables[i];
      expect(got.position).toBe(i + 1);
      expect(got.label).toBe(cutBytes(v.label, 255));
      expect(got.measure).toBe(MEASURE[v.measure]);
      expect(got.printFormat).toBe(printFormat(v, widths));
      expect(got.writeFormat).toBe(printFormat(v, widths));
      expect(got.alignment).toBe(v.type === "string" ? "Left" : "Right");
    }
    const byName = Object.fromEntries(d.variables.map((v) => [v.name, v]));
    expect(byName[NAME_64].label).toBe("Variabeletikett på over 255 byte: " + "ø".repeat(110));
    expect(byName.alder.width).toBe(14);
    expect(byName.kjonn.width).toBe(1);
    expect(byName.tekst1000.width).toBe(50);
    expect(byName.tekst256.width).toBe(32);
    expect(byName.samtykke_status.missing).toBe("99");
    expect(byName.alder.missing).toBe("-1; 998; 999");
    expect(byName.kjonn.missing).toBe('"X"');
    expect(byName.kode8.missing).toBe('"abc     "');
    expect(byName.kode9.missing).toBe('"ukjent  "');
    expect(byName.fritekst_kommentar.missing).toBe('"ukjent  "');
    expect(byName.respondent_id.missing).toBe("");
  });

  it("PSPP reads value labels of numbers and of short, long and very long strings", () => {
    const d = psppDictionary(dir, sav);
    const expected = richDict.variables.flatMap((v) =>
      (v.valueLabels ?? []).map((l) => ({
        variable: v.name,
        value: v.type === "string" ? String(l.value) : Number(l.value).toFixed(decimalsOf(v)),
        label: cutBytes(l.label, 120),
        isMissing: (v.missing ?? []).includes(l.value),
      })),
    );
    expect(d.valueLabels).toEqual(expected);
    expect(d.valueLabels.find((l) => l.variable === "vurdering" && l.value === "5")?.label).toBe(
      "Verdietikett på over 120 byte: " + "å".repeat(44),
    );
  });

  it("PSPP FREQUENCIES counts user-missing and system-missing values apart from valid ones", () => {
    const f = psppFrequencies(dir, sav, ["samtykke_status", "kjonn", "kode9", "fritekst_kommentar"]);
    const missing = (v: string) => f.get(v)!.filter((e) => e.section === "Missing");
    expect(missing("samtykke_status")).toEqual([
      { section: "Missing", value: ".", count: 1 },
      { section: "Missing", value: "Vil ikke svare", count: 1 },
    ]);
    expect(missing("kjonn")).toEqual([{ section: "Missing", value: "Annet / vil ikke oppgi", count: 1 }]);
    expect(missing("kode9")).toEqual([{ section: "Missing", value: "ukjent", count: 1 }]);
    expect(missing("fritekst_kommentar")).toEqual([{ section: "Missing", value: "ukjent", count: 1 }]);
    // The decomposed "Ba\u030Ad" was normalised to NFC, so it matches the label of "Båd".
    expect(f.get("kode9")!.find((e) => e.value === "Båt (NFC)")?.count).toBe(1);
  });

  it("pspp-convert reads back every value (raw and with labels)", () => {
    const raw = psppConvert(dir, sav);
    expect(raw[0]).toEqual(richDict.variables.map((v) => v.name));
    expect(raw.length).toBe(richRows.length + 1);
    richRows.forEach((row, r) => {
      richDict.variables.forEach((v, c) => {
        expect(raw[r + 1][c], `${v.name} row ${r + 1}`).toBe(psppShown(v, row[v.name], widths));
      });
    });
    const labelled = psppConvert(dir, sav, true);
    richRows.forEach((row, r) => {
      richDict.variables.forEach((v, c) => {
        const raw = row[v.name];
        const key = v.type === "string" && raw != null ? String(raw).normalize("NFC") : raw;
        const label = v.valueLabels?.find((l) => l.value === key || (v.type !== "string" && raw !== "" && raw != null && l.value === Number(raw)));
        const want = label ? cutBytes(label.label, 120) : psppShown(v, raw, widths);
        expect(labelled[r + 1][c], `${v.name} row ${r + 1} labelled`).toBe(want);
      });
    });
    // The 600-byte free text has an 'ø' split by both segment boundaries (bytes 255 and 510) and a line break.
    const bytes = Buffer.from(fritekst600);
    expect([bytes.length, bytes[255] & 0xc0, bytes[510] & 0xc0]).toEqual([600, 0x80, 0x80]);
    expect(raw[1][richDict.variables.findIndex((v) => v.name === "fritekst_kommentar")]).toBe(fritekst600);
  });

  it("ReadStat reads back every value", () => {
    const summary = readstatSummary(sav);
    expect(summary.Columns).toBe(String(richDict.variables.length));
    expect(summary.Rows).toBe(String(richRows.length));
    expect(summary["Text encoding"]).toBe("UTF-8");
    expect(summary["Table label"]).toBe(cutBytes(richDict.fileLabel, 60));
    const data = readstatData(dir, sav);
    expect(data[0]).toEqual(richDict.variables.map((v) => v.name));
    richRows.forEach((row, r) => {
      richDict.variables.forEach((v, c) => {
        const cell = data[r + 1][c];
        const want = readstatValue(v, row[v.name]);
        if (want === null) expect(cell, `${v.name} row ${r + 1}`).toBe(shownString(row[v.name], widths[v.name]));
        else if (want === "") expect(cell, `${v.name} row ${r + 1}`).toBe("");
        else expect(Number(cell), `${v.name} row ${r + 1}`).toBeCloseTo(want as number, 6);
      });
    });
  });
});

describe("writeSav checked by ReadStat's metadata reader", () => {
  it("agrees on names, labels, value labels, numeric missing values and formats", async () => {
    const dir = makeTempDir();
    const sav = join(dir, "meta.sav");
    // extract_metadata cannot handle string missing values, so leave those out here.
    const dict: DataDictionary = { ...richDict, variables: richDict.variables.map((v) => (v.type === "string" ? { ...v, missing: undefined } : v)) };
    await writeSavFile(sav, dict, richRows);
    const meta = readstatMetadata(dir, sav);
    expect(meta.map((m) => m.name)).toEqual(dict.variables.map((v) => v.name));
    dict.variables.forEach((v, i) => {
      const m = meta[i];
      expect(m.type).toBe(v.type === "string" ? "STRING" : "NUMERIC");
      expect(m.label).toBe(cutBytes(v.label, 255));
      if (v.type === "numeric") expect(m.decimals ?? 0).toBe(decimalsOf(v));
      if (v.type === "date") expect(m.pattern).toBe("dd.MM.yyyy");
      if (v.type === "numeric" && v.missing) expect(m.missing).toEqual({ type: "DISCRETE", values: v.missing });
      const shortEnough = v.type !== "string" || expectedWidths[v.name] <= 8;
      if (v.valueLabels && shortEnough) {
        expect(m.categories).toEqual(v.valueLabels.map((l) => ({ code: l.value, label: cutBytes(l.label, 120) })));
      }
    });
  });
});

/** Short names straight from the type-2 variable records of a .sav (header is 176 bytes). */
function shortNames(file: Buffer): string[] {
  const names: string[] = [];
  let p = 176;
  while (file.readInt32LE(p) === 2) {
    const type = file.readInt32LE(p + 4);
    const hasLabel = file.readInt32LE(p + 8);
    const nMissing = Math.abs(file.readInt32LE(p + 12));
    if (type !== -1) names.push(file.subarray(p + 24, p + 32).toString("latin1").trimEnd());
    p += 32;
    if (hasLabel) p += 4 + Math.ceil(file.readInt32LE(p) / 4) * 4;
    p += 8 * nMissing;
  }
  return names;
}

describe("writeSav edge cases", () => {
  it("bytecode compression makes blank-padded strings much smaller", async () => {
    const dir = makeTempDir();
    const widths = await measureStringWidths(richDict, richRows);
    const rows = Array.from({ length: 200 }, (_, i) => ({ ...richRows[1 + (i % 4)] }));
    await writeSavFile(join(dir, "c.sav"), richDict, rows, { stringWidths: widths });
    await writeSavFile(join(dir, "u.sav"), richDict, rows, { stringWidths: widths, compression: "none" });
    expect(statSync(join(dir, "c.sav")).size * 4).toBeLessThan(statSync(join(dir, "u.sav")).size);
    expect(psppConvert(dir, join(dir, "c.sav"))).toEqual(psppConvert(dir, join(dir, "u.sav")));
  });

  it("gives 120 variables sharing their first 8 characters unique short names", async () => {
    const dir = makeTempDir();
    const sav = join(dir, "many.sav");
    const vars: DictVariable[] = Array.from({ length: 120 }, (_, i) => ({
      name: `samtykke_spm_${String(i + 1).padStart(3, "0")}`,
      label: `Spørsmål ${i + 1}`,
      type: "numeric",
      measure: i % 2 ? "ordinal" : "scale",
      decimals: 0,
    }));
    vars.push({ name: "SAMTYKKE", label: "Kort navn som er lik et prefiks", type: "numeric", measure: "nominal" });
    vars.push({ name: "samtykke_fritekst_lang", label: "Lang tekst", type: "string", measure: "nominal", width: 700 });
    const dict: DataDictionary = { fileLabel: "Mange", variables: vars };
    const rows: Row[] = Array.from({ length: 7 }, (_, r) =>
      Object.fromEntries(vars.map((v, i) => [v.name, v.type === "string" ? norsk(600 + r) : (r * 1000 + i) % 300])),
    );
    await writeSavFile(sav, dict, rows, { compression: "bytecode" });
    const names = shortNames(readFileSync(sav));
    expect(names.length).toBe(120 + 1 + 3); // the 700-byte string has 3 segments
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Z][A-Z0-9_]{0,7}$/);
    expect(names[120]).toBe("SAMTYKKE"); // a name that fits claims itself before longer names are cut
    const d = psppDictionary(dir, sav);
    expect(d.variables.map((v) => v.name)).toEqual(vars.map((v) => v.name));
    expect(d.variables.map((v) => v.measure)).toEqual(vars.map((v) => MEASURE[v.measure]));
    const data = readstatData(dir, sav);
    expect(data[0]).toEqual(vars.map((v) => v.name));
    rows.forEach((row, r) =>
      vars.forEach((v, c) => {
        if (v.type === "string") expect(data[r + 1][c]).toBe(shownString(row[v.name], 700));
        else expect(Number(data[r + 1][c])).toBe(row[v.name]);
      }),
    );
    expect(psppConvert(dir, sav).slice(1).map((r) => r.slice(0, 120).map(Number))).toEqual(rows.map((row) => vars.slice(0, 120).map((v) => row[v.name])));
  });

  it("streams async rows of unknown count into any sink with write(), and into a Node stream with back-pressure", async () => {
    const dir = makeTempDir();
    const dict: DataDictionary = {
      fileLabel: "Strøm",
      variables: [
        { name: "id", label: "Id", type: "numeric", measure: "scale", decimals: 0 },
        { name: "notat", label: "Loggnotat", type: "string", measure: "nominal", width: 600 },
      ],
    };
    async function* rows(n: number) {
      for (let i = 0; i < n; i++) yield { id: i, notat: i % 3 ? `Notat ${i}: ${"æøå ".repeat(i % 70)}` : null };
    }
    // Unknown count in a plain sink: the header says -1 and readers read to the end of the data.
    const chunks: Uint8Array[] = [];
    const result = await writeSav(dict, rows(5000), { write: (b: Uint8Array) => chunks.push(b) });
    expect(result.cases).toBe(5000);
    writeFileSync(join(dir, "sink.sav"), Buffer.concat(chunks));
    expect(readstatSummary(join(dir, "sink.sav")).Rows).toBe("-1");
    expect(readstatData(dir, join(dir, "sink.sav")).length).toBe(5001);
    expect(psppConvert(dir, join(dir, "sink.sav")).length).toBe(5001);

    // writeSavFile patches the count into the header afterwards.
    for (const compression of ["bytecode", "none"] as const) {
      const path = join(dir, `file-${compression}.sav`);
      await writeSavFile(path, dict, rows(5000), { compression });
      expect(readstatSummary(path).Rows).toBe("5000");
      expect(readstatData(dir, path).length).toBe(5001);
      expect(psppDictionary(dir, path).cases).toBe(5000);
    }

    // ReadStat reads 0 rows from an uncompressed file with an unknown count, so the writer refuses that.
    await expect(writeSav(dict, rows(3), { write() {} }, { compression: "none" })).rejects.toThrow(/caseCount/);
    const file = createWriteStream(join(dir, "stream.sav"), { highWaterMark: 1024 });
    await writeSav(dict, rows(20000), file, { compression: "none", caseCount: 20000 });
    file.end();
    await once(file, "finish");
    const data = psppConvert(dir, join(dir, "stream.sav"));
    expect(data.length).toBe(20001);
    expect(data[20000]).toEqual(["19999", `Notat 19999: ${"æøå ".repeat(19999 % 70)}`.trimEnd()]);
    expect(readstatData(dir, join(dir, "stream.sav"))[3]).toEqual(["2.000000", `Notat 2: ${"æøå ".repeat(2)}`.trimEnd()]);
  });

  it("cuts values longer than the declared width on a character boundary and counts them", async () => {
    const dir = makeTempDir();
    const sav = join(dir, "cut.sav");
    const dict: DataDictionary = {
      fileLabel: "",
      variables: [
        { name: "kort", label: "", type: "string", measure: "nominal", width: 5 },
        { name: "lang", label: "", type: "string", measure: "nominal", width: 300 },
      ],
    };
    const result = await writeSavFile(sav, dict, [{ kort: "æøåæøå", lang: "x".repeat(299) + "ø" + "y" }, { kort: "abcde", lang: "ok" }]);
    expect(result).toEqual({ cases: 2, truncatedValues: 2 });
    expect(psppConvert(dir, sav).slice(1)).toEqual([
      ["æø", "x".repeat(299)],
      ["abcde", "ok"],
    ]);
    expect(readstatData(dir, sav)[1]).toEqual(["æø", "x".repeat(299)]);
  });

  it("rejects dictionaries and rows it cannot write faithfully", async () => {
    const base = (v: Partial<DictVariable>): DataDictionary => ({
      fileLabel: "",
      variables: [{ name: "x", label: "", type: "numeric", measure: "scale", ...v } as DictVariable],
    });
    const write = (dict: DataDictionary, rows: Row[] = [], opts = {}) => writeSav(dict, rows, { write() {} }, opts);
    await expect(write(base({ name: "2x" }))).rejects.toThrow(/letter/);
    await expect(write(base({ name: "with" }))).rejects.toThrow(/reserved/);
    await expect(write(base({ name: "slutt_" }))).rejects.toThrow(/end/);
    await expect(write(base({ name: "a".repeat(65) }))).rejects.toThrow(/64/);
    await expect(write(base({ name: "æ" }))).rejects.toThrow(/ASCII/);
    await expect(write(base({ missing: [1, 2, 3, 4] }))).rejects.toThrow(/at most 3/);
    await expect(write(base({ type: "string", measure: "nominal", width: 20, missing: ["ni bytes!"] }))).rejects.toThrow(/8 bytes/);
    await expect(write(base({ type: "string", measure: "scale", width: 3 }))).rejects.toThrow(/scale/);
    await expect(write(base({ valueLabels: [{ value: 1, label: "a" }, { value: "1", label: "b" }] }))).rejects.toThrow(/labelled twice/);
    const noRows = (function* () {})();
    await expect(writeSav(base({ type: "string", measure: "nominal" }), noRows, { write() {} })).rejects.toThrow(/width unknown/);
    await expect(write(base({ type: "string", measure: "nominal", width: 2, valueLabels: [{ value: "lang", label: "" }] }))).rejects.toThrow(/wider/);
    await expect(write(base({}), [{ x: 1 }, { x: "abc" }])).rejects.toThrow(/Row 2: x: 'abc' is not a number/);
    await expect(write(base({ type: "date" }), [{ x: "2024-02-30" }])).rejects.toThrow(/date/);
    await expect(write(base({}), [{ x: 1 }], { caseCount: 2 })).rejects.toThrow(/caseCount/);
    // A failed file export leaves no file behind.
    const dir = makeTempDir();
    await expect(writeSavFile(join(dir, "bad.sav"), base({}), [{ x: "abc" }])).rejects.toThrow(/not a number/);
    expect(existsSync(join(dir, "bad.sav"))).toBe(false);
    const dup: DataDictionary = { fileLabel: "", variables: [...base({}).variables, ...base({ name: "X" }).variables] };
    await expect(write(dup)).rejects.toThrow(/Duplicate/);
  });

  it("writes cases wider than an output chunk (10 x 32,000-byte strings)", async () => {
    const dir = makeTempDir();
    const vars: DictVariable[] = Array.from({ length: 10 }, (_, i) => ({ name: `tekst_${i}`, label: "", type: "string", measure: "nominal", width: 32000 }));
    vars.push({ name: "n", label: "", type: "numeric", measure: "scale", decimals: 1 });
    const dict: DataDictionary = { fileLabel: "Brede", variables: vars };
    const full = norsk(32000);
    const rows: Row[] = Array.from({ length: 6 }, (_, r) => ({
      // Rows 0-1 are full to the last byte (every unit a literal: the largest compressed case).
      ...Object.fromEntries(vars.slice(0, 10).map((v, i) => [v.name, r < 2 ? full : (r + i) % 3 === 0 ? "" : norsk(31990 - 997 * ((r * 7 + i) % 9))])),
      n: r + 0.5,
    }));
    for (const compression of ["bytecode", "none"] as const) {
      const sav = join(dir, `wide-${compression}.sav`);
      await writeSavFile(sav, dict, rows, { compression });
      const data = readstatData(dir, sav);
      expect(data.length).toBe(rows.length + 1);
      rows.forEach((row, r) => vars.forEach((v, c) => {
        if (v.type === "string") expect(data[r + 1][c] === shownString(row[v.name], 32000), `${v.name} row ${r + 1}`).toBe(true);
        else expect(Number(data[r + 1][c])).toBe(row[v.name]);
      }));
      expect(psppConvert(dir, sav).slice(1).map((r) => r[10])).toEqual(rows.map((row) => String(row.n)));
    }
  });

  it.each(["EDATE", "SDATE", "ADATE", "DATE"] as const)("writes dates in %s format, with value labels and a user-missing date", async (dateFormat) => {
    const dir = makeTempDir();
    const sav = join(dir, `dates-${dateFormat}.sav`);
    await writeSavFile(sav, dateDict, dateRows, { dateFormat });
    checkDates(dir, sav, dateFormat);
  });

  it("writes record 7.4 (SYSMIS, HIGHEST, LOWEST) byte for byte as PSPP does", async () => {
    const dir = makeTempDir();
    const ours = join(dir, "ours.sav");
    const theirs = join(dir, "pspp.sav");
    await writeSavFile(ours, richDict, richRows);
    runPspp(dir, "machine-floats", `DATA LIST FREE /x.\nBEGIN DATA\n1\nEND DATA.\nSAVE OUTFILE='${theirs}'.`);
    expect(machineFloats(readFileSync(ours))).toEqual(["ffefffffffffffff", "7fefffffffffffff", "ffeffffffffffffe"]);
    expect(machineFloats(readFileSync(ours))).toEqual(machineFloats(readFileSync(theirs)));
  });

  it("encodeSav yields chunks a consumer may keep", async () => {
    const dict: DataDictionary = { fileLabel: "", variables: [{ name: "n", label: "", type: "numeric", measure: "scale" }] };
    const rows = Array.from({ length: 100000 }, (_, i) => ({ n: i + 0.5 }));
    const chunks: Uint8Array[] = [];
    for await (const c of encodeSav(dict, rows, { compression: "none" })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(2);
    const all = Buffer.concat(chunks);
    const dataStart = all.length - 8 * rows.length;
    expect(all.readDoubleLE(dataStart)).toBe(0.5);
    expect(all.readDoubleLE(all.length - 8)).toBe(99999.5);
  });
});
