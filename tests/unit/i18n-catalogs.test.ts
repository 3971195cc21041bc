// The interface catalogues: every area's keys are its own (a spread would silently let one area
// overwrite another's text), English has every key, and both languages use the same placeholders.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../app/i18n/catalog";
import { argumentsOf } from "../support/i18n-messages";

const dir = path.resolve("app/i18n/areas");

describe("i18n catalogues", () => {
  it("has no key defined by two areas", async () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const area = (await import(path.join(dir, file))) as { nb: Record<string, string>; en: Record<string, string> };
      for (const key of Object.keys(area.nb)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${file}`);
        owner.set(key, file);
      }
      expect(Object.keys(area.en).sort(), `${file}: en keys`).toEqual(Object.keys(area.nb).sort());
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(catalogs.nb).length).toBe(owner.size);
  });

  it("gives every English text and the same placeholders as bokmål", () => {
    // Texts are ICU messages: the arguments are read from the parsed message, plural branches included.
    const placeholders = (s: string, locale: "nb" | "en") => [...argumentsOf(s, locale).keys()].sort();
    for (const [key, nb] of Object.entries(catalogs.nb)) {
      const en = catalogs.en[key as keyof typeof catalogs.en];
      expect(en, key).toBeTruthy();
      expect(placeholders(en, "en"), key).toEqual(placeholders(nb, "nb"));
    }
  });
});
