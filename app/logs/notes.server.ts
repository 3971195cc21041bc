// Log notes: create (idempotent by the form's draft key), change and delete while the month is
// open, and read one's own. Writes run in one transaction with the month check, so a note can
// never slip into a month that was submitted a moment before.
import { and, asc, eq, sql } from "drizzle-orm";
import { logDrafts, logMonths, logNotes } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import type { Answers } from "~/instruments/types";
import { deleteDraft, deleteDraftsOfNote } from "./drafts.server";
import type { LogAuthor } from "./author.server";
import type { LogShape } from "./instrument";
import { monthOf } from "./months";
import { isMonthWritable } from "./submission.server";

export interface NoteInput {
  readonly answers: Answers;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly flags: readonly string[];
}

/** Lower-cased free text of a note, what search looks in. */
export function searchTextOf(shape: LogShape, answers: Answers): string {
  return shape.texts
    .map((t) => answers[t.name])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join("\n")
    .toLocaleLowerCase("nb");
}

function columns(shape: LogShape, input: NoteInput) {
  const date = String(input.answers[shape.date]);
  return {
    date,
    month: monthOf(date),
    step: Number(input.answers[shape.step]),
    instrumentId: input.instrumentId,
    instrumentVersion: input.instrumentVersion,
    answers: input.answers,
    searchText: searchTextOf(shape, input.answers),
    flags: [...input.flags],
  };
}

export type SaveOutcome =
  | { readonly ok: true; readonly noteId: number; readonly month: string; readonly created: boolean }
  | { readonly ok: false; readonly reason: "month-submitted"; readonly month: string }
  | { readonly ok: false; readonly reason: "not-found" };

// Saving a new note is the hot path (every submit of the log form): its statements are
// prepared once per database, which takes drizzle's query building and SQLite's statement
// compilation out of each request (about 0.3 ms of 0.5 ms; see the log-submission benchmark).
const placeholder = (name: string) => sql.placeholder(name);

function prepareCreate(db: Db) {
  return {
    byKey: db
      .select({ id: logNotes.id, month: logNotes.month })
      .from(logNotes)
      .where(and(eq(logNotes.authorId, placeholder("authorId")), eq(logNotes.clientKey, placeholder("clientKey"))))
      .prepare(),
    monthStatus: db
      .select({ status: logMonths.status })
      .from(logMonths)
      .where(and(eq(logMonths.authorId, placeholder("authorId")), eq(logMonths.month, placeholder("month"))))
      .prepare(),
    insert: db
      .insert(logNotes)
      .values({
        projectId: placeholder("projectId"),
        authorId: placeholder("authorId"),
        caseProjectId: placeholder("caseProjectId"),
        clientKey: placeholder("clientKey"),
        month: placeholder("month"),
        date: placeholder("date"),
        step: placeholder("step"),
        instrumentId: placeholder("instrumentId"),
        instrumentVersion: placeholder("instrumentVersion"),
        answers: placeholder("answers"),
        searchText: placeholder("searchText"),
        flags: placeholder("flags"),
      })
      .returning({ id: logNotes.id })
      .prepare(),
    deleteDraft: db
      .delete(logDrafts)
      .where(and(eq(logDrafts.authorId, placeholder("authorId")), eq(logDrafts.draftKey, placeholder("draftKey"))))
      .prepare(),
  };
}

const preparedCreate = new WeakMap<Db, ReturnType<typeof prepareCreate>>();

/**
 * Saves a new note under the form's draft key. The same key again (a double click, a
 * resubmitted form) updates that one note instead of adding a second.
 */
export function createNote(db: Db, author: LogAuthor, shape: LogShape, clientKey: string, input: NoteInput): SaveOutcome {
  const values = columns(shape, input);
  let q = preparedCreate.get(db);
  if (!q) preparedCreate.set(db, (q = prepareCreate(db)));
  const statements = q;
  const open = (month: string) => statements.monthStatus.get({ authorId: author.userId, month })?.status !== "submitted";
  return writeTransaction(db, (tx) => {
    const existing = statements.byKey.get({ authorId: author.userId, clientKey });
    if (!open(values.month)) return { ok: false, reason: "month-submitted", month: values.month };
    if (existing) {
      if (!open(existing.month)) return { ok: false, reason: "month-submitted", month: existing.month };
      tx.update(logNotes).set({ ...values, updatedAt: Math.floor(Date.now() / 1000) }).where(eq(logNotes.id, existing.id)).run();
      deleteDraft(tx, author.userId, clientKey);
      return { ok: true, noteId: existing.id, month: values.month, created: false };
    }
    const row = statements.insert.get({
      ...values,
      projectId: author.projectId,
      authorId: author.userId,
      caseProjectId: author.caseProjectId,
      clientKey,
    })!;
    statements.deleteDraft.run({ authorId: author.userId, draftKey: clientKey });
    return { ok: true, noteId: row.id, month: values.month, created: true };
  });
}

/** Changes one of the author's notes; both the old and the new month must be open. */
export function updateNote(db: Db, author: LogAuthor, shape: LogShape, noteId: number, draftKey: string | null, input: NoteInput): SaveOutcome {
  const values = columns(shape, input);
  return writeTransaction(db, (tx) => {
    const existing = tx
      .select({ id: logNotes.id, month: logNotes.month })
      .from(logNotes)
      .where(and(eq(logNotes.id, noteId), eq(logNotes.authorId, author.userId)))
      .get();
    if (!existing) return { ok: false, reason: "not-found" };
    for (const month of [existing.month, values.month]) {
      if (!isMonthWritable(tx, author.userId, month)) return { ok: false, reason: "month-submitted", month };
    }
    tx.update(logNotes).set({ ...values, updatedAt: Math.floor(Date.now() / 1000) }).where(eq(logNotes.id, noteId)).run();
    deleteDraftsOfNote(tx, author.userId, noteId);
    if (draftKey) deleteDraft(tx, author.userId, draftKey);
    audit(tx, author.userId, "log.note_changed", `log_note:${noteId}`);
    return { ok: true, noteId, month: values.month, created: false };
  });
}

export type DeleteOutcome = "deleted" | "not-found" | "month-submitted";

export function deleteNote(db: Db, authorId: number, noteId: number): DeleteOutcome {
  return writeTransaction(db, (tx) => {
    const existing = tx.select({ month: logNotes.month }).from(logNotes).where(and(eq(logNotes.id, noteId), eq(logNotes.authorId, authorId))).get();
    if (!existing) return "not-found";
    if (!isMonthWritable(tx, authorId, existing.month)) return "month-submitted";
    deleteDraftsOfNote(tx, authorId, noteId);
    tx.delete(logNotes).where(eq(logNotes.id, noteId)).run();
    audit(tx, authorId, "log.note_deleted", `log_note:${noteId}`, { month: existing.month });
    return "deleted";
  });
}

const noteColumns = {
  id: logNotes.id,
  date: logNotes.date,
  month: logNotes.month,
  step: logNotes.step,
  answers: logNotes.answers,
  flags: logNotes.flags,
  updatedAt: logNotes.updatedAt,
};

export type NoteRow = { id: number; date: string; month: string; step: number; answers: Answers; flags: string[]; updatedAt: number };

/** One of the author's own notes (undefined for anyone else's: existence is not revealed). */
export function getOwnNote(db: Db, authorId: number, noteId: number): NoteRow | undefined {
  return db.select(noteColumns).from(logNotes).where(and(eq(logNotes.id, noteId), eq(logNotes.authorId, authorId))).get();
}

export function listMonthNotes(db: Db, authorId: number, month: string): NoteRow[] {
  return db
    .select(noteColumns)
    .from(logNotes)
    .where(and(eq(logNotes.authorId, authorId), eq(logNotes.month, month)))
    .orderBy(asc(logNotes.date), asc(logNotes.id))
    .all();
}

/** True when a note was saved from the form with this draft key. */
export function noteKeyTaken(db: Db, authorId: number, clientKey: string): boolean {
  return !!db.select({ id: logNotes.id }).from(logNotes).where(and(eq(logNotes.authorId, authorId), eq(logNotes.clientKey, clientKey))).get();
}
