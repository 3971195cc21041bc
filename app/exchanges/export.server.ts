// What the exports read from this capability, so they never query its tables themselves:
// - the released transcripts marked for NVivo: pseudonymised text (NFC, LF only), speaker turns
//   and chapter codes, every offset in Unicode code points, end exclusive;
// - the preparation answers, keyed by variable name with their instrument id and version, and
//   the compiled instruments they were given under (questions.server listPreparationInstruments).
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { exchangePreparations, exchangeTranscripts, exchanges, type ExchangeAudience } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { Localized } from "~/i18n/locale";
import type { Answers } from "~/instruments/types";
import { chapterCode } from "./chapter-codes";
import { listPreparationInstruments } from "./questions.server";
import { codesOf, turnsOf } from "./transcripts.server";
import { sliceCodePoints } from "./transcript-text";

export { listPreparationInstruments };

export interface ExportTurn {
  /** As stored (1, 2, …): what codings of the turn name it by. */
  readonly position: number;
  readonly speaker: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ExportCode {
  readonly code: string;
  readonly label: Localized;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TranscriptForExport {
  readonly id: number;
  readonly title: string;
  readonly source: "paste" | "txt" | "docx";
  readonly exchange: {
    readonly id: number;
    readonly projectId: number;
    readonly audience: ExchangeAudience;
    readonly number: number;
    readonly date: string;
    readonly theme: string;
  };
  readonly text: string;
  readonly turns: readonly ExportTurn[];
  readonly codes: readonly ExportCode[];
}

function assemble(db: Db, row: { id: number; title: string; source: "paste" | "txt" | "docx"; text: string; exchange: TranscriptForExport["exchange"] }): TranscriptForExport {
  return {
    ...row,
    turns: turnsOf(db, row.id).map((t) => ({ position: t.position, speaker: t.speaker, start: t.start, end: t.end, text: sliceCodePoints(row.text, t.start, t.end) })),
    codes: codesOf(db, row.id).map((c) => ({
      code: c.code,
      label: chapterCode(c.code)?.label ?? { nb: c.code, en: c.code },
      start: c.start,
      end: c.end,
      text: sliceCodePoints(row.text, c.start, c.end),
    })),
  };
}

function baseQuery(db: Db) {
  return db
    .select({
      id: exchangeTranscripts.id,
      title: exchangeTranscripts.title,
      source: exchangeTranscripts.source,
      text: exchangeTranscripts.pseudonymisedText,
      exchangeId: exchanges.id,
      projectId: exchanges.projectId,
      audience: exchanges.audience,
      number: exchanges.number,
      date: exchanges.date,
      theme: exchanges.theme,
    })
    .from(exchangeTranscripts)
    .innerJoin(exchanges, eq(exchanges.id, exchangeTranscripts.exchangeId));
}

type BaseRow = ReturnType<ReturnType<typeof baseQuery>["all"]>[number];

const shape = (r: BaseRow) => ({
  id: r.id,
  title: r.title,
  source: r.source,
  text: r.text,
  exchange: { id: r.exchangeId, projectId: r.projectId, audience: r.audience, number: r.number, date: r.date, theme: r.theme },
});

/** Every released transcript of a project that is marked for the NVivo export, by exchange date. */
export function transcriptsForExport(db: Db, projectId: number): TranscriptForExport[] {
  return baseQuery(db)
    .where(and(eq(exchanges.projectId, projectId), eq(exchangeTranscripts.status, "released"), eq(exchangeTranscripts.nvivoExport, true)))
    .orderBy(asc(exchanges.date), asc(exchanges.audience), asc(exchangeTranscripts.id))
    .all()
    .map((r) => assemble(db, shape(r)));
}

/** One released transcript, or null (private ones are never exported). */
export function readTranscript(db: Db, transcriptId: number): TranscriptForExport | null {
  const row = baseQuery(db).where(and(eq(exchangeTranscripts.id, transcriptId), eq(exchangeTranscripts.status, "released"))).get();
  return row ? assemble(db, shape(row)) : null;
}

export interface PreparationForExport {
  readonly exchangeId: number;
  readonly userId: number;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
  readonly submittedAt: number;
}

/** Every submitted preparation of a project (drafts are never exported). */
export function preparationsForExport(db: Db, projectId: number): PreparationForExport[] {
  return db
    .select({
      exchangeId: exchangePreparations.exchangeId,
      userId: exchangePreparations.userId,
      instrumentId: exchangePreparations.instrumentId,
      instrumentVersion: exchangePreparations.instrumentVersion,
      answers: exchangePreparations.answers,
      submittedAt: exchangePreparations.submittedAt,
    })
    .from(exchangePreparations)
    .innerJoin(exchanges, eq(exchanges.id, exchangePreparations.exchangeId))
    .where(and(eq(exchanges.projectId, projectId), isNotNull(exchangePreparations.submittedAt), isNotNull(exchangePreparations.answers)))
    .orderBy(asc(exchangePreparations.exchangeId), asc(exchangePreparations.userId))
    .all()
    .map((r) => ({ ...r, answers: r.answers ?? {}, submittedAt: r.submittedAt ?? 0 }));
}
