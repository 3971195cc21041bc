// Demo part of the employer survey: the AFI wave of 2018–19, closed. 168 links over the 17 job
// specialists (the report's invited count), 45 answers whose counts per statement are exactly
// those of instruments.md §4.8 (so the results page reproduces Tabell 7–9 to the percent), and
// employment counts that give 12 / 32 / 17 / 25 / 5 candidates at 44 employers once the one
// respondent who reported 58 candidates is excluded (footnote 10). The split of answers over
// the reminder rounds (24 / 13 / 8) and all dates are invented: the report gives only the
// totals. Idempotent: the wave is found by project and title first.
import { and, eq } from "drizzle-orm";
import { type Db, writeTransaction } from "../connection.server";
import { surveyAnswers, surveyExclusions, surveyLinkBatches, surveyLinks, surveyReminders, surveyWaves, users } from "../schema";
import { loadCodebook } from "../../app/instruments/codebook.server";
import type { Answers } from "../../app/instruments/types";
import { translator } from "../../app/i18n/catalog";
import { linkTokenHash, newLinkToken, randomId } from "../../app/survey/keys.server";
import { demoJobSpecialists, demoResearcher } from "./people";
import { mulberry32, shuffled } from "./random";

export const DEMO_WAVE_TITLE = "Spørreundersøkelse blant arbeidsgivere 2018–19";

/** instruments.md §4.8: Ja / Nei / «Nei, men kunne vært viktig» per statement, in questionnaire order. */
export const DERIVED_COUNTS: Record<string, [number, number, number][]> = {
  q1: [[36, 8, 1], [31, 10, 4], [28, 12, 5], [26, 10, 9], [24, 16, 5], [17, 17, 11], [14, 14, 17], [13, 16, 16], [11, 30, 4], [6, 27, 12], [5, 34, 6]],
  q2: [
    [43, 1, 1], [42, 2, 1], [41, 2, 2], [41, 3, 1], [39, 0, 6], [38, 1, 6], [37, 3, 5], [36, 3, 6],
    [33, 8, 4], [31, 7, 7], [30, 8, 7], [29, 9, 7], [29, 9, 7], [28, 11, 6], [27, 11, 7], [25, 12, 8],
  ],
  q3: [[31, 9, 5], [22, 12, 11], [21, 13, 11], [21, 12, 12], [21, 15, 9]],
};

/** §3.9: candidates per employment option over the 44 employers kept in the statistic. */
export const EMPLOYMENT_TOTALS = [12, 32, 17, 25, 5];
/** Footnote 10: the respondent with 58 candidates (our split of them over the options). */
const OUTLIER = [9, 21, 6, 17, 5];

/** Open answers printed in the report (§4.4, «et utvalg av svarene»). */
const OPEN_ANSWERS = [
  "Er usikker på hvordan kommunikasjonen mellom kandidaten og veileder har vært. Jeg har ikke sett hvilke temaer de har vært innom.",
  "Jobbspesialistene er gode på å formidle hvor og hva kandidaten kommer fra – og hvordan det kan være for kandidaten å komme til en bedrift. Gir bedriften innsikt og forståelse.",
  "Var alltid glad og imøtekommende, viktig for at vi fikk det resultatet som vi fikk.",
  "Ja, de har motivert meg og vært ærlig. Og de ga meg en høyere moral enn jeg tidligere har hatt.",
  "Jeg forsto at jobbspesialisten hadde god kommunikasjon med kandidaten, og hadde bygget seg opp tillit hos kandidaten. Slik kunne vi ha dialog, og jobbspesialisten fulgte kanskje opp sensitive temaer om forhold på arbeidsplassen som måtte tilpasses.",
];

const FOOTNOTE_10 =
  "Fotnote 10: Respondenten oppga data for i alt 58 kandidater, mens alle andre refererte til mellom 1 og 7. Vi går ut fra at opplysningene omfatter flere enn dem som deltok i prosjektet.";

/** 44 employers with 1–7 candidates each whose outcomes add up to EMPLOYMENT_TOTALS. */
function employmentCounts(random: () => number): number[][] {
  const employers = 44;
  const outcomes = shuffled(
    EMPLOYMENT_TOTALS.flatMap((n, option) => Array.from({ length: n }, () => option)),
    random,
  );
  const sizes = Array.from({ length: employers }, () => 1);
  for (let left = outcomes.length - employers; left > 0; ) {
    const i = Math.floor(random() * employers);
    if (sizes[i] < 7) {
      sizes[i]++;
      left--;
    }
  }
  let next = 0;
  return sizes.map((size) => {
    const counts = EMPLOYMENT_TOTALS.map(() => 0);
    for (let k = 0; k < size; k++) counts[outcomes[next++]]++;
    return counts;
  });
}

export function loadSurveyDemo(db: Db, projectId: number): number {
  const existing = db
    .select({ id: surveyWaves.id })
    .from(surveyWaves)
    .where(and(eq(surveyWaves.projectId, projectId), eq(surveyWaves.title, DEMO_WAVE_TITLE)))
    .get();
  if (existing) return existing.id;

  const instrument = loadCodebook().get("employer-survey");
  if (!instrument) return 0;
  const researcherId = db.select({ id: users.id }).from(users).where(eq(users.email, demoResearcher.email)).get()?.id ?? null;
  const specialists = demoJobSpecialists
    .map((p) => db.select({ id: users.id }).from(users).where(eq(users.email, p.email)).get()?.id)
    .filter((id): id is number => id !== undefined);
  if (specialists.length === 0) return 0;
  const random = mulberry32(20181210);
  const nb = translator("nb");
  const en = translator("en");

  // 45 answers, every variable present.
  let outlier = -1;
  let countsItem = "";
  const answers: Answers[] = Array.from({ length: 45 }, () => Object.fromEntries(instrument.variables.map((v) => [v.name, null])));
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (item.type === "matrix") {
        const counts = DERIVED_COUNTS[item.name];
        item.statements.forEach((statement, s) => {
          const [ja, nei, neiMen] = counts[s];
          const values = shuffled([...Array(ja).fill(1), ...Array(nei).fill(2), ...Array(neiMen).fill(3)], random);
          values.forEach((code, i) => (answers[i][statement.variable] = code));
        });
      } else if (item.type === "long_text") {
        shuffled([...answers.keys()], random)
          .slice(0, OPEN_ANSWERS.length)
          .forEach((i, k) => (answers[i][item.name] = OPEN_ANSWERS[k]));
      } else if (item.type === "counts") {
        const perEmployer = employmentCounts(random);
        countsItem = item.name;
        outlier = Math.floor(random() * answers.length);
        let next = 0;
        answers.forEach((answer, i) => {
          const counts = i === outlier ? OUTLIER : perEmployer[next++];
          item.options.forEach((option, o) => (answer[option.variable] = counts[o]));
        });
      }
    }
  }
  const rounds = [...Array(24).fill(0), ...Array(13).fill(1), ...Array(8).fill(2)] as number[];

  return writeTransaction(db, (tx) => {
    const wave = tx
      .insert(surveyWaves)
      .values({
        projectId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        title: DEMO_WAVE_TITLE,
        infoNb: nb("survey.form.defaultInfoNb"),
        infoEn: en("survey.form.defaultInfoEn"),
        contact: nb("survey.form.defaultContact"),
        openDate: "2018-12-10",
        closeDate: "2019-01-31",
        minAnswers: 5,
        targetedReminders: false,
        finalisedAt: Math.floor(Date.UTC(2019, 1, 1) / 1000),
        createdBy: researcherId,
      })
      .returning({ id: surveyWaves.id })
      .get();

    // 168 links: ten for each of the first 15 job specialists, nine for the last two.
    const links: { id: number; ownerId: number; batchId: string; tokenHash: string }[] = [];
    specialists.forEach((ownerId, i) => {
      const count = i < 15 ? 10 : 9;
      const batchId = `demo-${wave.id}-${ownerId}`;
      tx.insert(surveyLinkBatches).values({ id: batchId, waveId: wave.id, ownerId, count, requestKey: batchId, issuedOn: "2018-12-10" }).run();
      for (let k = 0; k < count; k++) links.push({ id: randomId(), ownerId, batchId, tokenHash: linkTokenHash(newLinkToken()) });
      for (const [round, sentOn] of [[1, "2019-01-07"], [2, "2019-01-21"]] as const) {
        tx.insert(surveyReminders).values({ waveId: wave.id, ownerId, round, sentOn }).run();
      }
    });
    const used = new Set(shuffled(links.map((l) => l.id), random).slice(0, answers.length));
    for (const link of links.sort((a, b) => a.id - b.id)) {
      tx.insert(surveyLinks).values({ ...link, waveId: wave.id, used: used.has(link.id) }).run();
    }

    let outlierId = 0;
    answers.forEach((answer, i) => {
      const id = randomId();
      if (i === outlier) outlierId = id;
      const round = rounds[i];
      tx.insert(surveyAnswers)
        .values({ id, waveId: wave.id, instrumentId: instrument.id, instrumentVersion: instrument.version, month: round === 0 ? "2018-12" : "2019-01", round, answers: answer })
        .run();
    });
    if (countsItem && outlierId) {
      tx.insert(surveyExclusions).values({ waveId: wave.id, answerId: outlierId, item: countsItem, reason: FOOTNOTE_10, createdBy: researcherId }).run();
    }
    return wave.id;
  });
}
