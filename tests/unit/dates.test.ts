// One way to write a date per language (app/i18n/dates.ts), and no page that writes its own.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, isoDateTime, todayInNorway } from "../../app/i18n/dates";

// 6 December 2026, 13:05 UTC = 14:05 in Oslo; 1 July 2026, 22:30 UTC = 00:30 on 2 July in Oslo.
const winter = Date.UTC(2026, 11, 6, 13, 5) / 1000;
const summerNight = Date.UTC(2026, 6, 1, 22, 30) / 1000;

describe("the date rule", () => {
  it("writes dates in running text and in tables, in both languages", () => {
    expect(formatDate("2026-12-06", "nb")).toBe("6. desember 2026");
    expect(formatDate("2026-12-06", "nb", "table")).toBe("06.12.2026");
    expect(formatDate("2026-12-06", "en")).toBe("6 December 2026");
    expect(formatDate("2026-12-06", "en", "table")).toBe("06/12/2026");
  });

  it("writes stored times in Norwegian time, summer and winter", () => {
    expect(formatDateTime(winter, "nb")).toBe("6. desember 2026 kl. 14:05");
    expect(formatDateTime(winter, "nb", "table")).toBe("06.12.2026 14:05");
    expect(formatDateTime(winter, "en")).toBe("6 December 2026, 14:05");
    expect(formatDateTime(summerNight, "nb", "table")).toBe("02.07.2026 00:30");
    expect(todayInNorway(new Date(summerNight * 1000))).toBe("2026-07-02");
  });

  it("names months and keeps ISO for machines", () => {
    expect(formatMonth("2018-05", "nb")).toBe("mai 2018");
    expect(formatMonth("2018-05", "en")).toBe("May 2018");
    expect(isoDateTime(winter)).toBe("2026-12-06T13:05:00.000Z");
    // Not a date: shown as it came rather than guessed at.
    expect(formatDate("ukjent", "nb")).toBe("ukjent");
  });
});

// Display formatting of dates lives in app/i18n/dates.ts; anything else that formats a date for
// a page with the platform's own calls (each picks its own pattern: 18.12.26, 6. des. 2026, …)
// is a second rule. toISOString is for stored values and exports, so not in components or routes.
const DISPLAY_CALLS = /\.toLocale(?:Date|Time)?String\(|new Intl\.DateTimeFormat\(/;
const ISO_CALL = /\.toISOString\(/;
const OWN_MODULES = new Set(["app/i18n/dates.ts", "app/i18n/format.ts"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("dates on pages", () => {
  it("are formatted by the one module only", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles("app")) {
      if (OWN_MODULES.has(file)) continue;
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (DISPLAY_CALLS.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        const shown = file.endsWith(".tsx") || file.startsWith("app/routes/");
        if (shown && ISO_CALL.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
