// Notes in progress. Each note form carries a random draft key made when the page is rendered;
// what is typed is saved under (author, draft key) as the person types (JavaScript) and on every
// rejected submit (without). When the note is saved the draft goes; the note keeps the key as
// its idempotency key, so a late autosave or a resubmitted form cannot bring either back twice.
import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { logDrafts, logNotes } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/connection.server";
import type { LogShape } from "./instrument";

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** Longest value kept per field: the longest valid answer plus room for a paste. */
const MAX_FIELD = 110_000;

export function newDraftKey(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export function isDraftKey(value: unknown): value is string {
  return typeof value === "string" && KEY_PATTERN.test(value);
}

/** The instrument's own fields from a posted form, as typed (nothing else is kept). */
export function draftValuesFrom(shape: LogShape, formData: FormData | URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of shape.fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, MAX_FIELD);
  }
  return values;
}

export function hasContent(values: Record<string, string>): boolean {
  return Object.values(values).some((v) => v.trim() !== "");
}

export type DraftSaveOutcome = "saved" | "already-saved" | "empty";

/**
 * Saves (or replaces) the draft under `draftKey`. A draft of a new note whose key already
 * names a saved note is not kept: the note was saved meanwhile (a late autosave).
 */
export function saveDraft(
  db: DbOrTx,
  authorId: number,
  draftKey: string,
  values: Record<string, string>,
  noteId: number | null,
): DraftSaveOutcome {
  if (noteId === null) {
    const saved = db.select({ id: logNotes.id }).from(logNotes).where(and(eq(logNotes.authorId, authorId), eq(logNotes.clientKey, draftKey))).get();
    if (saved) return "already-saved";
    if (!hasContent(values)) {
      deleteDraft(db, authorId, draftKey);
      return "empty";
    }
  }
  const updatedAt = Math.floor(Date.now() / 1000);
  db.insert(logDrafts)
    .values({ authorId, draftKey, noteId, values, updatedAt })
    .onConflictDoUpdate({ target: [logDrafts.authorId, logDrafts.draftKey], set: { values, noteId, updatedAt } })
    .run();
  return "saved";
}

export function getDraft(db: Db, authorId: number, draftKey: string) {
  return db.select().from(logDrafts).where(and(eq(logDrafts.authorId, authorId), eq(logDrafts.draftKey, draftKey))).get();
}

/** Drafts of new notes, newest first. */
export function listNewNoteDrafts(db: Db, authorId: number) {
  return db
    .select({ draftKey: logDrafts.draftKey, values: logDrafts.values, updatedAt: logDrafts.updatedAt })
    .from(logDrafts)
    .where(and(eq(logDrafts.authorId, authorId), isNull(logDrafts.noteId)))
    .orderBy(desc(logDrafts.updatedAt), desc(logDrafts.id))
    .all();
}

/** The newest unsaved change to an existing note. */
export function draftForNote(db: Db, authorId: number, noteId: number) {
  return db
    .select({ draftKey: logDrafts.draftKey, values: logDrafts.values, updatedAt: logDrafts.updatedAt })
    .from(logDrafts)
    .where(and(eq(logDrafts.authorId, authorId), eq(logDrafts.noteId, noteId)))
    .orderBy(desc(logDrafts.updatedAt), desc(logDrafts.id))
    .get();
}

export function deleteDraft(db: DbOrTx, authorId: number, draftKey: string) {
  db.delete(logDrafts).where(and(eq(logDrafts.authorId, authorId), eq(logDrafts.draftKey, draftKey))).run();
}

export function deleteDraftsOfNote(db: DbOrTx, authorId: number, noteId: number) {
  db.delete(logDrafts).where(and(eq(logDrafts.authorId, authorId), eq(logDrafts.noteId, noteId))).run();
}
