// Reading a file's cells through the codebook (app/imports/columns.ts): dates in the formats
// Norwegian spreadsheets hold, Excel serial numbers, answer options by code, label or «trinn 3»,
// yes/no in its common spellings, and the mapping suggested from a file's headings.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { excelSerialDate, instrumentTargets, metaTarget, readCell, readChoice, readDate, readMonth, suggestMapping } from "../../app/imports/columns";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { toFormInstrument } from "../../app/instruments/types";
import { SE_STEPS } from "../../app/instruments/se-steps";

const log = () => toFormInstrument(loadCodebook().get("log-entry")!);

describe("dates", () => {
  it("reads dd.mm.yyyy, d.m.yyyy, dd.mm.yy, yyyy-mm-dd and spreadsheet dates; refuses days that do not exist", () => {
    expect(readDate("14.02.2017")).toBe("2017-02-14");
    expect(readDate("4.2.2017")).toBe("2017-02-04");
    expect(readDate("04/02/2017")).toBe("2017-02-04");
    expect(readDate("14.02.17")).toBe("2017-02-14");
    expect(readDate("2017-02-14")).toBe("2017-02-14");
    expect(readDate({ date: "2017-02-14" })).toBe("2017-02-14");
    expect(readDate("31.02.2017")).toBeNull();
    expect(readDate("2017-13-01")).toBeNull();
    expect(readDate("i går")).toBeNull();
    expect(readMonth("2017-9")).toBe("2017-09");
    expect(readMonth("09.2017")).toBe("2017-09");
    expect(readMonth("14.09.2017")).toBe("2017-09");
    expect(readMonth("13.2017")).toBeNull();
  });

  it("reads Excel serial day numbers as Excel itself does (checked against exceljs's own conversion)", async () => {
    expect(excelSerialDate(1)).toBe("1900-01-01");
    expect(excelSerialDate(59)).toBe("1900-02-28");
    expect(excelSerialDate(61)).toBe("1900-03-01");
    expect(excelSerialDate(42795)).toBe("2017-03-01");
    expect(readDate(43101)).toBe("2018-01-01");
    expect(readDate("43101")).toBe("2018-01-01");
    expect(excelSerialDate(0)).toBeNull();
    expect(excelSerialDate(1.5)).toBeNull();
    // exceljs writes a date as Excel's serial number and reads it back as a Date.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("s");
    const dates = ["1900-03-01", "2017-03-01", "2018-12-31", "2026-12-06"];
    dates.forEach((d) => sheet.addRow([new Date(`${d}T00:00:00Z`)]));
    const buffer = await book.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const serials = dates.map((d) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000));
    serials.forEach((serial, i) => {
      expect(excelSerialDate(serial)).toBe(dates[i]);
      expect((back.worksheets[0].getRow(i + 1).getCell(1).value as Date).toISOString().slice(0, 10)).toBe(dates[i]);
    });
  });
});

describe("answer options", () => {
  const yesNo = [
    { code: 1, label: { nb: "Ja", en: "Yes" } },
    { code: 2, label: { nb: "Nei", en: "No" } },
  ];

  it("reads a code, a label in either language and any case, «trinn 3», and the words after a step's colon", () => {
    expect(readChoice("Ja", yesNo)).toBe(1);
    expect(readChoice("ja", yesNo)).toBe(1);
    expect(readChoice("NO", yesNo)).toBe(2);
    expect(readChoice("1", yesNo)).toBe(1);
    expect(readChoice("3", yesNo)).toBeNull();
    expect(readChoice("kanskje", yesNo)).toBeNull();
    expect(readChoice("trinn 3", SE_STEPS)).toBe(3);
    expect(readChoice("Trinn 3", SE_STEPS)).toBe(3);
    expect(readChoice("Step 4", SE_STEPS)).toBe(4);
    expect(readChoice("Å finne jobb", SE_STEPS)).toBe(3);
    expect(readChoice("Trinn 3: Å finne jobb", SE_STEPS)).toBe(3);
    expect(readChoice("Trinn 9", SE_STEPS)).toBeNull();
  });

  it("reads a multiple-choice column as ticked or not, and says why a cell cannot be read", () => {
    const flag = instrumentTargets(toFormInstrument(loadCodebook().get("participant-report")!)).find((t) => t.value === "flag")!;
    for (const yes of ["Ja", "ja", "x", "X", "1", "✓", "yes"]) expect(readCell(flag, yes)).toEqual({ ok: true, value: "1" });
    for (const no of ["Nei", "0", ""]) expect(readCell(flag, no)).toEqual({ ok: true, value: "" });
    expect(readCell(flag, "kanskje")).toEqual({ ok: false, reason: "flag" });
    const step = instrumentTargets(log()).find((t) => t.key === "trinn")!;
    expect(readCell(step, "trinn 2")).toEqual({ ok: true, value: "2" });
    expect(readCell(step, 2)).toEqual({ ok: true, value: "2" });
    expect(readCell(step, "ti")).toEqual({ ok: false, reason: "choice" });
    const date = instrumentTargets(log()).find((t) => t.key === "dato")!;
    expect(readCell(date, 42795)).toEqual({ ok: true, value: "2017-03-01" });
    expect(readCell(date, "31.02.2017")).toEqual({ ok: false, reason: "date" });
    const text = instrumentTargets(log()).find((t) => t.key === "situasjon")!;
    expect(readCell(text, "  to\r\nlinjer ")).toEqual({ ok: true, value: "to\nlinjer" });
  });
});

describe("the suggested mapping", () => {
  it("reads Tabell 5's headings, the SPSS names and English labels; a remembered mapping comes first", () => {
    const targets = [metaTarget("person", true), ...instrumentTargets(log())];
    expect(suggestMapping(["Jobbspesialist", "Dato", "Situasjon", "Jobbspesialistens bistand", "Resultat", "Hva kunne gjøres annerledes?", "Ev. hva fungerte? – påpek god praksis", "Trinn i SE"], targets)).toEqual([
      "person",
      "dato",
      "situasjon",
      "bistand",
      "resultat",
      "annerledes",
      "god_praksis",
      "trinn",
    ]);
    expect(suggestMapping(["trinn", "DATO", "Result", "Merknad", "e-post"], targets)).toEqual(["trinn", "dato", "resultat", null, "person"]);
    // Each target once: a second «Dato» column is left for the researcher.
    expect(suggestMapping(["Dato", "Dato"], targets)).toEqual(["dato", null]);
    expect(suggestMapping(["Notat", "Når"], targets, { notat: "situasjon", når: "dato" })).toEqual(["situasjon", "dato"]);
  });
});
