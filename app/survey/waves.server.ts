// Survey waves: create, edit, close, reopen, list, and the response rate (overall and per
// reminder round). Nothing here reads an answer's content.
import { and, count, desc, eq, max, sql } from "drizzle-orm";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import {
  caseProjects,
  organisations,
  projects,
  surveyAnswers,
  surveyLinks,
  surveyReminders,
  surveyWaves,
  users,
  type SurveyWave,
} from "../../db/schema";
import { audit } from "~/accounts/audit.server";
import { osloDate } from "./dates.server";
import { type Codebook } from "~/instruments/codebook.server";
import { type CompiledInstrument } from "~/instruments/types";

export type { SurveyWave };
export type WaveStatus = "scheduled" | "open" | "closed";

export const DEFAULT_INSTRUMENT = "employer-survey";

export interface WaveInput {
  projectId: number;
  instrumentId: string;
  instrumentVersion: number;
  title: string;
  infoNb: string;
  infoEn: string;
  contact: string;
  openDate: string;
  closeDate: string;
  minAnswers: number;
  targetedReminders: boolean;
}

export function waveStatus(wave: Pick<SurveyWave, "openDate" | "closeDate" | "closedAt" | "finalisedAt">, today = osloDate()): WaveStatus {
  if (wave.closedAt !== null || wave.finalisedAt !== null || today > wave.closeDate) return "closed";
  return today < wave.openDate ? "scheduled" : "open";
}

/** The instruments a wave can run: those whose definition says `use: survey` (not the log form or the report). */
export function surveyInstruments(codebook: Codebook): readonly CompiledInstrument[] {
  return codebook.latest().filter((i) => i.use === "survey");
}

export function createWave(db: Db, input: WaveInput, actorId: number): number {
  return writeTransaction(db, (tx) => {
    const row = tx
      .insert(surveyWaves)
      .values({ ...input, createdBy: actorId })
      .returning({ id: surveyWaves.id })
      .get();
    audit(tx, actorId, "survey.wave_created", `survey_wave:${row.id}`, { title: input.title });
    return row.id;
  });
}

export function updateWave(db: Db, waveId: number, input: Omit<WaveInput, "projectId" | "instrumentId" | "instrumentVersion">, actorId: number) {
  writeTransaction(db, (tx) => {
    tx.update(surveyWaves)
      .set({ ...input, updatedAt: sql`(unixepoch())` })
      .where(eq(surveyWaves.id, waveId))
      .run();
    audit(tx, actorId, "survey.wave_updated", `survey_wave:${waveId}`, {
      openDate: input.openDate,
      closeDate: input.closeDate,
      minAnswers: input.minAnswers,
      targetedReminders: input.targetedReminders,
    });
  });
}

/** Closes the wave now; the caller then finalises it (store.finalise). */
export function closeWave(db: Db, waveId: number, actorId: number) {
  writeTransaction(db, (tx) => {
    tx.update(surveyWaves)
      .set({ closedAt: sql`(unixepoch())`, updatedAt: sql`(unixepoch())` })
      .where(and(eq(surveyWaves.id, waveId), sql`${surveyWaves.closedAt} IS NULL`))
      .run();
    audit(tx, actorId, "survey.wave_closed", `survey_wave:${waveId}`);
  });
}

/** Opens a closed wave again until `closeDate`. Used marks already written stay. */
export function reopenWave(db: Db, waveId: number, closeDate: string, actorId: number) {
  writeTransaction(db, (tx) => {
    tx.update(surveyWaves)
      .set({ closedAt: null, finalisedAt: null, closeDate, updatedAt: sql`(unixepoch())` })
      .where(eq(surveyWaves.id, waveId))
      .run();
    audit(tx, actorId, "survey.wave_reopened", `survey_wave:${waveId}`, { closeDate });
  });
}

export function getWave(db: DbOrTx, waveId: number): SurveyWave | undefined {
  if (!Number.isSafeInteger(waveId) || waveId <= 0) return undefined;
  return db.select().from(surveyWaves).where(eq(surveyWaves.id, waveId)).get();
}

/** The project a job specialist works in (through their case project), or null. */
export function projectOfSpecialist(db: Db, user: { caseProjectId: number | null }): number | null {
  if (!user.caseProjectId) return null;
  const row = db
    .select({ projectId: organisations.projectId })
    .from(caseProjects)
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(eq(caseProjects.id, user.caseProjectId))
    .get();
  return row?.projectId ?? null;
}

/** A wave a job specialist may work with: one of their own project; undefined otherwise. */
export function getWaveForSpecialist(db: Db, waveId: number, user: { caseProjectId: number | null }) {
  const wave = getWave(db, waveId);
  const projectId = projectOfSpecialist(db, user);
  return wave && projectId !== null && wave.projectId === projectId ? wave : undefined;
}

function linkCounts(db: Db) {
  return db
    .select({ waveId: surveyLinks.waveId, links: count() })
    .from(surveyLinks)
    .groupBy(surveyLinks.waveId)
    .all();
}

function answerCounts(db: Db) {
  return db
    .select({ waveId: surveyAnswers.waveId, answers: count() })
    .from(surveyAnswers)
    .groupBy(surveyAnswers.waveId)
    .all();
}

export function listWaves(db: Db) {
  const links = new Map(linkCounts(db).map((r) => [r.waveId, r.links]));
  const answers = new Map(answerCounts(db).map((r) => [r.waveId, r.answers]));
  const today = osloDate();
  return db
    .select({
      id: surveyWaves.id,
      title: surveyWaves.title,
      project: projects.title,
      openDate: surveyWaves.openDate,
      closeDate: surveyWaves.closeDate,
      closedAt: surveyWaves.closedAt,
      finalisedAt: surveyWaves.finalisedAt,
    })
    .from(surveyWaves)
    .innerJoin(projects, eq(projects.id, surveyWaves.projectId))
    .orderBy(desc(surveyWaves.openDate), desc(surveyWaves.id))
    .all()
    .map((w) => ({
      id: w.id,
      title: w.title,
      project: w.project,
      openDate: w.openDate,
      closeDate: w.closeDate,
      status: waveStatus(w, today),
      links: links.get(w.id) ?? 0,
      answers: answers.get(w.id) ?? 0,
    }));
}

/** Waves of the job specialist's own project, newest first. */
export function listWavesOfProject(db: Db, projectId: number) {
  const today = osloDate();
  return db
    .select()
    .from(surveyWaves)
    .where(eq(surveyWaves.projectId, projectId))
    .orderBy(desc(surveyWaves.openDate), desc(surveyWaves.id))
    .all()
    .map((wave) => ({ wave, status: waveStatus(wave, today) }));
}

/** The wave's reminder round now: the highest round any job specialist has recorded (0: none). */
export function currentRound(db: DbOrTx, waveId: number): number {
  return db.select({ round: max(surveyReminders.round) }).from(surveyReminders).where(eq(surveyReminders.waveId, waveId)).get()?.round ?? 0;
}

export interface RoundRow {
  round: number;
  /** First day any job specialist recorded this reminder round (null for round 0). */
  startedOn: string | null;
  answers: number;
  cumulative: number;
  /** Cumulative response rate in whole percent (null when no link is issued). */
  rate: number | null;
}

export interface ResponseStats {
  links: number;
  answers: number;
  rate: number | null;
  rounds: RoundRow[];
}

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

/** Answers / links issued, overall and per reminder round (the report's 45 / 168 = 27 %). */
export function responseStats(db: Db, waveId: number): ResponseStats {
  const links = db.select({ n: count() }).from(surveyLinks).where(eq(surveyLinks.waveId, waveId)).get()?.n ?? 0;
  const perRound = new Map(
    db
      .select({ round: surveyAnswers.round, n: count() })
      .from(surveyAnswers)
      .where(eq(surveyAnswers.waveId, waveId))
      .groupBy(surveyAnswers.round)
      .all()
      .map((r) => [r.round, r.n]),
  );
  const starts = new Map(
    db
      .select({ round: surveyReminders.round, startedOn: sql<string>`min(${surveyReminders.sentOn})` })
      .from(surveyReminders)
      .where(eq(surveyReminders.waveId, waveId))
      .groupBy(surveyReminders.round)
      .all()
      .map((r) => [r.round, r.startedOn]),
  );
  const last = Math.max(0, ...perRound.keys(), ...starts.keys());
  const rounds: RoundRow[] = [];
  let cumulative = 0;
  for (let round = 0; round <= last; round++) {
    const answers = perRound.get(round) ?? 0;
    cumulative += answers;
    rounds.push({ round, startedOn: round === 0 ? null : starts.get(round) ?? null, answers, cumulative, rate: percent(cumulative, links) });
  }
  return { links, answers: cumulative, rate: percent(cumulative, links), rounds };
}

export function answerCount(db: DbOrTx, waveId: number): number {
  return db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.waveId, waveId)).get()?.n ?? 0;
}

/** Links issued per job specialist (never how many of them were used: that is theirs alone). */
export function linksIssuedBySpecialist(db: Db, waveId: number) {
  return db
    .select({ name: users.name, links: count() })
    .from(surveyLinks)
    .innerJoin(users, eq(users.id, surveyLinks.ownerId))
    .where(eq(surveyLinks.waveId, waveId))
    .groupBy(surveyLinks.ownerId, users.name)
    .orderBy(users.name)
    .all();
}
