// Demo exchanges for afi-2017: the 11 job-specialist exchanges and the planned May 2019 one of
// Tabell 3, and the 2 leader exchanges of Tabell 4 (instruments.md §5.2–5.3), with dates, themes
// and hours as printed and attendance records chosen so the regenerated tables show exactly the
// printed numbers of people and cases. Agendas, preparation questions, homework, a few answers
// and two transcripts are short and synthetic: the report prints none of them. Idempotent: an
// exchange that exists (project, audience, number) is left alone, transcripts by their key.
import { and, eq } from "drizzle-orm";
import { exchanges, users, type ExchangeAudience, type ExchangeDayKind } from "../schema";
import type { Db } from "../connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import { addAgendaItem } from "../../app/exchanges/agenda.server";
import { addGuest, audiencePeople, setAttendance } from "../../app/exchanges/attendance.server";
import { createExchange } from "../../app/exchanges/exchanges.server";
import { addHomework } from "../../app/exchanges/homework.server";
import { submitPreparation } from "../../app/exchanges/participation.server";
import { knownPeople, suggestReplacements } from "../../app/exchanges/pseudonyms.server";
import { compiledPreparation, templateQuestions, type PrepQuestion } from "../../app/exchanges/questions.server";
import { addSpanCode, createTranscript, getTranscript, releaseTranscript, setCoResearchers, turnsOf } from "../../app/exchanges/transcripts.server";
import { normaliseText } from "../../app/exchanges/transcript-text";
import type { AgendaInput } from "../../app/exchanges/agenda.server";
import { demoResearcher } from "./people";

interface DemoExchange {
  audience: ExchangeAudience;
  number: number;
  date: string;
  approximate?: boolean;
  start?: string;
  end?: string;
  dayKindOverride?: ExchangeDayKind;
  theme: string;
  description?: string;
  /** As printed: JS (Tabell 3) or participants (Tabell 4), and cases represented. */
  people?: number;
  cases?: number;
  /** Counted participants without an account (Tabell 4: 7 participants from 6 cases). */
  guests?: { description: string; organisationIndex: number }[];
  agenda?: AgendaInput[];
  questions?: PrepQuestion[];
  homework?: { title: string; description: string; documentType: "development_plan" | "competence_profile" | "quality_self_evaluation" | "reflection"; deadline: string }[];
  deadline?: string;
}

const HALF = { start: "12:00", end: "15:30" };
const FULL = { start: "09:00", end: "15:30" };

const opening = (time: string): AgendaInput => ({ time, title: "Velkommen og runde rundt bordet", description: "Kort status fra hvert case siden sist.", leader: "Forsker", kind: "plenary" });
const closing = (time: string): AgendaInput => ({ time, title: "Oppsummering og veien videre", description: "", leader: "Forsker", kind: "plenary" });

export const demoExchanges: DemoExchange[] = [
  { audience: "job_specialists", number: 1, date: "2017-06-30", ...HALF, theme: "Oppstartsutfordringer", people: 8, cases: 4,
    agenda: [opening("12:00"), { time: "12:45", title: "Oppstartsutfordringer i casene", description: "Gruppearbeid: hva har vært vanskeligst så langt, og hva har hjulpet?", leader: "Forsker", kind: "group_discussion" }, closing("15:00")],
    homework: [{ title: "Utviklingsplan for jobbspesialistfunksjonen", description: "Skriv en kort plan for det neste halve året i caset ditt.", documentType: "development_plan", deadline: "2017-06-28" }] },
  { audience: "job_specialists", number: 2, date: "2017-10-13", ...HALF, theme: "Da og nå – forvandling i veilederrollen", people: 12, cases: 6,
    agenda: [opening("12:00"), { time: "12:30", title: "Fra veileder til jobbspesialist", description: "Hva gjør dere annerledes nå enn før prosjektet?", leader: "Forsker", kind: "group_discussion" }, closing("15:00")] },
  { audience: "job_specialists", number: 3, date: "2017-12-05", ...FULL, theme: "Erfaringsutveksling med en JS fra Sverige: oppsøkende virksomhet, oppfølging på arbeidsplass, den psykososiale rollen til JS", people: 11, cases: 6,
    agenda: [opening("09:00"), { time: "09:45", title: "Erfaringer fra Sverige", description: "Oppsøkende virksomhet og oppfølging på arbeidsplassen.", leader: "Jobbspesialist fra SIUS, Arbetsförmedlingen", kind: "guest_talk" }, { time: "12:30", title: "Den psykososiale rollen til jobbspesialisten", description: "", leader: "Forsker", kind: "group_discussion" }, closing("15:00")] },
  { audience: "job_specialists", number: 4, date: "2018-02-26", ...HALF, theme: "Kvalitetsstandarder for SE: NAVs veileder for jobbspesialister i femtrinnsprosessen i SE", people: 13, cases: 6,
    agenda: [opening("12:00"), { time: "12:30", title: "NAVs veileder gjennomgått trinn for trinn", description: "", leader: "Forsker", kind: "plenary" }, closing("15:00")] },
  { audience: "job_specialists", number: 5, date: "2018-04-20", ...FULL, theme: "Egen evaluering ved bruk av SEQF", people: 12, cases: 6,
    agenda: [opening("09:00"), { time: "09:30", title: "Gjennomgang av selvevalueringene", description: "Hvert case presenterer sin SEQF-evaluering.", leader: "Jobbspesialistene", kind: "homework_review" }, closing("15:00")],
    homework: [{ title: "Selvevaluering med SEQF", description: "Fyll ut SEQF for caset ditt før samlingen.", documentType: "quality_self_evaluation", deadline: "2018-04-16" }] },
  { audience: "job_specialists", number: 6, date: "2018-05-24", ...FULL, theme: "Åpen diskusjon basert på spørsmål og utfordringer de ulike JS har", description: "Kapittel 4 omtaler samlingen som metodeverksted for brukermedvirkning.", people: 12, cases: 6,
    agenda: [opening("09:00"), { time: "10:00", title: "Metodeverksted for brukermedvirkning", description: "", leader: "Forsker", kind: "method_workshop" }, closing("15:00")] },
  { audience: "job_specialists", number: 7, date: "2018-06-19", ...FULL, theme: "Metodeverksted: metoder etter 5 trinn", people: 11, cases: 5,
    agenda: [opening("09:00"), { time: "09:30", title: "Metoder etter trinn, med utgangspunkt i Verktøykassen", description: "Gruppearbeid per trinn.", leader: "Forsker", kind: "method_workshop" }, { time: "14:00", title: "Plenumsdiskusjon", description: "", leader: "Forsker", kind: "plenary" }, closing("15:00")] },
  { audience: "job_specialists", number: 8, date: "2018-09-18", ...HALF, theme: "Erfaringer fra å observere hverandre i møte med arbeidsgivere", people: 12, cases: 6,
    agenda: [opening("12:00"), { time: "12:30", title: "Hva så vi da vi observerte hverandre?", description: "", leader: "Forsker", kind: "group_discussion" }, closing("15:00")] },
  { audience: "job_specialists", number: 9, date: "2018-10-23", ...FULL, theme: "Jobbspesialisten for innvandrere – behov for målgruppespesifikk kompetanse? Ekstra vekt på metoder for språkstøtte og å håndtere kulturforskjeller", people: 15, cases: 6,
    agenda: [opening("09:00"), { time: "09:30", title: "Språkstøtte og kulturforskjeller", description: "", leader: "Forsker", kind: "method_workshop" }, { time: "13:00", title: "BAKES: oversettelse av kompetansene", description: "", leader: "Forsker", kind: "group_discussion" }, closing("15:00")] },
  { audience: "job_specialists", number: 10, date: "2018-12-06", ...FULL, theme: "Jobbspesialistens kompetanser: diskusjon av kompetanser med utgangspunkt i BAKES", people: 13, cases: 6,
    agenda: [opening("09:00"), { time: "09:30", title: "Gjennomgang av de 90 kompetanseområdene i BAKES", description: "Hvilke er viktige i arbeidet med målgruppen?", leader: "Forsker", kind: "group_discussion" }, closing("15:00")],
    questions: [
      { name: "kompetanse", label: { nb: "Hvilke kompetanser bruker du mest i arbeidet med innvandrere med sammensatte bistandsbehov?", en: "Which competences do you use most in your work with immigrants with complex assistance needs?" }, required: true },
      { name: "mangler", label: { nb: "Hvilken kompetanse savner du?", en: "Which competence do you miss?" }, required: false },
    ],
    homework: [{ title: "Kompetanseprofil for jobbspesialisten", description: "Beskriv med egne ord hva en jobbspesialist i caset ditt må kunne.", documentType: "competence_profile", deadline: "2018-12-03" }] },
  { audience: "job_specialists", number: 11, date: "2019-02-01", ...FULL, dayKindOverride: "half", theme: "Etteroppfølging. Gjennomgang av utkast til kap. 2 og kap. 4", people: 12, cases: 6,
    description: "Det ble satt av en halvdag til erfaringer fra etteroppfølging og behov for kvalitetskriterier.",
    agenda: [opening("09:00"), { time: "09:30", title: "Erfaringer fra etteroppfølging", description: "", leader: "Forsker", kind: "group_discussion" }, { time: "12:30", title: "Gjennomgang av utkast til kapittel 2 og 4", description: "", leader: "Forsker", kind: "homework_review" }, closing("15:00")],
    deadline: "2019-01-28" },
  { audience: "job_specialists", number: 12, date: "2019-05-01", approximate: true, theme: "Gjennomgang av utkast til en håndbok: «SE for innvandrere med sammensatte bistandsbehov»",
    agenda: [opening("09:00"), { time: "09:30", title: "Utkast til håndboken", description: "", leader: "Forsker", kind: "homework_review" }],
    questions: [{ name: "handbok", label: { nb: "Hva bør endres i utkastet til håndboken?", en: "What should be changed in the draft handbook?" }, required: false }],
    deadline: "2019-04-26" },
  { audience: "case_leads", number: 1, date: "2017-12-05", start: "15:30", end: "16:30", theme: "Ledelseserfaringer i prosjektet, bl.a. rekruttering av JS, organisatoriske endringer, etteroppfølging (ustrukturert)", people: 3, cases: 3,
    agenda: [{ time: "15:30", title: "Ledelseserfaringer i prosjektet", description: "Ustrukturert samtale.", leader: "Forsker", kind: "plenary" }] },
  { audience: "case_leads", number: 2, date: "2018-11-26", start: "12:00", end: "14:30", theme: "SE-implementering i et lederperspektiv: kompetanse til jobbspesialister, organisatoriske endringer, samarbeid mellom JS og andre i enheten, etteroppfølging – hva skal til for å opprettholde et bærekraftig SE-tilbud i organisasjonen?", people: 7, cases: 6,
    guests: [{ description: "Assisterende leder", organisationIndex: 2 }],
    agenda: [{ time: "12:00", title: "SE-implementering i et lederperspektiv", description: "", leader: "Forsker", kind: "group_discussion" }, { time: "14:00", title: "Hva skal til for et bærekraftig SE-tilbud?", description: "", leader: "Forsker", kind: "plenary" }] },
];

/**
 * People present so the counts match: `cases` organisations (in an order rotated by the
 * exchange number, for variety), one person from each, then round-robin up to `count`.
 */
export function chooseAttendees(people: readonly { id: number; organisationId: number }[], count: number, cases: number, rotate: number): number[] {
  const byOrg = new Map<number, number[]>();
  for (const p of people) byOrg.set(p.organisationId, [...(byOrg.get(p.organisationId) ?? []), p.id]);
  const orgs = [...byOrg.keys()].sort((a, b) => a - b);
  const shift = rotate % orgs.length;
  const chosen = [...orgs.slice(shift), ...orgs.slice(0, shift)].slice(0, cases);
  const queues = chosen.map((o) => [...byOrg.get(o)!]);
  const picked: number[] = [];
  while (picked.length < count && queues.some((q) => q.length)) {
    for (const q of queues) if (picked.length < count && q.length) picked.push(q.shift()!);
  }
  if (picked.length !== count) throw new Error(`demo: cannot pick ${count} people from ${cases} cases`);
  return picked;
}

const demoAnswers: Record<string, string>[] = [
  { erfaring: "Vi har fulgt opp tre deltakere etter ansettelse med faste samtaler hver fjortende dag.", utfordring: "Arbeidsgiverne ønsker mindre oppfølging etter noen måneder, men deltakerne trenger mer.", god_praksis: "Å avtale oppfølgingen med arbeidsgiver før ansettelsen.", tema: "Hvor lenge bør etteroppfølgingen vare?" },
  { erfaring: "Etteroppfølgingen skjer mest på telefon nå.", utfordring: "Lite tid når nye deltakere kommer inn.", god_praksis: "", tema: "Kvalitetskriterier for etteroppfølging." },
  { erfaring: "En deltaker fikk fast stilling etter et år med tett oppfølging.", utfordring: "", god_praksis: "Mentor på arbeidsplassen som vi møter jevnlig.", tema: "" },
];

const transcripts = [
  {
    exchangeNumber: 10,
    audience: "job_specialists" as const,
    key: "demo-transcript-bakes-2018",
    title: "Gruppediskusjon om kompetanser (BAKES)",
    text: [
      "Forsker: Hvilke kompetanser i BAKES mener dere er viktigst for målgruppen?",
      "JS1: Å bygge tillit tidlig. Aina sa det godt forrige gang: uten tillit kommer vi ingen vei.",
      "JS2: Kulturforståelse og språkstøtte. Vi bruker tolk mer enn før, og vi lager enkle skriftlige avtaler.",
      "Forsker: Hva savner dere av kompetanse?",
      "JS1: Mer om arbeidsrett, særlig når deltakere får midlertidige kontrakter.",
      "JS3: Jeg savner metoder for etteroppfølging når arbeidsgiveren vil klare seg selv.",
    ],
    codes: [
      { turn: 2, code: "K5" },
      { turn: 3, code: "K5" },
      { turn: 3, code: "K4" },
      { turn: 6, code: "K4" },
    ],
  },
  {
    exchangeNumber: 2,
    audience: "case_leads" as const,
    key: "demo-transcript-ledere-2018",
    title: "Lederperspektiv på SE-implementering",
    text: [
      "Forsker: Hva skal til for å opprettholde et bærekraftig SE-tilbud i organisasjonen?",
      "Leder1: At jobbspesialistene får jobbe mest ute, og at det er forankret i ledelsen.",
      "Leder2: Vi har samlet jobbspesialistene i et eget team. Det har gjort samarbeidet med resten av enheten bedre.",
      "Leder3: Finansieringen etter prosjektperioden er det store spørsmålet.",
    ],
    codes: [
      { turn: 2, code: "K6" },
      { turn: 3, code: "K6" },
      { turn: 4, code: "K8" },
    ],
  },
];

export function loadExchangeDemo(db: Db, projectId: number): void {
  const researcherId = db.select({ id: users.id }).from(users).where(eq(users.email, demoResearcher.email)).get()?.id ?? null;
  const template = templateQuestions(loadCodebook());
  const ids = new Map<string, number>();

  for (const d of demoExchanges) {
    const existing = db
      .select({ id: exchanges.id })
      .from(exchanges)
      .where(and(eq(exchanges.projectId, projectId), eq(exchanges.audience, d.audience), eq(exchanges.number, d.number)))
      .get();
    if (existing) {
      ids.set(`${d.audience}:${d.number}`, existing.id);
      continue;
    }
    const held = d.people !== undefined;
    const id = createExchange(
      db,
      {
        projectId,
        audience: d.audience,
        number: d.number,
        date: d.date,
        dateIsApproximate: d.approximate ?? false,
        startTime: d.start ?? null,
        endTime: d.end ?? null,
        hoursOverride: null,
        dayKindOverride: d.dayKindOverride ?? null,
        place: "AFI, Oslo",
        theme: d.theme,
        description: d.description ?? "",
        status: held ? "held" : "planned",
        preparationDeadline: d.deadline ?? null,
      },
      d.questions ?? template,
      researcherId,
    );
    ids.set(`${d.audience}:${d.number}`, id);
    for (const item of d.agenda ?? []) addAgendaItem(db, id, item, null);
    for (const h of d.homework ?? []) addHomework(db, id, h, null);
    const exchange = db.select().from(exchanges).where(eq(exchanges.id, id)).get()!;
    if (held) {
      const people = audiencePeople(db, exchange).filter((p) => p.active);
      const guests = d.guests ?? [];
      const orgIds = [...new Set(people.map((p) => p.organisationId))].sort((a, b) => a - b);
      // Counted guests fill places too; their cases are among the represented ones.
      const attendees = chooseAttendees(people, d.people! - guests.length, d.cases!, d.number - 1);
      setAttendance(db, exchange, attendees);
      for (const g of guests) addGuest(db, id, { description: g.description, organisationId: orgIds[g.organisationIndex], counted: true }, null);
    }
    // Three job specialists answered the preparation questions for nr. 11; the group may read them.
    if (d.audience === "job_specialists" && d.number === 11) {
      const instrument = compiledPreparation(db, id, 1)!;
      const people = audiencePeople(db, exchange).slice(0, demoAnswers.length);
      people.forEach((p, i) => submitPreparation(db, id, p.id, instrument, Object.fromEntries(Object.entries(demoAnswers[i]).map(([k, v]) => [k, v || null]))));
      db.update(exchanges).set({ shareAnswers: true }).where(eq(exchanges.id, id)).run();
    }
  }

  if (researcherId === null) return;
  const people = knownPeople(db, projectId);
  for (const tr of transcripts) {
    const exchangeId = ids.get(`${tr.audience}:${tr.exchangeNumber}`);
    if (exchangeId === undefined) continue;
    const text = normaliseText(tr.text.join("\n"));
    const transcriptId = createTranscript(
      db,
      { exchangeId, title: tr.title, source: "paste", fileName: null, text, replacements: suggestReplacements(text, people) },
      researcherId,
      tr.key,
    );
    const transcript = getTranscript(db, exchangeId, transcriptId, researcherId)!;
    if (transcript.status === "released") continue;
    releaseTranscript(db, transcript, researcherId);
    const released = getTranscript(db, exchangeId, transcriptId, researcherId)!;
    const turns = turnsOf(db, transcriptId);
    for (const c of tr.codes) {
      const turn = turns.find((t) => t.position === c.turn);
      if (turn) addSpanCode(db, released, c.code, turn.start, turn.end, researcherId);
    }
    // The job specialists' exchange is opened to those who attended, to code as co-researchers.
    if (tr.audience === "job_specialists") setCoResearchers(db, transcriptId, true, researcherId);
  }
}
