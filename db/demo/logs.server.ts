// Demo logs for afi-2017 that reproduce the delivery figures of instruments.md §3.4: of the 17
// job specialists, 5 submitted all 16 months (september 2017 – desember 2018), 8 more submitted
// some months, the rest none (two of them left unsubmitted notes). Notes spread over all five
// steps, written as plausible Norwegian practice notes at an aggregated level. Synthetic: no
// real persons. Deterministic (seeded), and idempotent: nothing is added once demo notes exist.
import { and, eq, like } from "drizzle-orm";
import { logMonthEvents, logMonths, logNotes, users } from "../schema";
import { type Db, writeTransaction } from "../connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { toFormInstrument } from "../../app/instruments/types";
import { projectPeopleNames } from "../../app/logs/author.server";
import { findInAnswers, findingKinds, nameMatcher } from "../../app/logs/identifiers";
import { LOG_INSTRUMENT_ID, logShape } from "../../app/logs/instrument";
import { monthRange } from "../../app/logs/months";
import { searchTextOf } from "../../app/logs/notes.server";
import { demoJobSpecialists, demoProject } from "./people";
import { mulberry32 } from "./random";

type Pool = { situasjon: string[]; bistand: string[]; resultat: string[]; annerledes: string[]; god_praksis: string[] };

/** Fragments per SE step (1-5), combined into notes. */
export const demoNoteText: Record<1 | 2 | 3 | 4 | 5, Pool> = {
  1: {
    situasjon: [
      "Oppstartsamtaler med nye deltakere fra introduksjonsprogrammet denne uka.",
      "Flere nye henvisninger fra programrådgiverne; noen av deltakerne var usikre på hva SE innebærer.",
      "Informasjonsmøte om jobbspesialisttilbudet for en gruppe i norskopplæringen.",
      "Samarbeidsavtalene skulle fornyes for deltakere som har vært lenge i tiltaket.",
    ],
    bistand: [
      "Forklarte hva Supported Employment er, med tolk der det trengtes, og gikk gjennom samarbeidsavtalen punkt for punkt.",
      "Brukte enkle bilder og eksempler fra lokale arbeidsplasser for å vise hva vi kan hjelpe med.",
      "Avtalte faste møtetider og hvordan vi holder kontakt mellom møtene.",
      "Snakket om forventninger på begge sider og hva deltakerne selv ønsker å jobbe med.",
    ],
    resultat: [
      "De fleste signerte samarbeidsavtalen og har fått tid til første kartleggingsmøte.",
      "Deltakerne virket tryggere og stilte flere spørsmål enn ved forrige oppstart.",
      "Noen vil vente til norskkurset er ferdig før de starter.",
      "Vi har nå en felles plan for de neste ukene.",
    ],
    annerledes: [
      "Kunne satt av mer tid til hver samtale; det ble litt forhastet mot slutten.",
      "Burde hatt informasjonsmateriell på flere språk klart på forhånd.",
      "Tolk burde vært bestilt tidligere.",
      "Kunne involvert programrådgiverne mer i første møte.",
    ],
    god_praksis: [
      "Å starte med deltakernes egne ønsker i stedet for skjemaet ga bedre samtaler.",
      "Korte, hyppige møter i starten bygger tillit.",
      "Å møte deltakerne utenfor kontoret gjorde samtalen mer uformell.",
    ],
  },
  2: {
    situasjon: [
      "Yrkeskartlegging med deltakere som har lite formell utdanning.",
      "Flere deltakere har arbeidserfaring fra hjemlandet som er vanskelig å dokumentere.",
      "Karriereplanene skulle oppdateres etter endt praksisperiode.",
      "Jobbsmaking ble planlagt for deltakere som er usikre på yrkesvalg.",
    ],
    bistand: [
      "Brukte kartleggingsverktøyet sammen med konkrete spørsmål om hva de har gjort med hendene og i hverdagen.",
      "Var med på jobbskygging i en barnehage og på et lager for å gi et bilde av arbeidsoppgavene.",
      "Laget CV sammen med deltakerne og oversatte erfaring fra hjemlandet til norske yrkesbetegnelser.",
      "Gikk gjennom karriereplanene og satte opp tre realistiske delmål.",
    ],
    resultat: [
      "Deltakerne fikk et tydeligere bilde av egne ferdigheter og ønsker.",
      "Flere har nå konkrete yrkesønsker som vi kan bruke i jobbsøket.",
      "CV-ene er ferdige og kan sendes til arbeidsgivere.",
      "Noen endret yrkesmål etter jobbsmakingen.",
    ],
    annerledes: [
      "Kunne brukt mer tid på å kartlegge erfaring fra uformelt arbeid.",
      "Burde tatt med norsklærer i kartleggingen for å se på språkbehov.",
      "Vi kunne startet jobbsmakingen tidligere.",
      "Kartleggingsskjemaet er for langt og bør forenkles.",
    ],
    god_praksis: [
      "Kartlegging i praksis, på en arbeidsplass, sier mer enn samtaler på kontoret.",
      "Å la deltakerne beskrive en vanlig dag i hjemlandet fikk fram skjulte ferdigheter.",
      "Jobbsmaking på en til to dager ga mye læring for både deltakere og oss.",
    ],
  },
  3: {
    situasjon: [
      "Jobbsøk mot butikk, renhold og lager, der det er mange ledige stillinger.",
      "Kontaktet bedrifter i nærområdet som ikke lyser ut stillinger.",
      "Deltakerne søkte på utlyste stillinger uten å få svar.",
      "Samarbeid med markedskontakten i NAV om bedrifter med rekrutteringsbehov.",
    ],
    bistand: [
      "Ringte og besøkte arbeidsgivere sammen med deltakerne og presenterte dem ut fra styrker, ikke begrensninger.",
      "Forberedte deltakerne på jobbintervju med rollespill på norsk.",
      "Brukte nettverket fra tidligere praksisplasser for å finne nye muligheter.",
      "Fulgte deltakerne til åpne rekrutteringsdager hos store arbeidsgivere.",
    ],
    resultat: [
      "To praksisplasser med mulighet for ansettelse er avtalt.",
      "Flere arbeidsgivere var positive, og vi har avtalt nye møter.",
      "Ett intervju førte til tilbud om ringevikariat.",
      "Få konkrete resultater denne uka, men flere gode samtaler.",
    ],
    annerledes: [
      "Burde fulgt opp arbeidsgiverne raskere etter første møte.",
      "Kunne forberedt arbeidsgiverne bedre på hva vi tilbyr av oppfølging.",
      "Vi brukte for mye tid på utlyste stillinger.",
      "Kunne vært mer ute og mindre på kontoret denne uka.",
    ],
    god_praksis: [
      "Å møte arbeidsgiver ansikt til ansikt gir mye mer enn e-post.",
      "En jobb som passer deltakernes ønsker gir bedre match enn første ledige plass.",
      "Rask respons på arbeidsgivers henvendelse ble satt pris på.",
    ],
  },
  4: {
    situasjon: [
      "Oppfølgingsmøter med arbeidsgivere om deltakere i praksis.",
      "Arbeidsgivere lurte på lønnstilskudd og hvordan en ansettelse kan finansieres.",
      "Misforståelser om arbeidstid og oppmøte på en av praksisplassene.",
      "Nye mentorer på arbeidsplassene skulle læres opp i samarbeidet.",
    ],
    bistand: [
      "Gikk gjennom oppfølgingsplanene sammen med arbeidsgiverne og avtalte hvor ofte vi kommer.",
      "Informerte om lønnstilskudd og mentortilskudd fra NAV og hjalp med søknadene.",
      "Hadde en nøytral meglerrolle i samtalene om forventninger til oppmøte.",
      "Forklarte arbeidsgiverne hvordan de kan gi beskjeder på en enkel og tydelig måte.",
    ],
    resultat: [
      "Arbeidsgiverne er fornøyde og vil ta inn flere deltakere.",
      "Misforståelsene ble oppklart, og praksisen fortsetter.",
      "Søknader om lønnstilskudd er sendt, og ansettelser er planlagt.",
      "Mentorene føler seg tryggere i rollen.",
    ],
    annerledes: [
      "Burde avklart forventningene tydeligere før praksisstart.",
      "Kunne kommet tettere på i de første ukene.",
      "Vi bør lage en enkel oversikt over tilskudd til arbeidsgivere.",
      "Kunne involvert deltakerne mer i samtalene med arbeidsgiver.",
    ],
    god_praksis: [
      "Faste, korte besøk på arbeidsplassen forebygger problemer.",
      "Når arbeidsgiverne vet at vi er lett tilgjengelige på telefon, tør de ta sjansen.",
      "Å snakke om uskrevne regler tidlig sparer mye tid senere.",
    ],
  },
  5: {
    situasjon: [
      "Opplæring i arbeidsoppgaver for deltakere som nylig har startet i jobb.",
      "Etteroppfølging av deltakere som har fått fast ansettelse.",
      "Utfordringer med norsk fagspråk og HMS-regler på arbeidsplassene.",
      "Behov for støtte utenom jobb, blant annet barnehage, transport og skatt.",
    ],
    bistand: [
      "Var med på arbeidsplassen de første dagene og lærte opp sammen med kollegaer.",
      "Laget enkle bildebaserte instrukser for arbeidsoppgavene sammen med arbeidsgiverne.",
      "Hjalp med skattekort, bankkonto og planer for førerkort utenom arbeidstid.",
      "Hadde jevnlige samtaler med deltakerne og arbeidsgiverne etter ansettelse.",
    ],
    resultat: [
      "Deltakerne mestrer nå arbeidsoppgavene mer selvstendig.",
      "Ansettelsene er forlenget, og arbeidsgiverne ønsker fortsatt kontakt.",
      "Færre avvik og bedre forståelse av HMS-rutinene.",
      "Praktiske ting utenom jobb er på plass, og oppmøtet er bedre.",
    ],
    annerledes: [
      "Kunne trappet ned oppfølgingen mer gradvis.",
      "Burde hatt avtale med norsklærer om fagspråk fra starten.",
      "Vi bør planlegge etteroppfølgingen før ansettelsen er på plass.",
      "Kunne brukt kollegaer på arbeidsplassen mer som støtte.",
    ],
    god_praksis: [
      "Opplæring på selve arbeidsplassen virker bedre enn kurs på forhånd.",
      "Tett oppfølging de første ukene etter ansettelse gjør at flere blir værende.",
      "Å hjelpe med det praktiske utenom jobb frigjør energi til arbeidet.",
    ],
  },
};

/** Who delivered what (indexes into demoJobSpecialists). */
export const demoDelivery = {
  all: [1, 4, 7, 10, 13],
  some: [0, 2, 3, 5, 8, 11, 14, 15],
  /** Of the rest, these left notes they never submitted. */
  notesOnly: [6, 12],
} as const;

function workdays(month: string): string[] {
  const [y, m] = month.split("-").map(Number);
  const days: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1) break;
    const wd = date.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(`${month}-${String(d).padStart(2, "0")}`);
  }
  return days;
}

const seconds = (date: string, hour: number) => Math.floor(Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`) / 1000);

export function loadLogDemo(db: Db, projectId: number): { notes: number; submittedMonths: number } {
  if (db.select({ id: logNotes.id }).from(logNotes).where(like(logNotes.clientKey, "demo-%")).limit(1).get()) return { notes: 0, submittedMonths: 0 };
  const compiled = loadCodebook().get(LOG_INSTRUMENT_ID);
  if (!compiled) return { notes: 0, submittedMonths: 0 };
  const shape = logShape(toFormInstrument(compiled));
  const months = monthRange(demoProject.logStart, demoProject.logEnd);
  const names = nameMatcher(projectPeopleNames(db, projectId));
  let notes = 0;
  let submittedMonths = 0;
  writeTransaction(db, (tx) => {
    demoJobSpecialists.forEach((js, index) => {
      const user = tx
        .select({ id: users.id, caseProjectId: users.caseProjectId })
        .from(users)
        .where(and(eq(users.email, js.email), eq(users.role, "job_specialist")))
        .get();
      if (!user?.caseProjectId) return;
      const rnd = mulberry32(2017 + index * 7919);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
      let submitted: Set<string>;
      let written: Set<string>;
      if ((demoDelivery.all as readonly number[]).includes(index)) {
        submitted = new Set(months);
        written = new Set(months);
      } else if ((demoDelivery.some as readonly number[]).includes(index)) {
        const count = [4, 12, 7, 9, 3, 11, 6, 14][demoDelivery.some.indexOf(index as never)];
        const start = Math.floor(rnd() * (months.length - count + 1));
        submitted = new Set(months.slice(start, start + count));
        written = new Set([...submitted, ...months.filter((m) => !submitted.has(m) && rnd() < 0.15)]);
      } else if ((demoDelivery.notesOnly as readonly number[]).includes(index)) {
        submitted = new Set();
        written = new Set([months[2 + (index % 5)], months[3 + (index % 5)]]);
      } else return;
      for (const [i, month] of months.entries()) {
        if (!written.has(month)) continue;
        const days = workdays(month);
        const count = 3 + Math.floor(rnd() * 5);
        const dates = Array.from({ length: count }, () => pick(days)).sort();
        for (const [n, date] of dates.entries()) {
          // Early in the period the first steps dominate, later the last ones.
          const progress = i / (months.length - 1);
          const step = Math.min(5, Math.max(1, Math.round(1 + progress * 4 + (rnd() * 2.4 - 1.2)))) as 1 | 2 | 3 | 4 | 5;
          const pool = demoNoteText[step];
          const answers = {
            [shape.date]: date,
            situasjon: pick(pool.situasjon),
            bistand: pick(pool.bistand),
            resultat: pick(pool.resultat),
            annerledes: pick(pool.annerledes),
            god_praksis: rnd() < 0.65 ? pick(pool.god_praksis) : null,
            [shape.step]: step,
          };
          const at = seconds(date, 14 + (n % 3));
          tx.insert(logNotes)
            .values({
              projectId,
              authorId: user.id,
              caseProjectId: user.caseProjectId,
              clientKey: `demo-${js.email}-${month}-${n}`,
              month,
              date,
              step,
              instrumentId: compiled.id,
              instrumentVersion: compiled.version,
              answers,
              searchText: searchTextOf(shape, answers),
              flags: findingKinds(findInAnswers(answers, shape.texts.map((x) => x.name), { names })),
              createdAt: at,
              updatedAt: at,
            })
            .run();
          notes++;
        }
        if (submitted.has(month)) {
          const next = months[i + 1] ?? `${Number(month.slice(0, 4)) + 1}-01`;
          const at = seconds(`${next}-0${2 + (index % 5)}`, 8);
          tx.insert(logMonths).values({ authorId: user.id, month, projectId, status: "submitted", submittedAt: at }).run();
          tx.insert(logMonthEvents).values({ authorId: user.id, month, kind: "submitted", actorId: user.id, noteCount: count, at }).run();
          submittedMonths++;
        }
      }
    });
  });
  return { notes, submittedMonths };
}
