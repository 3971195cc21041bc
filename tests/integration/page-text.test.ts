// How dates and counts read on the pages people use, over real HTTP on the demo project: every
// page reachable from the start page (links followed three levels deep, a few of each kind) is read
// as text, in both languages, for each role. Dates follow the one rule of app/i18n/dates.ts
// («6. desember 2026» or «06.12.2026»), never ISO, a two-digit year or an abbreviated month;
// no word is printed twice in a row («Levert Levert»), and no count disagrees with its noun.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { decode, loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
});
afterAll(async () => {
  await server?.stop();
});

const BLOCK = "(?:p|li|td|th|h[1-6]|dt|dd|div|caption|option|label|legend|summary|button|title|section|article|nav|header|footer|tr|table|ul|ol|dl|form|fieldset|select|details|main)";

/** The words of a page as a reader gets them: no markup, attributes, scripts or form values; «¶» between blocks. */
function visibleText(html: string): string {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<textarea[\s\S]*?<\/textarea>/g, " ")
      .replace(/<!-- -->/g, "")
      .replace(new RegExp(`</?${BLOCK}\\b[^>]*>`, "g"), " ¶ ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

// «mai» and «May» are whole names already.
const MONTH_ABBREVIATIONS = "jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|des|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Jan|Feb|Mar|Apr";
// A date field's hint shows the form a browser without a date picker wants: «for eksempel 2018-03-15».
const NOT_AN_EXAMPLE = "(?<!(?:for eksempel|for example) )";
const PROBLEMS: [string, RegExp][] = [
  ["ISO date in text", new RegExp(`${NOT_AN_EXAMPLE}\\b\\d{4}-\\d{2}-\\d{2}\\b`)],
  ["ISO month in text", new RegExp(`${NOT_AN_EXAMPLE}\\b(19|20)\\d{2}-(0[1-9]|1[0-2])\\b`)],
  ["two-digit year", /\b\d{1,2}\.\d{1,2}\.\d{2}\b(?![.\d])/],
  ["abbreviated month", new RegExp(`\\b\\d{1,2}\\.? (${MONTH_ABBREVIATIONS})\\.? \\d{4}\\b`)],
  ["word repeated", /(?<![\p{L}\d-])(\p{L}{3,}) \1(?![\p{L}\d,-])/iu],
  ["«1» with a plural noun", /(?<![\d,.])\b1 (notater|lenker|jobbspesialister|hendelser|deltakere|arbeidsgivere|variabler|notes|links|events|participants|employers|variables)\b/],
];

/** A path with ids and codes folded, so the crawl reads a few pages of each kind, not every participant. */
function pageKind(path: string): string {
  return path.split("?")[0].replace(/\/(\d+|[A-Z]-[A-Z0-9]{4,}|\d{4}-\d{2})(?=\/|$)/g, "/:x");
}

const SKIP = /^\/(logout|language|build\/|s\/)|\.(csv|xlsx|zip|docx)$|\/download$|\/print$/;

async function crawl(client: Client, start: readonly string[], perKind = 2, depth = 3): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const kinds = new Map<string, number>();
  let frontier = [...start];
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: string[] = [];
    for (const path of frontier) {
      if (pages.has(path)) continue;
      const kind = pageKind(path);
      if ((kinds.get(kind) ?? 0) >= perKind) continue;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const res = await client.get(path);
      const html = await res.text();
      if (res.status !== 200 || !(res.headers.get("Content-Type") ?? "").includes("text/html")) continue;
      pages.set(path, html);
      for (const m of html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
        const href = decode(m[1]);
        if (!SKIP.test(href) && !pages.has(href)) next.push(href);
      }
    }
    frontier = next;
  }
  return pages;
}

// The start page, and for a job specialist also a demo month with notes (the month pages link
// only to their neighbours, so the crawl would not get back to 2018 from today).
const roles = [
  ["researcher", identities.researcher, ["/"]],
  ["job specialist", identities.jsA, ["/", "/log?month=2018-10", "/log?month=2018-12"]],
  ["case lead", identities.leadA, ["/"]],
] as const;

describe("dates and counts on every page", () => {
  for (const [role, email, start] of roles) {
    for (const locale of ["nb", "en"] as const) {
      it(`reads right for a ${role} (${locale})`, async () => {
        const client = await loginAs(server.url, email, passwords[email]);
        if (locale === "en") await client.post("/language", { locale: "en", redirectTo: "/" });
        const pages = await crawl(client, start);
        expect(pages.size).toBeGreaterThan(role === "researcher" ? 20 : 5);
        const found: string[] = [];
        for (const [path, html] of pages) {
          const text = visibleText(html);
          for (const [problem, pattern] of PROBLEMS) {
            const m = pattern.exec(text);
            if (m) found.push(`${path}: ${problem}: …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20)}…`);
          }
        }
        expect(found.join("\n")).toBe("");
      });
    }
  }
});
