// Every CSV the app writes is laid out by papaparse (app/server/csv.server.ts) and every CSV it
// reads is parsed by papaparse (app/imports/): no module lays out CSV lines or quotes cells by hand.
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvText, UTF8_BOM } from "../../app/server/csv.server";
import { csvLine } from "../../app/logs/csv.server";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

/** What a hand-made CSV writer or reader looks like. */
const HAND_MADE = [
  /\.join\(\s*["'][,;\t]["']\s*\)\s*\+\s*["'`]\\r?\\n/, // cells joined, then a line end
  /replace(All)?\(\s*(\/"\/g|["']"["'])\s*,\s*["']""["']\s*\)/, // quotes doubled by hand
];

describe("CSV through papaparse", () => {
  it("no module of app/ lays out CSV lines or quotes cells by hand", () => {
    const offenders: string[] = [];
    for (const file of sources("app")) {
      if (file === path.join("app", "server", "csv.server.ts")) continue;
      fs.readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (HAND_MADE.some((re) => re.test(line))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders, "write CSV with csvText (app/server/csv.server.ts), read it with papaparse").toEqual([]);
  });

  it("writes what papaparse and RFC 4180 read back, quotes only where needed", () => {
    const rows = [
      ["navn", "tekst", "tall"],
      ["a", 'sa "hei", og gikk', 1],
      ["b", "to\r\nlinjer", null],
      ["c", " kant ", -2.5],
    ];
    const text = csvText(rows);
    expect(text.startsWith("navn,tekst,tall\r\na,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const back = Papa.parse<string[]>(text.slice(0, -2), { header: false }).data;
    expect(back).toEqual(rows.map((r) => r.map((c) => (c === null ? "" : String(c)))));
    expect(csvText([["x;y", "z"]], { delimiter: ";" })).toBe('"x;y";z\r\n');
    expect(csvText([["a", "b"]], { quotes: [true, false], newline: "\n" })).toBe('"a",b\n');
    expect(UTF8_BOM + csvLine(["=1+1"])).toBe("\uFEFF'=1+1\r\n");
  });
});
