// The free-text scrubber measured on the PII test set (tests/fixtures/pii/sentences.json):
// every checksum-valid identifier and every known name must go, every look-alike must stay.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REDACTION_KINDS, REDACTION_MARKERS, Scrubber, type KnownTerms, type RedactionKind } from "../../app/exports/anonymise/scrub";
import { isOrganisationNumber, personNumberKind } from "../../app/exports/anonymise/norwegian-ids";

interface Case {
  text: string;
  redact: Partial<Record<RedactionKind, string[]>>;
  keep: string[];
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/pii/sentences.json", import.meta.url), "utf8")) as { known: KnownTerms; cases: Case[] };

// An independent mod-11 check (not the module under test), so a wrong fixture cannot pass.
function mod11Ok(digits: string, weights: number[]): boolean {
  const d = [...digits].map(Number);
  const sum = weights.reduce((acc, w, i) => acc + w * d[i], 0);
  const k = (11 - (sum % 11)) % 11;
  return k !== 10 && k === d[weights.length];
}
const fnrValid = (s: string) => {
  const d = s.replace(/\D/g, "");
  return d.length === 11 && mod11Ok(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]) && mod11Ok(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
};
const orgValid = (s: string) => {
  const d = s.replace(/\D/g, "");
  return d.length === 9 && /^[89]/.test(d) && mod11Ok(d, [3, 2, 7, 6, 5, 4, 3, 2]);
};

const scrubber = new Scrubber(fixture.known);

describe("the PII test set itself", () => {
  it("has valid numbers where they must be redacted and invalid ones where they must stay", () => {
    for (const c of fixture.cases) {
      for (const n of [...(c.redact.nationalId ?? []), ...(c.redact.dNumber ?? [])]) expect(fnrValid(n), n).toBe(true);
      for (const n of c.redact.orgNumber ?? []) expect(orgValid(n), n).toBe(true);
      for (const k of c.keep.filter((k) => /^\d[\d ]{8,}$/.test(k))) {
        const digits = k.replace(/\D/g, "");
        if (digits.length === 11) expect(fnrValid(k), k).toBe(false);
        if (digits.length === 9) expect(orgValid(k), k).toBe(false);
      }
    }
  });

  it("covers every kind of identifier the scrubber knows, and look-alikes", () => {
    const kinds = new Set(fixture.cases.flatMap((c) => Object.keys(c.redact)));
    expect([...kinds].sort()).toEqual(REDACTION_KINDS.filter((k) => k !== "term").sort());
    expect(fixture.cases.filter((c) => Object.keys(c.redact).length === 0).length).toBeGreaterThanOrEqual(5);
  });
});

describe("scrubbing the PII test set", () => {
  let expected = 0;
  let caught = 0;
  let keptLookAlikes = 0;
  let lookAlikes = 0;

  for (const c of fixture.cases) {
    it(`«${c.text.slice(0, 60)}…»`, () => {
      const found = scrubber.find(c.text.normalize("NFC"));
      const byKind: Partial<Record<RedactionKind, string[]>> = {};
      for (const r of found) (byKind[r.kind] ??= []).push(r.text);
      for (const kind of Object.keys(byKind) as RedactionKind[]) byKind[kind]!.sort();
      const want = Object.fromEntries(Object.entries(c.redact).map(([k, v]) => [k, [...v].sort()]));
      expect(byKind).toEqual(want);

      const out = scrubber.scrub(c.text.normalize("NFC"));
      for (const [kind, values] of Object.entries(c.redact) as [RedactionKind, string[]][]) {
        for (const value of values) {
          expected++;
          if (!out.includes(value)) caught++;
          expect(out, `${kind} ${value}`).not.toContain(value);
        }
        if (REDACTION_MARKERS[kind]) expect(out.split(REDACTION_MARKERS[kind]).length - 1, `markers for ${kind}`).toBe(values.length);
      }
      for (const keep of c.keep) {
        lookAlikes++;
        if (out.includes(keep)) keptLookAlikes++;
        expect(out, `kept: ${keep}`).toContain(keep);
      }
    });
  }

  it("redacts all identifiers and keeps all look-alikes (the measure)", () => {
    expect(expected).toBeGreaterThan(30);
    expect(caught / expected).toBe(1);
    expect(keptLookAlikes / lookAlikes).toBe(1);
  });
});

describe("the checksum helpers", () => {
  it("tell national identity numbers, D-numbers and organisation numbers apart from look-alikes", () => {
    expect(personNumberKind("15038512363")).toBe("nationalId");
    expect(personNumberKind("150385 12363")).toBe("nationalId");
    expect(personNumberKind("55038512357")).toBe("dNumber");
    expect(personNumberKind("15038512364")).toBeNull();
    expect(personNumberKind("32038512363")).toBeNull(); // day 32
    expect(isOrganisationNumber("987654325")).toBe(true);
    expect(isOrganisationNumber("987654321")).toBe(false);
    expect(isOrganisationNumber("187654325")).toBe(false);
  });
});

describe("researcher-added terms and markers in place", () => {
  it("redacts added terms case-insensitively as whole words, with the marker where the term stood", () => {
    const s = new Scrubber({ extra: ["Kiwi Storo", "lagerbygget"] });
    expect(s.scrub("Praksis hos kiwi storo og i Lagerbygget, ikke i lagerbyggets kantine.")).toBe(
      "Praksis hos [SLADDET] og i [SLADDET], ikke i lagerbyggets kantine.",
    );
  });

  it("counts redactions by kind", () => {
    const counts = {};
    scrubber.scrub("Aina ringte 91234567 og 22 33 44 55 fra Oslo.", counts);
    expect(counts).toEqual({ name: 1, phone: 2, place: 1 });
  });

  it("keeps text without identifiers byte for byte", () => {
    const text = "Vi jobbet med CV og intervjutrening; 3 av 5 fikk praksisplass.\nNeste steg: jobbsmaking.";
    expect(scrubber.scrub(text)).toBe(text);
  });
});

describe("phone numbers (issue 13 §3)", () => {
  const plain = new Scrubber({});

  it("takes every number of a list separated by commas whole (libphonenumber reads «, 0047» as an extension)", () => {
    const counts: Record<string, number> = {};
    const out = plain.scrub("Ring 47 98 76 54 32, 0047 987 65 432, 98 76 54 32; +46 70 123 45 67, +252 61 234 5678, 00963 944 123 456 eller +291 7 123 456.", counts);
    expect(out).toBe("Ring [TELEFON], [TELEFON], [TELEFON]; [TELEFON], [TELEFON], [TELEFON] eller [TELEFON].");
    expect(counts).toEqual({ phone: 7 });
  });

  it("takes numbers written in Arabic-Indic or full-width digits", () => {
    expect(plain.scrub("Ring ٩٨٧٦٥٤٣٢ eller +٢٥٢ ٦١ ٢٣٤ ٥٦٧٨ i morgen.")).toBe("Ring [TELEFON] eller [TELEFON] i morgen.");
    expect(plain.scrub("Nummeret hennes er ９８７６５４３２.")).toBe("Nummeret hennes er [TELEFON].");
  });

  it("keeps dates, counts, years, case numbers and room numbers next to numbers", () => {
    const text = "Rom 412, uke 12, 2018/1234, 2017 2018, 23.03.2018, 20180312, 45 av 168, 80 % og ١٢ timer.";
    expect(plain.scrub(text)).toBe(text);
  });
});
