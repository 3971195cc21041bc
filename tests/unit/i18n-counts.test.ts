// Counts agree with their number in both languages («1 notat», «2 notater», never «1 notater»).
// The count texts are found in the catalogues themselves (any plural or number argument), so a new
// one is rendered here without being listed. A plain `{x}` argument must have a name below that
// never carries a count, so a count cannot be written as a plain argument and slip past.
import { describe, expect, it } from "vitest";
import { catalogs, type MessageKey } from "../../app/i18n/catalog";
import type { Locale } from "../../app/i18n/locale";
import { argumentsOf, countMessageKeys, renderCount } from "../support/i18n-messages";

// Plain arguments are words, names, dates and values formatted before they reach the text …
const TEXT_ARGUMENTS = new Set([
  "audience", "close", "code", "contact", "dataset", "date", "email", "end", "first", "found", "hours",
  "id", "instrument", "label", "last", "list", "month", "name", "open", "option", "organisation",
  "period", "placeholder", "problem", "project", "rate", "reason", "sha", "source", "start", "table",
  "time", "title", "what", "detail", "wait",
  // the import pages: a kind of file, a column heading, kinds of findings, a cell's text
  "kind", "kinds", "column", "text",
  // the audit log's sentences
  "action", "actor", "caseProject", "exchange", "format", "from", "participant", "person", "role", "to", "transcript", "wave",
]);
// … or numbers that name something instead of counting it (version 3, page 2 of 5, reminder 1).
const LABEL_NUMBERS = new Set(["number", "page", "pages", "position", "round", "row", "sections", "version"]);
// … or measures followed by their unit, which does not inflect (1 MB, 25 MB, 40 %).
const MEASURES = new Set(["file", "max", "percent"]);

const locales: Locale[] = ["nb", "en"];
const keys = countMessageKeys();

describe("count messages", () => {
  it("finds the counts in the catalogues, the reported ones among them", () => {
    expect(keys).toEqual(
      expect.arrayContaining(["logs.mine.count", "logs.submit.confirm", "survey.links.batchLine", "logs.grid.summary", "exports.audit.count"]),
    );
  });

  it("lets no plain argument carry a count", () => {
    const unclassified: string[] = [];
    for (const locale of locales) {
      for (const [key, text] of Object.entries(catalogs[locale])) {
        for (const [name, kinds] of argumentsOf(text, locale)) {
          if (kinds.has("text") && !TEXT_ARGUMENTS.has(name) && !LABEL_NUMBERS.has(name) && !MEASURES.has(name)) unclassified.push(`${locale} ${key}: {${name}}`);
        }
      }
    }
    // A count needs `{x, plural, one {# …} other {# …}}` (or `{x, number}` when no noun follows).
    expect(unclassified).toEqual([]);
  });

  it("counts the same arguments in both languages", () => {
    // English may need a plural where bokmål has a bare number («1 has», «2 have»), not the reverse of a count.
    for (const key of Object.keys(catalogs.nb) as MessageKey[]) {
      const counted = (locale: Locale) =>
        [...argumentsOf(catalogs[locale][key], locale)].map(([name, k]) => `${name}:${k.has("plural") || k.has("number") ? "count" : "text"}`).sort();
      expect(counted("en"), key).toEqual(counted("nb"));
    }
  });

  for (const locale of locales) {
    it(`renders every count message with 0, 1 and 2 (${locale})`, () => {
      for (const key of keys) {
        const [zero, one, two] = [0, 1, 2].map((n) => renderCount(key, locale, n));
        for (const text of [zero, one, two]) expect(text, key).not.toMatch(/[{}#]/);
        // Where the language has a singular form, one and two differ in more than the figure.
        if (/\bone \{/.test(catalogs[locale][key])) expect(one.replace(/1/g, "N"), key).not.toBe(two.replace(/2/g, "N"));
      }
    });
  }

  it("reads the reported cases right", () => {
    expect(renderCount("logs.mine.count", "nb", 1)).toBe("1 notat");
    expect(renderCount("logs.mine.count", "nb", 2)).toBe("2 notater");
    expect(renderCount("logs.mine.count", "en", 1)).toBe("1 note");
    expect(renderCount("logs.submit.confirm", "nb", 1)).toBe("Jeg har lest gjennom notatet og vil levere loggen for ‹month›");
    expect(renderCount("survey.links.batchLine", "nb", 1)).toBe("‹date›: 1 lenke");
    expect(renderCount("logs.grid.summary", "nb", 1)).toMatch(/^1 jobbspesialist har/);
    expect(renderCount("exports.audit.count", "en", 1)).toMatch(/^1 event\./);
  });
});
