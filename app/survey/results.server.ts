// Results of a wave, laid out like Tabell 7–9 of the AFI report: per statement matrix the
// statements sorted by the share of the first option («Ja»), whole percentages and N per
// statement; the open answers in random order; the counts question as candidates per option
// with the number of answering employers. Exclusions (one answer out of one statistic, with a
// reason) are applied and listed. Only for the whole wave: there is no breakdown by anything.
import { and, eq } from "drizzle-orm";
import { type Db, writeTransaction } from "../../db/connection.server";
import { surveyAnswers, surveyExclusions, users } from "../../db/schema";
import { audit } from "~/accounts/audit.server";
import type { Localized } from "~/i18n/locale";
import type { CompiledInstrument, CompiledOption, CountsItem, MatrixItem } from "~/instruments/types";

type Stored = Record<string, string | number | null>;

export interface StoredAnswer {
  id: number;
  answers: Stored;
}

export interface Exclusion {
  answerId: number;
  item: string;
  reason: string;
  by: string | null;
  /** Total of the answer's counts (counts items), for the note under the table. */
  total: number | null;
}

export interface MatrixRow {
  variable: string;
  label: Localized;
  /** Per option, in option order. */
  counts: number[];
  percents: number[];
  n: number;
}

export interface MatrixTable {
  kind: "matrix";
  item: string;
  section: Localized;
  question: Localized;
  stem: Localized | null;
  options: readonly CompiledOption[];
  rows: MatrixRow[];
  n: number;
  excluded: Exclusion[];
}

export interface TextList {
  kind: "text";
  item: string;
  label: Localized;
  texts: string[];
  n: number;
}

export interface CountsTable {
  kind: "counts";
  item: string;
  section: Localized;
  label: Localized;
  options: { code: number; label: Localized; total: number }[];
  employers: number;
  candidates: number;
  excluded: Exclusion[];
  /** Each answer's counts, largest total first, for choosing an exclusion. */
  perAnswer: { answerId: number; counts: (number | null)[]; total: number; excluded: boolean }[];
}

export type ResultBlock = MatrixTable | TextList | CountsTable;

export function loadAnswers(db: Db, waveId: number): StoredAnswer[] {
  return db
    .select({ id: surveyAnswers.id, answers: surveyAnswers.answers })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.waveId, waveId))
    .orderBy(surveyAnswers.id)
    .all();
}

export function loadExclusions(db: Db, waveId: number) {
  return db
    .select({ answerId: surveyExclusions.answerId, item: surveyExclusions.item, reason: surveyExclusions.reason, by: users.name })
    .from(surveyExclusions)
    .leftJoin(users, eq(users.id, surveyExclusions.createdBy))
    .where(eq(surveyExclusions.waveId, waveId))
    .orderBy(surveyExclusions.id)
    .all();
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);
const countsTotal = (item: CountsItem, a: Stored) =>
  item.options.reduce((sum, o) => sum + (typeof a[o.variable] === "number" ? (a[o.variable] as number) : 0), 0);

function matrixTable(item: MatrixItem, section: Localized, answers: StoredAnswer[], excluded: Set<number>, exclusions: Exclusion[]): MatrixTable {
  const codes = item.options.map((o) => o.code);
  const rows = item.statements.map((statement) => {
    const counts = codes.map(() => 0);
    for (const answer of answers) {
      if (excluded.has(answer.id)) continue;
      const index = codes.indexOf(answer.answers[statement.variable] as number);
      if (index >= 0) counts[index]++;
    }
    const n = counts.reduce((a, b) => a + b, 0);
    return { variable: statement.variable, label: statement.label, counts, percents: counts.map((c) => pct(c, n)), n };
  });
  // The report ranks by the share of «Ja»; equal shares keep the questionnaire's order.
  const ranked = rows
    .map((row, index) => ({ row, index, share: row.n > 0 ? row.counts[0] / row.n : -1 }))
    .sort((a, b) => b.share - a.share || a.index - b.index)
    .map((r) => r.row);
  return {
    kind: "matrix",
    item: item.name,
    section,
    question: item.label,
    stem: item.stem,
    options: item.options,
    rows: ranked,
    n: Math.max(0, ...rows.map((r) => r.n)),
    excluded: exclusions,
  };
}

function countsTable(item: CountsItem, section: Localized, answers: StoredAnswer[], excluded: Set<number>, exclusions: Exclusion[]): CountsTable {
  const totals = item.options.map(() => 0);
  let employers = 0;
  const perAnswer: CountsTable["perAnswer"] = [];
  for (const answer of answers) {
    const values = item.options.map((o) => (typeof answer.answers[o.variable] === "number" ? (answer.answers[o.variable] as number) : null));
    if (values.every((v) => v === null)) continue;
    const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    perAnswer.push({ answerId: answer.id, counts: values, total, excluded: excluded.has(answer.id) });
    if (excluded.has(answer.id)) continue;
    employers++;
    values.forEach((v, i) => (totals[i] += v ?? 0));
  }
  perAnswer.sort((a, b) => b.total - a.total || a.answerId - b.answerId);
  return {
    kind: "counts",
    item: item.name,
    section,
    label: item.label,
    options: item.options.map((o, i) => ({ code: o.code, label: o.label, total: totals[i] })),
    employers,
    candidates: totals.reduce((a, b) => a + b, 0),
    excluded: exclusions,
    perAnswer,
  };
}

/** Every result block of the wave, in questionnaire order. */
export function computeResults(
  instrument: CompiledInstrument,
  answers: StoredAnswer[],
  exclusions: { answerId: number; item: string; reason: string; by: string | null }[],
): ResultBlock[] {
  const blocks: ResultBlock[] = [];
  const byId = new Map(answers.map((a) => [a.id, a]));
  for (const section of instrument.sections) {
    for (const item of section.items) {
      const mine = exclusions.filter((e) => e.item === item.name && byId.has(e.answerId));
      const excluded = new Set(mine.map((e) => e.answerId));
      const described: Exclusion[] = mine.map((e) => ({
        ...e,
        total: item.type === "counts" ? countsTotal(item, byId.get(e.answerId)!.answers) : null,
      }));
      if (item.type === "matrix") blocks.push(matrixTable(item, section.title, answers, excluded, described));
      else if (item.type === "counts") blocks.push(countsTable(item, section.title, answers, excluded, described));
      else if (item.type === "long_text" || item.type === "short_text") {
        const texts = answers
          .filter((a) => !excluded.has(a.id))
          .map((a) => a.answers[item.name])
          .filter((v): v is string => typeof v === "string" && v.trim() !== "");
        blocks.push({ kind: "text", item: item.name, label: item.label, texts, n: answers.length - excluded.size });
      }
    }
  }
  return blocks;
}

/** Takes one answer out of one statistic, with the reason; recorded in the audit log. */
export function excludeAnswer(db: Db, input: { waveId: number; answerId: number; item: string; reason: string }, actorId: number): boolean {
  const answer = db
    .select({ id: surveyAnswers.id })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.id, input.answerId), eq(surveyAnswers.waveId, input.waveId)))
    .get();
  if (!answer) return false;
  return writeTransaction(db, (tx) => {
    const inserted = tx
      .insert(surveyExclusions)
      .values({ ...input, createdBy: actorId })
      .onConflictDoNothing()
      .returning({ id: surveyExclusions.id })
      .all();
    if (inserted.length > 0) {
      audit(tx, actorId, "survey.answer_excluded", `survey_wave:${input.waveId}`, { answer: input.answerId, item: input.item, reason: input.reason });
    }
    return true;
  });
}

/** Puts an excluded answer back into the statistic (exclusions are reversible); audited. */
export function includeAnswer(db: Db, input: { waveId: number; answerId: number; item: string }, actorId: number): boolean {
  return writeTransaction(db, (tx) => {
    const removed = tx
      .delete(surveyExclusions)
      .where(and(eq(surveyExclusions.waveId, input.waveId), eq(surveyExclusions.answerId, input.answerId), eq(surveyExclusions.item, input.item)))
      .returning({ id: surveyExclusions.id })
      .all();
    if (removed.length > 0) audit(tx, actorId, "survey.answer_included", `survey_wave:${input.waveId}`, { answer: input.answerId, item: input.item });
    return removed.length > 0;
  });
}
