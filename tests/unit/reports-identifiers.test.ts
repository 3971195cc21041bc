// What the participant report refuses as identifying: the detector on its own, and the report
// form's messages built from it (next to the field that holds the text).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/catalog";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { findIdentifiers } from "../../app/reports/identifiers.server";
import { reportInstrument } from "../../app/reports/instrument.server";
import { identifierErrors } from "../../app/reports/report-form.server";

const kinds = (text: string) => findIdentifiers(text).map((f) => `${f.kind}:${f.match}`);

describe("identifier-looking text", () => {
  it("national identity numbers and D-numbers, valid or mistyped, together or 6 + 5", () => {
    expect(kinds("fnr 01018512345 står i NAV-mappa")).toEqual(["nationalId:01018512345"]);
    expect(kinds("D-nummer 410185 12345")).toEqual(["nationalId:410185 12345"]);
    // Nine digits (an organisation number) and years are neither.
    expect(kinds("Organisasjonsnummer 912345678 og 2017–2018")).toEqual([]);
  });

  it("phone numbers (Norwegian and with a country prefix) and e-mail addresses", () => {
    expect(kinds("Ring 912 34 567 eller +47 22 33 44 55")).toEqual(["phone:912 34 567", "phone:+47 22 33 44 55"]);
    expect(kinds("Mobil: 91234567.")).toEqual(["phone:91234567"]);
    expect(kinds("Nummer i Sverige +46 70 123 45 67")).toEqual(["phone:+46 70 123 45 67"]);
    expect(kinds("Skriv til deltaker.navn@example.com")).toEqual(["email:deltaker.navn@example.com"]);
  });

  it("dates of birth, by word or by a full date in a birth year", () => {
    expect(kinds("Født 12.03.1985 i Aleppo")).toEqual(["birthDate:Født 12.03.1985"]);
    expect(kinds("f. 1990, kom til Norge i 2015")).toEqual(["birthDate:f. 1990"]);
    expect(kinds("Born in 1979")).toEqual(["birthDate:Born in 1979"]);
    expect(kinds("Hun oppga 03.07.1988 på skjemaet")).toEqual(["birthDate:03.07.1988"]);
    // Dates of the measure itself are fine.
    expect(kinds("Startet i praksis 01.03.2018 og fikk jobb 15.09.2018")).toEqual([]);
  });

  it("names: introduced as names, after a title, or a common given name", () => {
    expect(kinds("Deltakeren heter Amina og er 34 år")).toEqual(["name:Amina"]);
    expect(kinds("Navn: Tesfaye Gebremedhin")).toEqual(["name:Tesfaye Gebremedhin"]);
    expect(kinds("Møte med fru Hassan om praksis")).toEqual(["name:Hassan"]);
    expect(kinds("Mohammed fikk jobb på lageret. Ahmeds kone er syk.")).toEqual(["name:Mohammed", "name:Ahmeds"]);
    expect(kinds("She is called Layla")).toEqual(["name:Layla"]);
  });

  it("leaves ordinary report text alone", () => {
    const ordinary = [
      "Deltakeren var lenge i Intro uten å komme i arbeid. Hans mål var å bli sjåfør.",
      "Per i dag er hun i praksis 60 % hos Rema 1000 i Oslo, fra uke 12 til uke 30.",
      "Tone og kulturforskjeller ble tema; Liv og helse-kurs hos NAV hjalp.",
      "Kom fra Syria i 2015, har A2 i norsk og 10 års skolegang. 3 barn.",
      "Dag for dag ble det bedre. Stillingsprosent 80, fast ansatt fra 01.02.2019.",
    ];
    for (const text of ordinary) expect(kinds(text), text).toEqual([]);
  });
});

describe("the report form's messages", () => {
  const instrument = reportInstrument(loadCodebook(path.resolve("surveys")));
  const t = translator("nb");

  it("name the kind and the text, next to the field that holds it", () => {
    const errors = identifierErrors(instrument, { status: "3", henvisning: "Heter Amina, tlf 91234567", se_tilforte: "Godt samarbeid" }, t);
    expect(Object.keys(errors)).toEqual(["henvisning"]);
    expect(errors.henvisning[0]).toContain("telefonnummer («91234567»)");
    expect(errors.henvisning[0]).toContain("navn («Amina»)");
    expect(errors.henvisning[0]).toContain("Fjern det");
  });

  it("ignore the text of a section that does not apply (it is not stored either)", () => {
    const values = { status: "3", stilling: "Sjåfør for Mohammed", bransje: "90", bransje_annet: "Ring 91234567" };
    expect(identifierErrors(instrument, values, t)).toEqual({});
    expect(Object.keys(identifierErrors(instrument, { ...values, status: "6" }, t)).sort()).toEqual(["bransje_annet", "stilling"]);
  });
});
