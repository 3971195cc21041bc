// The identifier warning of the log (app/logs/identifiers.ts): phone numbers, e-mail addresses,
// national identity numbers and D-numbers (mod-11 checked), names of the project's people, and
// wording about a single participant.
import { describe, expect, it } from "vitest";
import { findIdentifiers, findingKinds, isNationalIdNumber, nameMatcher, nationalIdControlDigits } from "../../app/logs/identifiers";
import { composeDemoNote, demoNoteContext, demoNoteFollowUp, demoNoteSlots, demoNoteText, type DemoStep } from "../../db/demo/log-texts";
import { mulberry32 } from "../../db/demo/random";
import { demoCaseLeads, demoJobSpecialists } from "../../db/demo/people";

const kinds = (text: string, names: string[] = []) => findingKinds(findIdentifiers(text, { names: nameMatcher(names) }));
const matches = (text: string, kind: string) => findIdentifiers(text).filter((f) => f.kind === kind).map((f) => f.match);

describe("national identity numbers and D-numbers", () => {
  // Computed independently (Python, the two weighted mod-11 sums).
  const valid = ["15038510190", "29029910039", "31129910065", "01010110013", "23079010006"];
  const dNumbers = ["55038520066", "69029920095", "41010120150"];

  it("accepts numbers whose two control digits are right", () => {
    for (const n of [...valid, ...dNumbers]) expect(isNationalIdNumber(n), n).toBe(true);
  });

  it("refuses a wrong control digit, an impossible date and the wrong length", () => {
    expect(isNationalIdNumber("15038510191")).toBe(false);
    expect(isNationalIdNumber("15038510180")).toBe(false);
    expect(isNationalIdNumber("32138510190")).toBe(false);
    expect(isNationalIdNumber("1503851019")).toBe(false);
    expect(isNationalIdNumber("150385101900")).toBe(false);
    expect(isNationalIdNumber("00000000000")).toBe(false);
  });

  it("computes the control digits it checks", () => {
    expect(nationalIdControlDigits("150385101")).toBe("90");
    expect(nationalIdControlDigits("550385200")).toBe("66");
  });

  it("finds them in text, also written with a space, but not any 11 digits", () => {
    expect(matches("Fnr 15038510190 ble nevnt.", "nationalId")).toEqual(["15038510190"]);
    expect(matches("D-nummer 550385 20066.", "nationalId")).toEqual(["550385 20066"]);
    expect(matches("Saksnummer 12345678901.", "nationalId")).toEqual([]);
    // A valid number is never reported as a phone number as well.
    expect(kinds("Ring ikke 31129910065")).toEqual(["nationalId"]);
  });
});

describe("Norwegian phone numbers", () => {
  it("finds 8-digit numbers with or without +47/0047 and spaces", () => {
    for (const text of ["91234567", "912 34 567", "91 23 45 67", "+47 912 34 567", "+4791234567", "0047 91234567", "22 33 44 55", "+47 22334455", "912-34-567", "91.23.45.67"]) {
      expect(matches(`Ring ${text} i morgen.`, "phone"), text).toHaveLength(1);
    }
  });

  it("keeps the +47 in what it reports", () => {
    expect(matches("Tlf. +47 912 34 567.", "phone")).toEqual(["+47 912 34 567"]);
  });

  it("ignores numbers that are not phone numbers", () => {
    for (const text of ["12345678", "01234567", "1234567", "123456789", "2017–2018", "2017 2018", "kr 25 000", "31.12.2018", "23.03.18 14:00", "Trinn 3", "912345678"]) {
      expect(matches(`Tekst ${text} her.`, "phone"), text).toEqual([]);
    }
  });
});

describe("e-mail addresses", () => {
  it("finds addresses, also with Norwegian letters", () => {
    expect(matches("Skriv til ola.nordmann@eksempel.no i dag.", "email")).toEqual(["ola.nordmann@eksempel.no"]);
    expect(matches("Adresse: bjørn+jobb@fjord-bedrift.example.com.", "email")).toEqual(["bjørn+jobb@fjord-bedrift.example.com"]);
    expect(matches("Møtet @ kantina kl. 12", "email")).toEqual([]);
  });
});

describe("names of the project's people", () => {
  const names = ["Aina Demosen", "Sigrun Leder-Demosen", "Njål Øverby"];

  it("finds full names and name parts written as names", () => {
    expect(kinds("Møte med Aina Demosen om praksis.", names)).toEqual(["name"]);
    expect(kinds("Aina var med på møtet.", names)).toEqual(["name"]);
    expect(kinds("Snakket med Øverby.", names)).toEqual(["name"]);
    expect(kinds("Njål fulgte opp.", names)).toEqual(["name"]);
  });

  it("does not match parts of other words or lower-case words", () => {
    expect(kinds("Vi hadde en ainaaktig dag, og demosenter var stengt.", names)).toEqual([]);
    expect(kinds("Ingen navn her.", names)).toEqual([]);
  });

  it("reports the full name once rather than its parts", () => {
    const found = findIdentifiers("Aina Demosen ringte.", { names: nameMatcher(names) });
    expect(found).toEqual([{ kind: "name", match: "Aina Demosen" }]);
  });

  it("has nothing to match without names", () => {
    expect(nameMatcher([])).toBeNull();
  });
});

describe("notes about a single participant", () => {
  it("flags the definite singular and ages", () => {
    expect(kinds("Deltakeren fikk jobb på lageret.")).toEqual(["singleParticipant"]);
    expect(kinds("Kandidaten var syk.")).toEqual(["singleParticipant"]);
    expect(kinds("En 34 år gammel mor fra Syria.")).toEqual(["singleParticipant"]);
    expect(kinds("The participant got a job.")).toEqual(["singleParticipant"]);
  });

  it("leaves aggregated wording alone", () => {
    expect(kinds("Flere deltakere fikk jobb, og deltakerne var fornøyde. Kandidatene møtte opp.")).toEqual([]);
  });
});

describe("the demo notes", () => {
  it("carry no identifiers, also against the demo people's names", () => {
    const names = [...demoJobSpecialists.map((p) => p.name), ...demoCaseLeads.map((p) => p.name)];
    for (const pool of Object.values(demoNoteText)) {
      for (const text of Object.values(pool).flat()) expect(kinds(text, names), text).toEqual([]);
    }
    const fragments = [...demoNoteContext, ...Object.values(demoNoteFollowUp).flat(), ...Object.values(demoNoteSlots).flat()];
    for (const text of fragments) expect(kinds(text, names), text).toEqual([]);
  });

  it("stay free of identifiers however they are composed", () => {
    const names = [...demoJobSpecialists.map((p) => p.name), ...demoCaseLeads.map((p) => p.name)];
    const random = mulberry32(1);
    for (let i = 0; i < 2000; i++) {
      const note = composeDemoNote((1 + (i % 5)) as DemoStep, random, true);
      for (const text of Object.values(note)) expect(kinds(text!, names), text!).toEqual([]);
    }
  });
});

describe("names nobody registered (the exports' name detector)", () => {
  it("warns about «Møte med Hodan Warsame i dag» as a likely person's name", async () => {
    const { findNames } = await import("../../app/names/detect");
    const { nameLexicon } = await import("../../app/names/lexicon.server");
    const detectNames = (text: string) => findNames(text, nameLexicon(), { unknownCapitalised: true });
    const found = findIdentifiers("Møte med Hodan Warsame i dag.", { detectNames });
    expect(found).toEqual([{ kind: "personName", match: "Hodan Warsame" }]);
    expect(findIdentifiers("Møte med NAV Bjerke i Groruddalen i dag.", { detectNames })).toEqual([]);
  });

  it("finds phone numbers in every common format, whole", () => {
    for (const text of ["47 98 76 54 32", "+47 987 65 432", "0047 98 76 54 32", "+46 70 123 45 67", "+252 61 234 5678"]) {
      expect(matches(`Ring ${text} i morgen.`, "phone"), text).toEqual([text]);
    }
  });
});
