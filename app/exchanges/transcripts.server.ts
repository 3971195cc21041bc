// Transcripts and notes of an exchange. A transcript comes in private: only the researcher
// who brought it in sees it, with the known names already replaced by role pseudonyms, and can
// add replacements until nothing identifying is left. Releasing it shows the pseudonymised
// text to the other researchers and freezes it, so turn and code offsets stay valid. The
// original is kept (the report's edit-with-audit-trail rule) but shown to nobody else.
import { and, asc, eq, or } from "drizzle-orm";
import { exchangeTranscriptCodes, exchangeTranscriptTurns, exchangeTranscripts, users, type TranscriptSource } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import { isChapterCode } from "./chapter-codes";
import { applyReplacements, parseTurns, type Replacement } from "./transcript-text";

export type Transcript = typeof exchangeTranscripts.$inferSelect;
export type TranscriptTurn = typeof exchangeTranscriptTurns.$inferSelect;
export type TranscriptCode = typeof exchangeTranscriptCodes.$inferSelect;

/** Most replacement rows kept per transcript. */
export const MAX_REPLACEMENTS = 200;

function storeTurns(tx: DbOrTx, transcriptId: number, text: string) {
  tx.delete(exchangeTranscriptTurns).where(eq(exchangeTranscriptTurns.transcriptId, transcriptId)).run();
  const turns = parseTurns(text);
  // Inserted in chunks: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < turns.length; i += 150) {
    tx.insert(exchangeTranscriptTurns)
      .values(turns.slice(i, i + 150).map((t, j) => ({ transcriptId, position: i + j + 1, speaker: t.speaker, start: t.start, end: t.end })))
      .run();
  }
}

export interface NewTranscript {
  readonly exchangeId: number;
  readonly title: string;
  readonly source: TranscriptSource;
  readonly fileName: string | null;
  /** Normalised text (transcript-text.ts normaliseText). */
  readonly text: string;
  readonly replacements: readonly Replacement[];
}

/** Stores a transcript (private); the same client key from the same person returns the first one. */
export function createTranscript(db: Db, input: NewTranscript, actorId: number, clientKey: string): number {
  return writeTransaction(db, (tx) => {
    const existing = tx
      .select({ id: exchangeTranscripts.id })
      .from(exchangeTranscripts)
      .where(and(eq(exchangeTranscripts.createdBy, actorId), eq(exchangeTranscripts.clientKey, clientKey)))
      .get();
    if (existing) return existing.id;
    const pseudonymised = applyReplacements(input.text, input.replacements);
    const row = tx
      .insert(exchangeTranscripts)
      .values({
        exchangeId: input.exchangeId,
        title: input.title.trim(),
        source: input.source,
        fileName: input.fileName,
        originalText: input.text,
        pseudonymisedText: pseudonymised,
        replacements: [...input.replacements],
        clientKey,
        createdBy: actorId,
      })
      .returning({ id: exchangeTranscripts.id })
      .get();
    storeTurns(tx, row.id, pseudonymised);
    audit(tx, actorId, "exchange.transcript_added", `transcript:${row.id}`, { exchangeId: input.exchangeId, source: input.source });
    return row.id;
  });
}

/** Who may see a transcript: its uploader always; other researchers once it is released. */
function visibleTo(viewerId: number) {
  return or(eq(exchangeTranscripts.status, "released"), eq(exchangeTranscripts.createdBy, viewerId));
}

export function listTranscripts(db: Db, exchangeId: number, viewerId: number) {
  return db
    .select({
      id: exchangeTranscripts.id,
      title: exchangeTranscripts.title,
      source: exchangeTranscripts.source,
      fileName: exchangeTranscripts.fileName,
      status: exchangeTranscripts.status,
      nvivoExport: exchangeTranscripts.nvivoExport,
      createdAt: exchangeTranscripts.createdAt,
      createdBy: users.name,
    })
    .from(exchangeTranscripts)
    .innerJoin(users, eq(users.id, exchangeTranscripts.createdBy))
    .where(and(eq(exchangeTranscripts.exchangeId, exchangeId), visibleTo(viewerId)))
    .orderBy(asc(exchangeTranscripts.id))
    .all();
}

export function getTranscript(db: Db, exchangeId: number, transcriptId: number, viewerId: number): Transcript | undefined {
  return db
    .select()
    .from(exchangeTranscripts)
    .where(and(eq(exchangeTranscripts.id, transcriptId), eq(exchangeTranscripts.exchangeId, exchangeId), visibleTo(viewerId)))
    .get();
}

export function turnsOf(db: DbOrTx, transcriptId: number): TranscriptTurn[] {
  return db.select().from(exchangeTranscriptTurns).where(eq(exchangeTranscriptTurns.transcriptId, transcriptId)).orderBy(asc(exchangeTranscriptTurns.position)).all();
}

export function codesOf(db: DbOrTx, transcriptId: number): TranscriptCode[] {
  return db
    .select()
    .from(exchangeTranscriptCodes)
    .where(eq(exchangeTranscriptCodes.transcriptId, transcriptId))
    .orderBy(asc(exchangeTranscriptCodes.start), asc(exchangeTranscriptCodes.code))
    .all();
}

export type EditOutcome = "ok" | "frozen";

/** New replacement list (private transcripts only): the text is made again from the original. */
export function setReplacements(db: Db, transcript: Transcript, replacements: readonly Replacement[]): EditOutcome {
  if (transcript.status !== "private") return "frozen";
  const list = replacements.filter((r) => r.from.trim() !== "").slice(0, MAX_REPLACEMENTS);
  const text = applyReplacements(transcript.originalText, list);
  writeTransaction(db, (tx) => {
    tx.update(exchangeTranscripts).set({ replacements: list.map((r) => ({ from: r.from.trim(), to: r.to.trim() })), pseudonymisedText: text }).where(eq(exchangeTranscripts.id, transcript.id)).run();
    storeTurns(tx, transcript.id, text);
  });
  return "ok";
}

export function releaseTranscript(db: Db, transcript: Transcript, actorId: number): void {
  if (transcript.status === "released") return;
  db.update(exchangeTranscripts).set({ status: "released", releasedAt: Math.floor(Date.now() / 1000) }).where(eq(exchangeTranscripts.id, transcript.id)).run();
  audit(db, actorId, "exchange.transcript_released", `transcript:${transcript.id}`);
}

/** Opens a released transcript to (or closes it for) coding by the job specialists who attended its exchange. */
export function setCoResearchers(db: Db, transcriptId: number, open: boolean, actorId: number): void {
  writeTransaction(db, (tx) => {
    const changed = tx
      .update(exchangeTranscripts)
      .set({ coResearchers: open })
      .where(and(eq(exchangeTranscripts.id, transcriptId), eq(exchangeTranscripts.status, "released"), eq(exchangeTranscripts.coResearchers, !open)))
      .run().changes;
    if (changed) audit(tx, actorId, open ? "coding.transcript_opened" : "coding.transcript_closed", `transcript:${transcriptId}`);
  });
}

export function setNvivoExport(db: Db, transcriptId: number, flag: boolean): void {
  db.update(exchangeTranscripts).set({ nvivoExport: flag }).where(eq(exchangeTranscripts.id, transcriptId)).run();
}

/** A private transcript can be thrown away by the person who brought it in. */
export function deleteTranscript(db: Db, transcript: Transcript, actorId: number): EditOutcome {
  if (transcript.status !== "private") return "frozen";
  db.delete(exchangeTranscripts).where(eq(exchangeTranscripts.id, transcript.id)).run();
  audit(db, actorId, "exchange.transcript_deleted", `transcript:${transcript.id}`);
  return "ok";
}

/**
 * Sets the chapter codes of whole turns: `chosen` maps a turn position to its codes. Codes on
 * other spans (passages) are left alone. Coding needs the frozen (released) text.
 */
export function setTurnCodes(db: Db, transcript: Transcript, chosen: ReadonlyMap<number, readonly string[]>, actorId: number): EditOutcome {
  if (transcript.status !== "released") return "frozen";
  writeTransaction(db, (tx) => {
    const existing = codesOf(tx, transcript.id);
    for (const turn of turnsOf(tx, transcript.id)) {
      const want = new Set((chosen.get(turn.position) ?? []).filter(isChapterCode));
      const onTurn = existing.filter((c) => c.start === turn.start && c.end === turn.end);
      for (const c of onTurn) if (!want.has(c.code)) tx.delete(exchangeTranscriptCodes).where(eq(exchangeTranscriptCodes.id, c.id)).run();
      for (const code of want) {
        if (onTurn.some((c) => c.code === code)) continue;
        tx.insert(exchangeTranscriptCodes).values({ transcriptId: transcript.id, code, start: turn.start, end: turn.end, createdBy: actorId }).onConflictDoNothing().run();
      }
    }
  });
  return "ok";
}

/** Codes a span (code points, end exclusive); the same code on the same span is kept once. */
export function addSpanCode(db: Db, transcript: Transcript, code: string, start: number, end: number, actorId: number): EditOutcome {
  if (transcript.status !== "released") return "frozen";
  if (!isChapterCode(code) || end <= start) throw new Error("invalid code span");
  db.insert(exchangeTranscriptCodes).values({ transcriptId: transcript.id, code, start, end, createdBy: actorId }).onConflictDoNothing().run();
  return "ok";
}

export function deleteCode(db: Db, transcriptId: number, codeId: number): void {
  db.delete(exchangeTranscriptCodes).where(and(eq(exchangeTranscriptCodes.transcriptId, transcriptId), eq(exchangeTranscriptCodes.id, codeId))).run();
}
