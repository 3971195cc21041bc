// The demo's completed pilot round of the log form (instruments.md §2: the log form was piloted
// among the job specialists before use). Two job specialists filled it in and commented; the
// researcher replied and resolved one comment, then closed the round. Synthetic: the report
// prints no pilot comments. Idempotent: a version that already has a round is left alone.
import { eq } from "drizzle-orm";
import { users } from "../schema";
import type { Db } from "../connection.server";
import { openCodebook, versionRow } from "../../app/instruments/versions.server";
import { addComment, closeRound, comments, createPilot, pilotRound, roundsOfVersion, saveAnswers, setResolved } from "../../app/instruments/pilots.server";
import { demoJobSpecialists, demoResearcher } from "./people";

export function loadPilotDemo(db: Db): void {
  const idOf = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
  const researcher = idOf(demoResearcher.email);
  const [a, b] = demoJobSpecialists.slice(0, 2).map((p) => idOf(p.email));
  // The versions of the files are recorded as the app does at start (a fresh database has none yet).
  if (!versionRow(db, "log-entry", 1)) openCodebook(db);
  const version = versionRow(db, "log-entry", 1);
  if (!researcher || !a || !b || !version || roundsOfVersion(db, version.id).length) return;
  const roundId = createPilot(db, researcher, version.id, "Pilot av loggskjemaet, august 2017", [a, b]);
  const round = pilotRound(db, roundId)!.round;
  saveAnswers(db, roundId, a, {
    dato: "2017-08-21",
    situasjon: "Første møte med en ny deltaker på NAV-kontoret, sammen med veilederen.",
    bistand: "Kartla ønsker og erfaring; avtalte å besøke to bedrifter neste uke.",
    resultat: "Deltakeren vil prøve lager eller butikk.",
    annerledes: "Kunne hatt med tolk; noen spørsmål ble misforstått.",
    god_praksis: null,
    trinn: 2,
  });
  saveAnswers(db, roundId, b, {
    dato: "2017-08-22",
    situasjon: "Ringte en arbeidsgiver om praksisplass for en deltaker.",
    bistand: "Forklarte hva oppfølgingen innebærer, og at lønn ikke er et krav i starten.",
    resultat: "Arbeidsgiveren vil møte deltakeren.",
    annerledes: "Ingenting.",
    god_praksis: "Å ringe i stedet for å sende e-post.",
    trinn: 3,
  });
  addComment(db, round, a, { item: "trinn", text: "Ofte gjelder et notat to trinn. Hvilket skal vi velge?", replyTo: null, clientKey: "demo-pilot-1" });
  const first = comments(db, roundId).find((c) => c.item === "trinn")!;
  addComment(db, round, researcher, { item: "trinn", text: "Velg trinnet notatet mest handler om; det andre kan stå i teksten. Vi legger det inn i hjelpeteksten.", replyTo: first.id, clientKey: "demo-pilot-2" });
  setResolved(db, roundId, first.id, researcher, true);
  addComment(db, round, b, { item: "annerledes", text: "Feltet føles pålagt også når alt gikk bra. Kan «Ingenting» være et svar?", replyTo: null, clientKey: "demo-pilot-3" });
  addComment(db, round, b, { item: "", text: "Skjemaet er kort nok til å fylles ut samme dag som møtet.", replyTo: null, clientKey: "demo-pilot-4" });
  closeRound(db, roundId, researcher);
}
