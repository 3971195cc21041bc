// The manifest's anonymisation steps shared by every data set (the data set adds its own): what
// was dropped, pseudonymised, coarsened, scrubbed and neutralised, with the counts of the pass
// that wrote the files.
import { totalRedactions } from "./anonymise/scrub";
import type { AnonymisationStats } from "./anonymise/stats";
import type { FormatResult } from "./formats/format";
import type { ManifestStep } from "./manifest";
import type { ExportRequest, Opened } from "./open-export.server";

export function sharedSteps(opened: Opened, request: ExportRequest, stats: AnonymisationStats, formatResult: FormatResult | null): ManifestStep[] {
  const schema = opened.prepared.schema;
  const steps: ManifestStep[] = [];
  const droppedVars = Object.keys(stats.dropped);
  steps.push({
    id: "drop-identifiers",
    title: { nb: "Direkte identifikatorer fjernet", en: "Direct identifiers dropped" },
    summary: {
      nb: "Navn, e-postadresser og databasens id-er er aldri lest inn i eksporten; variabler merket som direkte identifikator i skjemaet er utelatt.",
      en: "Names, e-mail addresses and database ids are never read into the export; variables marked as direct identifiers in the form are left out.",
    },
    counts: { variables: droppedVars.length, values: Object.values(stats.dropped).reduce((a, b) => a + b, 0) },
  });
  steps.push({
    id: "pseudonymise",
    title: { nb: "Pseudonymer", en: "Pseudonyms" },
    summary:
      request.pseudonyms === "stable"
        ? {
            nb: "Personer er erstattet med pseudonymer fra en nøkkelbasert hash (HMAC-SHA256) med en nøkkel per prosjekt, så to eksporter fra prosjektet bruker de samme.",
            en: "People are replaced by pseudonyms from a keyed hash (HMAC-SHA256) with a key per project, so two exports of the project use the same ones.",
          }
        : {
            nb: "Personer er erstattet med pseudonymer fra en tilfeldig nøkkel som bare ble brukt i denne eksporten.",
            en: "People are replaced by pseudonyms from a random key used for this export only.",
          },
    counts: { values: stats.pseudonymised, people: stats.subjects.size, mode: request.pseudonyms },
  });
  steps.push({
    id: "coarsen-dates",
    title: { nb: "Datoer", en: "Dates" },
    summary: request.exactDates
      ? { nb: "Eksakte datoer er beholdt etter valg i eksporten.", en: "Exact dates were kept, as chosen for the export." }
      : { nb: "Datoer er gjort grovere til måned (ÅÅÅÅ-MM).", en: "Dates are coarsened to the month (YYYY-MM)." },
    counts: { values: stats.coarsened },
  });
  if (schema.variables.some((v) => v.treatment === "scrubbed")) {
    steps.push({
      id: "scrub",
      title: { nb: "Fritekst renset", en: "Free text scrubbed" },
      summary: {
        nb: "E-postadresser, nettadresser, telefonnumre (norske og utenlandske), fødsels- og D-numre og organisasjonsnumre (bare der kontrollsifrene stemmer), kjente navn og sannsynlige personnavn som ikke er avvist i gjennomgangen er erstattet med markører der de sto. Usynlige retningstegn er fjernet.",
        en: "E-mail and web addresses, phone numbers (Norwegian and foreign), national identity and D-numbers and organisation numbers (only where the check digits hold), known names and likely person names not rejected in the review are replaced by markers where they stood. Invisible direction controls are removed.",
      },
      counts: {
        textValues: stats.textValues,
        changedValues: stats.scrubbedValues,
        redactions: totalRedactions(stats.redactions),
        ...Object.fromEntries(Object.entries(stats.redactions).map(([k, v]) => [`redacted.${k}`, v ?? 0])),
        knownTerms: opened.scrubber.termCount,
        review: opened.reviewedOn ?? "none",
      },
    });
  }
  steps.push(...opened.prepared.steps());
  if (formatResult && (formatResult.neutralisedCells > 0 || ["csv", "sps", "xlsx"].includes(request.format))) {
    steps.push({
      id: "formula-injection",
      title: { nb: "Vern mot formler i regneark", en: "Protection against spreadsheet formulas" },
      summary: {
        nb: "Tekstceller som begynner med = + - @, tabulator eller vognretur, har fått en apostrof foran.",
        en: "Text cells beginning with = + - @, tab or carriage return got a leading apostrophe.",
      },
      counts: { cells: formatResult.neutralisedCells },
    });
  }
  if (formatResult?.shortened && Object.keys(formatResult.shortened).length) {
    steps.push({
      id: "format-limits",
      title: { nb: "Kortet inn til formatets grenser", en: "Shortened to the format's limits" },
      summary: { nb: "Tekst lengre enn formatet tillater, er kuttet på tegngrense.", en: "Text longer than the format allows was cut on a character boundary." },
      counts: formatResult.shortened,
    });
  }
  return steps;
}
