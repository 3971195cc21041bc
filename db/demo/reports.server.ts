// Demo participant reports for afi-2017 whose descriptive statistics reproduce instruments.md
// §6.4: 202 reports from 13 job specialists (111 introduksjonsprogram, 91 Jobbsjansen), 99 (49 %)
// in work, 39 % women in Intro, 23 and 34 countries (Syria and Eritrea over half of Intro,
// Pakistan 30 % of Jobbsjansen), Norwegian level 8 / 23 / 32 / 11 % (74 % A2+ or lower), work
// experience and schooling one in three, one in eight single mothers, the contract and position
// shares, the sectors, about 20 being profiled, and 6 job specialists with 9–13 participants in
// work. Every count is dealt out exactly (quotas, then a seeded shuffle), so the figures hold to
// the person; the rest (ages, months, texts) comes from a seeded generator. Reports have one to
// three dated versions (a placement first, then work), so status on a date can be shown.
// Besides: one participant of js01 with only a draft, and one of js03 who withdrew consent (not
// counted). Synthetic: no real persons. Idempotent: nothing is added once demo participants exist.
import { and, eq, like } from "drizzle-orm";
import { reportDrafts, reportParticipants, reportVersions, users } from "../schema";
import { type Db, writeTransaction } from "../connection.server";
import { loadCodebook } from "../../app/instruments/codebook.server";
import type { Answers } from "../../app/instruments/types";
import { newParticipantCode } from "../../app/reports/codes.server";
import { REPORT_INSTRUMENT_ID } from "../../app/reports/instrument.server";
import { demoJobSpecialists, demoOrganisations } from "./people";
import { mulberry32, shuffled } from "./random";

const demoCaseProjects = demoOrganisations.flatMap((o) => o.caseProjects);

/** Job specialists who delivered reports (index into demoJobSpecialists), with reports and how many in work. */
export const DEMO_REPORT_PLAN: readonly { js: number; reports: number; inWork: number }[] = [
  // Jobbsjansen: 91 reports, 44 in work
  { js: 0, reports: 16, inWork: 12 },
  { js: 2, reports: 15, inWork: 10 },
  { js: 3, reports: 14, inWork: 4 },
  { js: 4, reports: 17, inWork: 9 },
  { js: 5, reports: 14, inWork: 5 },
  { js: 12, reports: 15, inWork: 4 },
  // Introduksjonsprogram: 111 reports, 55 in work
  { js: 6, reports: 18, inWork: 13 },
  { js: 7, reports: 15, inWork: 6 },
  { js: 8, reports: 17, inWork: 11 },
  { js: 9, reports: 14, inWork: 5 },
  { js: 10, reports: 16, inWork: 6 },
  { js: 14, reports: 15, inWork: 3 },
  { js: 15, reports: 16, inWork: 11 },
];

type Quota<T> = readonly (readonly [T, number])[];

/** ISO 3166 numeric codes. Intro: 23 countries, Syria + Eritrea 59 of 111. */
const INTRO_COUNTRIES: Quota<number> = [
  [760, 34], [232, 25], [706, 9], [4, 8], [368, 5], [231, 4], [729, 4], [364, 3], [180, 2], [104, 2], [275, 2],
  [108, 1], [646, 1], [800, 1], [144, 1], [643, 1], [434, 1], [887, 1], [404, 1], [524, 1], [728, 2], [148, 1], [586, 1],
];
/** Jobbsjansen: 34 countries, Pakistan 27 of 91. */
const JOBBSJANSEN_COUNTRIES: Quota<number> = [
  [586, 27], [706, 12], [368, 6], [504, 4], [792, 3], [144, 3], [4, 3], [364, 2], [704, 2], [608, 2], [764, 2], [356, 2],
  [50, 1], [232, 1], [760, 1], [231, 1], [404, 1], [270, 1], [288, 1], [566, 1], [616, 1], [440, 1], [70, 1], [152, 1],
  [170, 1], [604, 1], [76, 1], [643, 1], [804, 1], [818, 1], [12, 1], [788, 1], [422, 1], [729, 2],
];

/** Norwegian level codes (1 none … 10 above B2), in work / not in work. */
const NORWEGIAN: Record<"work" | "other", Quota<number>> = {
  work: [[1, 6], [3, 11], [4, 10], [5, 34], [6, 12], [7, 15], [8, 5], [9, 4], [10, 2]],
  other: [[1, 10], [3, 15], [4, 10], [5, 31], [6, 10], [7, 15], [8, 5], [9, 5], [10, 2]],
};
const SCHOOLING_UNDER_10: Record<"work" | "other", number> = { work: 27, other: 40 };
const WORK_EXPERIENCE: Record<"work" | "other", Quota<"none" | "under1" | "1to4" | "5plus">> = {
  work: [["none", 30], ["under1", 7], ["1to4", 26], ["5plus", 36]],
  other: [["none", 37], ["under1", 7], ["1to4", 28], ["5plus", 31]],
};
/** Statuses: 99 in work, 103 not. */
const STATUS: Record<"work" | "other", Quota<number>> = {
  work: [[6, 55], [7, 14], [8, 24], [2, 6]],
  other: [[10, 20], [11, 10], [4, 2], [12, 13], [5, 3], [9, 30], [1, 17], [3, 8]],
};
const CONTRACT: Quota<number> = [[1, 33], [2, 44], [3, 22]];
const POSITION: Quota<number> = [[100, 30], [90, 3], [80, 7], [75, 4], [70, 3], [60, 3], [50, 16], [40, 14], [30, 11], [20, 8]];
const SECTOR: Quota<number> = [[1, 14], [2, 12], [3, 9], [4, 7], [5, 10], [6, 5], [7, 6], [8, 10], [9, 8], [10, 2], [11, 1], [12, 2], [13, 2], [90, 11]];

const POSITION_TITLE: Record<number, readonly string[]> = {
  1: ["Butikkmedarbeider", "Kassemedarbeider", "Lagermedarbeider i butikk"],
  2: ["Kjøkkenassistent", "Kafémedarbeider", "Kantinemedarbeider"],
  3: ["Barnehageassistent", "Assistent i skolefritidsordningen"],
  4: ["Romrenholder", "Frokostvert"],
  5: ["Renholder", "Vaskerimedarbeider"],
  6: ["Lærling bilmekaniker", "Dekkmontør"],
  7: ["Hjelpearbeider", "Anleggsarbeider"],
  8: ["Assistent i hjemmetjenesten", "Pleieassistent"],
  9: ["Sjåfør", "Budbilsjåfør"],
  10: ["Apotekmedarbeider"],
  11: ["Biblioteksassistent"],
  12: ["Flyttearbeider"],
  13: ["Ingeniør", "Tegner"],
  90: ["Medarbeider", "Produksjonsmedarbeider", "Assistent"],
};
const OTHER_SECTORS = ["Lager og logistikk", "Frisørsalong", "Næringsmiddelindustri", "Bakeri", "Vaktmestertjenester", "Kontor og administrasjon"];

const REFERRAL = [
  "Deltakeren hadde vært lenge i programmet uten å komme i arbeid, og programrådgiveren mente tettere oppfølging mot arbeidslivet trengtes.",
  "Lite skolegang og ingen arbeidserfaring fra Norge. Jobbspesialisten vurderte at deltakeren trengte støtte til å finne og beholde en jobb.",
  "Deltakeren ønsket seg raskt ut i arbeid, men manglet nettverk og kjennskap til norsk arbeidsliv.",
  "Flere avbrutte praksisperioder tidligere. Behov for en fast kontaktperson som følger opp både deltaker og arbeidsgiver.",
  "Helseutfordringer og store omsorgsoppgaver gjorde det vanskelig å følge ordinært løp; SE ble vurdert som et bedre tilbud.",
  "Deltakeren hadde utdanning fra hjemlandet som ikke var godkjent, og trengte hjelp til å finne en vei inn i arbeidslivet.",
  "Svake norskkunnskaper, men sterk motivasjon for arbeid. Språkopplæring på arbeidsplassen ble vurdert som riktig.",
  "Deltakeren var usikker på egne muligheter og trengte støtte til å kartlegge ønsker og ferdigheter.",
];
const PROGRESS = [
  "Er i praksis to dager i uka og går på norskkurs resten av uka. Trives og får gode tilbakemeldinger.",
  "Kartleggingen er i gang. Vi har hatt jobbsmaking på to arbeidsplasser.",
  "Har fått plass på grunnskole for voksne og venter på oppstart.",
  "Pause fra tiltaket på grunn av helse. Vi holder kontakt og planlegger ny oppstart.",
  "Ny praksisplass er avtalt etter at den forrige ikke fungerte.",
  "Deltakeren har tatt opp igjen norskkurset og øver på jobbintervju.",
];
const SE_ADDED = [
  "Uten oppfølging av SE og jobbspesialist ville deltakeren ikke klart å komme i lønnet arbeid.",
  "Tett oppfølging på arbeidsplassen gjorde at misforståelser ble ryddet opp i tide.",
  "Jobbspesialisten fant en arbeidsgiver som passet deltakerens ønsker, ikke bare den første ledige plassen.",
  "Arbeidsgiveren fikk en fast kontaktperson og turte derfor å ansette.",
  "Deltakeren fikk støtte til å forstå uskrevne regler på arbeidsplassen.",
  "Raskere overgang fra praksis til ansettelse enn ved tradisjonell praksisoppfølging.",
  "Oppfølgingen la vekt på deltakerens egne mål, noe som ga motivasjon.",
];

/** Exactly `count` of each value, in a seeded random order. */
function deal<T>(quota: Quota<T>, rnd: () => number): T[] {
  return shuffled(quota.flatMap(([value, count]) => Array.from({ length: count }, () => value)), rnd);
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

function toUnix(date: string, days = 0): number {
  return Math.floor(Date.parse(`${date}T10:00:00Z`) / 1000) + days * 86400;
}

interface DemoVersion {
  readonly effectiveDate: string;
  readonly answers: Answers;
}

export interface DemoParticipant {
  readonly jsIndex: number;
  readonly programme: "intro" | "jobbsjansen";
  readonly startMonth: string;
  readonly consentDate: string;
  readonly versions: readonly DemoVersion[];
}

/** The 202 reported participants, deterministic (no database needed; the unit tests read this too). */
export function demoReportParticipants(variables: readonly string[]): DemoParticipant[] {
  const rnd = mulberry32(2019);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const blank = () => Object.fromEntries(variables.map((v) => [v, null])) as Answers;

  // Who is who: programme and in-work flag per participant, in plan order.
  const people = DEMO_REPORT_PLAN.flatMap((plan) =>
    Array.from({ length: plan.reports }, (_, i) => ({
      jsIndex: plan.js,
      programme: demoCaseProjects[demoJobSpecialists[plan.js].caseProjectIndex].programme,
      work: i < plan.inWork,
    })),
  );
  const group = (work: boolean) => (work ? "work" : "other") as "work" | "other";

  // Quotas dealt per group.
  const countries = { intro: deal(INTRO_COUNTRIES, rnd), jobbsjansen: deal(JOBBSJANSEN_COUNTRIES, rnd) };
  const introWomen = shuffled(Array.from({ length: 111 }, (_, i) => i < 43), rnd);
  const norwegian = { work: deal(NORWEGIAN.work, rnd), other: deal(NORWEGIAN.other, rnd) };
  const schoolingLow = {
    work: shuffled(Array.from({ length: 99 }, (_, i) => i < SCHOOLING_UNDER_10.work), rnd),
    other: shuffled(Array.from({ length: 103 }, (_, i) => i < SCHOOLING_UNDER_10.other), rnd),
  };
  const experience = { work: deal(WORK_EXPERIENCE.work, rnd), other: deal(WORK_EXPERIENCE.other, rnd) };
  const status = { work: deal(STATUS.work, rnd), other: deal(STATUS.other, rnd) };
  const contract = deal(CONTRACT, rnd);
  const position = deal(POSITION, rnd);
  const sector = deal(SECTOR, rnd);
  const qualified = shuffled(Array.from({ length: 202 }, (_, i) => i < 92), rnd);
  const norwayWork = shuffled(Array.from({ length: 202 }, (_, i) => i < 48), rnd);

  // Family: 25 single mothers (20 in Jobbsjansen, 5 in Intro), 43 other parents: 68 with children.
  const used = { intro: 0, jobbsjansen: 0 };
  const counters = { work: 0, other: 0, all: 0, inWork: 0 };
  const base = people.map((p) => {
    const g = group(p.work);
    const gi = counters[g]++;
    const ai = counters.all++;
    const pi = used[p.programme]++;
    const woman = p.programme === "jobbsjansen" ? true : introWomen[pi];
    return { ...p, g, gi, ai, woman, country: countries[p.programme][pi] };
  });
  const women = {
    intro: shuffled(base.filter((b) => b.programme === "intro" && b.woman), rnd),
    jobbsjansen: shuffled(base.filter((b) => b.programme === "jobbsjansen"), rnd),
  };
  const singleMothers = new Set([...women.jobbsjansen.slice(0, 20), ...women.intro.slice(0, 5)]);
  const others = shuffled(base.filter((b) => !singleMothers.has(b)), rnd);
  const otherParents = new Set(others.slice(0, 43));

  return base.map((b) => {
    const a = blank();
    a.hjemland = b.country;
    a.kjonn = b.woman ? 1 : 2;
    const singleMother = singleMothers.has(b);
    const parent = singleMother || otherParents.has(b);
    a.sivilstatus = singleMother ? pick([2, 2, 3, 3, 4]) : parent ? 1 : pick([1, 2, 2, 2, 5]);
    a.antall_barn = singleMother ? between(2, 4) : parent ? between(1, 3) : 0;
    a.alder_overtatt = b.programme === "intro" ? between(19, 48) : between(24, 58);
    a.skolegang_aar = schoolingLow[b.g][b.gi] ? pick([0, 0, 2, 4, 5, 6, 6, 7, 8, 9, 9]) : pick([10, 10, 11, 12, 12, 12, 13, 14, 15, 16, 17]);
    const prof = qualified[b.ai];
    a.prof_kompetanse = prof ? 1 : 2;
    a.utd_godkjent = prof && rnd() < 0.25 ? 1 : 2;
    const exp = experience[b.g][b.gi];
    a.arbeidserf_hjemland = exp === "none" ? 1 : exp === "under1" ? 2 : 3;
    a.arbeidserf_hjemland_aar = exp === "1to4" ? between(1, 4) : exp === "5plus" ? between(5, 20) : null;
    a.arbeidserf_norge = norwayWork[b.ai] ? 1 : 2;
    a.norsknivaa = norwegian[b.g][b.gi];
    a.henvisning = `${pick(REFERRAL)} ${pick(REFERRAL)}`.trim();
    a.se_tilforte = pick(SE_ADDED);
    const finalStatus = status[b.g][b.gi];
    a.status = finalStatus;
    a.mnd_for_js = between(0, 24);
    a.uker_til_praksis = finalStatus === 10 ? null : between(1, 20);
    a.uker_praksis_ulonnet = finalStatus === 10 ? null : between(4, 26);
    a.antall_praksisplasser = finalStatus === 10 ? 0 : between(1, 4);
    // Assistance needs (Tabell 6), coded for about four in five reports from what the report says.
    for (const name of variables.filter((v) => v.startsWith("behov_m"))) a[name] = 0;
    if (rnd() < 0.8) {
      const tag = (name: string, when: boolean) => {
        if (when) a[name] = 1;
      };
      tag("behov_mi1", Number(a.norsknivaa) <= 5);
      tag("behov_mi2", finalStatus === 12 || rnd() < 0.1);
      tag("behov_mi3", rnd() < 0.3);
      tag("behov_mi4", a.arbeidserf_norge === 2 && (exp === "none" || exp === "under1"));
      tag("behov_mi5", !prof && Number(a.skolegang_aar) < 10);
      tag("behov_mi6", prof && a.utd_godkjent === 2 && rnd() < 0.5);
      tag("behov_mi7", rnd() < 0.2);
      tag("behov_mi8", rnd() < 0.05);
      tag("behov_me1", singleMother);
      tag("behov_me2", Number(a.antall_barn) >= 3);
      tag("behov_me3", rnd() < 0.1);
      tag("behov_me4", b.work && rnd() < 0.5);
      tag("behov_me5", rnd() < 0.08);
      tag("behov_me6", rnd() < 0.08);
      tag("behov_me7", Number(a.norsknivaa) <= 4);
      tag("behov_me8", rnd() < 0.25);
      tag("behov_me9", rnd() < 0.1);
      tag("behov_me10", rnd() < 0.12);
      tag("behov_me11", rnd() < 0.1);
      tag("behov_me12", b.work && rnd() < 0.4);
      tag("behov_ma1", rnd() < 0.1);
      tag("behov_ma2", rnd() < 0.15);
      tag("behov_ma3", rnd() < 0.05);
      tag("behov_ma4", rnd() < 0.05);
    }
    if (b.work) {
      const w = counters.inWork++;
      a.kontrakt = contract[w];
      a.stillingsprosent = position[w];
      a.bransje = sector[w];
      a.bransje_annet = sector[w] === 90 ? pick(OTHER_SECTORS) : null;
      a.stilling = pick(POSITION_TITLE[sector[w]]);
      a.etteroppfolging = finalStatus === 2 || finalStatus === 8 ? 1 : rnd() < 0.6 ? 1 : 2;
      a.mnd_til_arbeid = finalStatus === 6 || finalStatus === 7 ? between(2, 24) : null;
    } else {
      a.progresjon = pick(PROGRESS);
    }

    // Dates: taken over in 2017–2018, reported at the end of the case period.
    const startMonth = addMonths("2017-01", between(0, 20));
    const consentDate = `${startMonth}-${pad(between(3, 27))}`;
    const finalDate = pick(["2018-12-03", "2018-12-10", "2018-12-17", "2019-01-07", "2019-01-14", "2019-01-21"]);
    const versions: DemoVersion[] = [];
    const early = `${addMonths(startMonth, between(1, 3))}-${pad(between(1, 27))}`;
    if (b.work && early < finalDate) {
      // In placement first; for some, a first job on worse terms before the one reported.
      versions.push({ effectiveDate: early, answers: { ...a, status: 1, ...outcomeCleared(), progresjon: pick(PROGRESS), mnd_til_arbeid: null } });
      if (a.kontrakt === 1 && rnd() < 0.5) {
        const middle = `${addMonths(startMonth, between(4, 6))}-${pad(between(1, 27))}`;
        if (middle < finalDate) versions.push({ effectiveDate: middle, answers: { ...a, status: 8, kontrakt: 2, stillingsprosent: Math.min(Number(a.stillingsprosent), 40), mnd_til_arbeid: null, progresjon: null } });
      }
    } else if (!b.work && rnd() < 0.5 && a.status !== 10 && early < finalDate) {
      versions.push({ effectiveDate: early, answers: { ...a, status: 10, ...outcomeCleared(), uker_til_praksis: null, uker_praksis_ulonnet: null, antall_praksisplasser: 0 } });
    }
    versions.push({ effectiveDate: finalDate, answers: a });
    return { jsIndex: b.jsIndex, programme: b.programme, startMonth, consentDate, versions };
  });
}

function outcomeCleared(): Partial<Answers> {
  return { kontrakt: null, stillingsprosent: null, bransje: null, bransje_annet: null, stilling: null, etteroppfolging: null };
}

export function loadReportDemo(db: Db, projectId: number): { participants: number; versions: number } {
  const exists = db
    .select({ id: reportParticipants.id })
    .from(reportParticipants)
    .where(and(eq(reportParticipants.projectId, projectId), like(reportParticipants.clientKey, "demo-%")))
    .limit(1)
    .get();
  if (exists) return { participants: 0, versions: 0 };
  const instrument = loadCodebook().get(REPORT_INSTRUMENT_ID);
  if (!instrument) return { participants: 0, versions: 0 };
  const participants = demoReportParticipants(instrument.variables.map((v) => v.name));
  const codeRandom = mulberry32(6204);
  let versions = 0;
  writeTransaction(db, (tx) => {
    const jsUser = new Map<number, { id: number; caseProjectId: number }>();
    for (const index of new Set([...participants.map((p) => p.jsIndex), 0, 2])) {
      const user = tx
        .select({ id: users.id, caseProjectId: users.caseProjectId })
        .from(users)
        .where(and(eq(users.email, demoJobSpecialists[index].email), eq(users.role, "job_specialist")))
        .get();
      if (user?.caseProjectId) jsUser.set(index, { id: user.id, caseProjectId: user.caseProjectId });
    }
    const insert = (p: Omit<DemoParticipant, "programme">, n: number, extra: Partial<typeof reportParticipants.$inferInsert> = {}) => {
      const js = jsUser.get(p.jsIndex);
      if (!js) return null;
      let code = newParticipantCode(codeRandom);
      while (tx.select({ id: reportParticipants.id }).from(reportParticipants).where(eq(reportParticipants.code, code)).get()) code = newParticipantCode(codeRandom);
      const row = tx
        .insert(reportParticipants)
        .values({
          projectId,
          caseProjectId: js.caseProjectId,
          jsId: js.id,
          code,
          clientKey: `demo-${n}`,
          startMonth: p.startMonth,
          consentDate: p.consentDate,
          consentRecordedBy: js.id,
          createdAt: toUnix(p.consentDate),
          ...extra,
        })
        .returning({ id: reportParticipants.id })
        .get();
      p.versions.forEach((v, i) => {
        tx.insert(reportVersions)
          .values({
            participantId: row.id,
            number: i + 1,
            effectiveDate: v.effectiveDate,
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            answers: v.answers,
            status: Number(v.answers.status),
            authorId: js.id,
            clientKey: `demo-${n}-${i + 1}`,
            savedAt: toUnix(v.effectiveDate, 1 + (n % 9)),
          })
          .run();
        versions++;
      });
      return { id: row.id, jsId: js.id };
    };
    participants.forEach((p, n) => insert(p, n));

    // js01: a participant taken over at the end of the period, with only a draft so far.
    const draftOwner = insert({ jsIndex: 0, startMonth: "2019-01", consentDate: "2019-01-15", versions: [] }, participants.length);
    if (draftOwner) {
      tx.insert(reportDrafts)
        .values({ participantId: draftOwner.id, authorId: draftOwner.jsId, values: { hjemland: "706", kjonn: "1", alder_overtatt: "29", henvisning: "Ønsker arbeid i barnehage; trenger støtte til norsk på arbeidsplassen." } })
        .run();
    }
    // js03: a participant who withdrew consent after one report; never counted.
    const first = participants.find((p) => p.jsIndex === 2)!;
    insert(
      { jsIndex: 2, startMonth: first.startMonth, consentDate: first.consentDate, versions: [first.versions[first.versions.length - 1]] },
      participants.length + 1,
      { withdrawnDate: "2019-01-28", withdrawnRecordedBy: jsUser.get(2)?.id ?? null, withdrawnRecordedAt: toUnix("2019-01-28") },
    );
  });
  return { participants: participants.length + 2, versions };
}
