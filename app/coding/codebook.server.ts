// The project codebook: a tree of codes with their definitions and history, and the codings of
// log notes. Changing the codebook never loses what was coded: merging moves a code's codings to
// the other code, retiring keeps them (a retired code is shown, not offered), splitting adds new
// codes under the old one, which keeps its codings until they are recoded.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { codeEvents, codes, codings, memos, users, type CodeEventKind, type CodingSource } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";

export type Code = typeof codes.$inferSelect;

export interface CodeNode extends Code {
  readonly depth: number;
  /** Codings of this code (ordinary coding, not rounds). */
  readonly uses: number;
}

/** The codebook in tree order (parents before children, by position then name). */
export function codebookTree(db: Db, projectId: number): CodeNode[] {
  const all = db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.position), asc(codes.name)).all();
  const uses = new Map(
    db
      .select({ codeId: codings.codeId, n: sql<number>`count(*)` })
      .from(codings)
      .where(and(eq(codings.projectId, projectId), eq(codings.roundId, 0)))
      .groupBy(codings.codeId)
      .all()
      .map((r) => [r.codeId, r.n]),
  );
  const children = new Map<number | null, Code[]>();
  for (const c of all) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: CodeNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ ...c, depth, uses: uses.get(c.id) ?? 0 });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export interface CodeInput {
  readonly name: string;
  readonly parentId: number | null;
  readonly definition: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  readonly colour: string;
  readonly coResearchers: boolean;
}

function event(tx: DbOrTx, codeId: number, actorId: number, kind: CodeEventKind, details: Record<string, unknown> | null = null) {
  tx.insert(codeEvents).values({ codeId, actorId, kind, details }).run();
}

export function nameTaken(db: Db, projectId: number, name: string, except: number | null = null): boolean {
  const found = db.select({ id: codes.id }).from(codes).where(and(eq(codes.projectId, projectId), eq(codes.name, name))).get();
  return !!found && found.id !== except;
}

export function createCode(db: Db, actorId: number, projectId: number, input: CodeInput): number {
  return writeTransaction(db, (tx) => {
    const position = tx.select({ n: sql<number>`coalesce(max(position), 0) + 1` }).from(codes).where(eq(codes.projectId, projectId)).get()!.n;
    const { id } = tx
      .insert(codes)
      .values({ projectId, ...input, position })
      .returning({ id: codes.id })
      .get();
    event(tx, id, actorId, "created", { name: input.name });
    audit(tx, actorId, "coding.code_created", `project:${projectId}`, { projectId, code: input.name });
    return id;
  });
}

export function editCode(db: Db, actorId: number, code: Code, input: CodeInput) {
  writeTransaction(db, (tx) => {
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(input) as (keyof CodeInput)[]) if (code[key] !== input[key]) before[key] = code[key];
    if (Object.keys(before).length === 0) return;
    tx.update(codes).set(input).where(eq(codes.id, code.id)).run();
    event(tx, code.id, actorId, "edited", { before });
  });
}

export function retireCode(db: Db, actorId: number, code: Code, retire: boolean) {
  writeTransaction(db, (tx) => {
    tx.update(codes)
      .set({ retiredAt: retire ? Math.floor(Date.now() / 1000) : null })
      .where(eq(codes.id, code.id))
      .run();
    event(tx, code.id, actorId, retire ? "retired" : "restored");
  });
}

/** Moves every coding of `from` to `into` (one coding where both were applied), then retires `from`. */
export function mergeCode(db: Db, actorId: number, from: Code, into: Code): number {
  return writeTransaction(db, (tx) => {
    const moved = tx.all<{ n: number }>(sql`SELECT count(*) AS n FROM codings WHERE code_id = ${from.id}`)[0].n;
    tx.run(sql`UPDATE OR IGNORE codings SET code_id = ${into.id} WHERE code_id = ${from.id}`);
    // What could not move was already coded with `into` by the same coder at the same place.
    tx.delete(codings).where(eq(codings.codeId, from.id)).run();
    tx.update(memos).set({ codeId: into.id }).where(eq(memos.codeId, from.id)).run();
    tx.update(codes).set({ parentId: into.id }).where(eq(codes.parentId, from.id)).run();
    tx.update(codes)
      .set({ retiredAt: Math.floor(Date.now() / 1000), mergedInto: into.id })
      .where(eq(codes.id, from.id))
      .run();
    event(tx, from.id, actorId, "merged", { into: into.id, intoName: into.name, codings: moved });
    event(tx, into.id, actorId, "merged", { from: from.id, fromName: from.name, codings: moved });
    return moved;
  });
}

/** New codes under `code`, one per name; the old code keeps its codings until they are recoded. */
export function splitCode(db: Db, actorId: number, code: Code, names: readonly string[]): number[] {
  return writeTransaction(db, (tx) => {
    const ids = names.map((name, i) => {
      const { id } = tx
        .insert(codes)
        .values({ projectId: code.projectId, parentId: code.id, name, colour: code.colour, coResearchers: code.coResearchers, position: code.position * 100 + i + 1 })
        .returning({ id: codes.id })
        .get();
      event(tx, id, actorId, "created", { name, splitFrom: code.id });
      return id;
    });
    event(tx, code.id, actorId, "split", { into: names });
    return ids;
  });
}

export function codeHistory(db: Db, codeId: number) {
  return db
    .select({ id: codeEvents.id, kind: codeEvents.kind, details: codeEvents.details, at: codeEvents.at, actor: users.name })
    .from(codeEvents)
    .innerJoin(users, eq(users.id, codeEvents.actorId))
    .where(eq(codeEvents.codeId, codeId))
    .orderBy(asc(codeEvents.id))
    .all();
}

export function codeMemos(db: Db, codeId: number) {
  return db
    .select({ id: memos.id, text: memos.text, at: memos.createdAt, author: users.name })
    .from(memos)
    .innerJoin(users, eq(users.id, memos.authorId))
    .where(and(eq(memos.codeId, codeId), isNull(memos.codingId)))
    .orderBy(asc(memos.id))
    .all();
}

export function addMemo(db: Db, authorId: number, projectId: number, target: { codeId: number | null; codingId: number | null }, text: string) {
  writeTransaction(db, (tx) => tx.insert(memos).values({ projectId, authorId, ...target, text }).run());
}

/** Codes a coder may apply: all active codes for researchers, the co-researcher codes for others. */
export function usableCodes(db: Db, projectId: number, researcher: boolean, only: readonly number[] | null = null): Code[] {
  const active = db
    .select()
    .from(codes)
    .where(and(eq(codes.projectId, projectId), isNull(codes.retiredAt), only ? inArray(codes.id, [...only]) : undefined))
    .orderBy(asc(codes.position), asc(codes.name))
    .all();
  return only || researcher ? active : active.filter((c) => c.coResearchers);
}

/**
 * What a coder codes as a whole: a log note (source "note", field ""), a transcript turn (source
 * "turn", record = transcript, field = the turn's position) or an open answer (source "answer",
 * record = the answer, field = the item).
 */
export interface Unit {
  readonly source: CodingSource;
  readonly recordId: number;
  readonly field: string;
}

export const noteUnit = (noteId: number): Unit => ({ source: "note", recordId: noteId, field: "" });
const unitKey = (recordId: number, field: string) => `${recordId}:${field}`;

/**
 * Sets the codes a coder applied to a whole unit (in a round or not): those in `codeIds` are
 * applied, the other `allowed` ones removed. Passages are left alone.
 */
export function setWholeCodes(db: Db, projectId: number, coderId: number, unit: Unit, roundId: number, allowed: readonly number[], codeIds: readonly number[]) {
  writeTransaction(db, (tx) => {
    const keep = new Set(codeIds.filter((id) => allowed.includes(id)));
    const where = and(eq(codings.coderId, coderId), eq(codings.source, unit.source), eq(codings.noteId, unit.recordId), eq(codings.roundId, roundId), eq(codings.field, unit.field), eq(codings.end, 0));
    const current = tx.select({ id: codings.id, codeId: codings.codeId }).from(codings).where(where).all();
    for (const c of current) if (!keep.has(c.codeId) && allowed.includes(c.codeId)) tx.delete(codings).where(eq(codings.id, c.id)).run();
    for (const codeId of keep) tx.insert(codings).values({ projectId, codeId, coderId, source: unit.source, noteId: unit.recordId, field: unit.field, roundId }).onConflictDoNothing().run();
  });
}

/** Codes one coder applied to whole units of a source, keyed "record:field". */
export function wholeCodes(db: Db, coderId: number, source: CodingSource, recordIds: readonly number[], roundId: number): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  if (recordIds.length === 0) return out;
  for (const r of db
    .select({ recordId: codings.noteId, field: codings.field, codeId: codings.codeId })
    .from(codings)
    .where(and(eq(codings.coderId, coderId), eq(codings.source, source), inArray(codings.noteId, [...recordIds]), eq(codings.roundId, roundId), eq(codings.end, 0)))
    .all()) {
    const key = unitKey(r.recordId, r.field);
    out.set(key, (out.get(key) ?? new Set()).add(r.codeId));
  }
  return out;
}

/** Sets the codes a coder applied to a whole note (in a round or not). */
export function setNoteCodes(db: Db, projectId: number, coderId: number, noteId: number, roundId: number, allowed: readonly number[], codeIds: readonly number[]) {
  setWholeCodes(db, projectId, coderId, noteUnit(noteId), roundId, allowed, codeIds);
}

/** Codes one coder applied to whole notes, per note. */
export function noteCodes(db: Db, coderId: number, noteIds: readonly number[], roundId: number): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const [key, set] of wholeCodes(db, coderId, "note", noteIds, roundId)) if (key.endsWith(":")) out.set(Number(key.slice(0, -1)), set);
  return out;
}

/** A passage of a unit's text coded by one coder (round 0: outside rounds); start and end in code points. For notes `field` is the note's field. */
export function addPassage(db: Db, projectId: number, coderId: number, unit: Unit, start: number, end: number, codeId: number, roundId = 0) {
  writeTransaction(db, (tx) =>
    tx.insert(codings).values({ projectId, codeId, coderId, source: unit.source, noteId: unit.recordId, field: unit.field, start, end, roundId }).onConflictDoNothing().run(),
  );
}

/** Removes one of the coder's own passages of a record (round 0: outside rounds). */
export function removePassage(db: Db, coderId: number, source: CodingSource, recordId: number, codingId: number, roundId = 0) {
  writeTransaction(db, (tx) =>
    tx
      .delete(codings)
      .where(and(eq(codings.id, codingId), eq(codings.coderId, coderId), eq(codings.source, source), eq(codings.noteId, recordId), eq(codings.roundId, roundId), sql`${codings.end} > 0`))
      .run(),
  );
}

export interface Passage {
  readonly id: number;
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly codeId: number;
  readonly code: string;
  readonly memos: readonly { id: number; text: string; author: string; at: number }[];
}

/** One coder's passages per record of a source (round 0: outside rounds), with the code and the memos on them, in text order. */
export function passagesOf(db: Db, coderId: number, source: CodingSource, recordIds: readonly number[], roundId = 0): Map<number, Passage[]> {
  const out = new Map<number, Passage[]>();
  if (recordIds.length === 0) return out;
  const rows = db
    .select({ id: codings.id, recordId: codings.noteId, field: codings.field, start: codings.start, end: codings.end, codeId: codings.codeId, code: codes.name })
    .from(codings)
    .innerJoin(codes, eq(codes.id, codings.codeId))
    .where(and(eq(codings.coderId, coderId), eq(codings.source, source), inArray(codings.noteId, [...recordIds]), eq(codings.roundId, roundId), sql`${codings.end} > 0`))
    .orderBy(asc(codings.field), asc(codings.start))
    .all();
  const notes = new Map<number, Passage["memos"][number][]>();
  if (rows.length) {
    for (const m of db
      .select({ id: memos.id, codingId: memos.codingId, text: memos.text, at: memos.createdAt, author: users.name })
      .from(memos)
      .innerJoin(users, eq(users.id, memos.authorId))
      .where(inArray(memos.codingId, rows.map((r) => r.id)))
      .orderBy(asc(memos.id))
      .all()) {
      notes.set(m.codingId!, [...(notes.get(m.codingId!) ?? []), { id: m.id, text: m.text, author: m.author, at: m.at }]);
    }
  }
  for (const r of rows) out.set(r.recordId, [...(out.get(r.recordId) ?? []), { id: r.id, field: r.field, start: r.start, end: r.end, codeId: r.codeId, code: r.code, memos: notes.get(r.id) ?? [] }]);
  return out;
}

/** One coder's passages per note (outside rounds). */
export function notePassages(db: Db, coderId: number, noteIds: readonly number[]) {
  return passagesOf(db, coderId, "note", noteIds);
}

/** The coder's own passage (outside rounds), for a memo on it; null when it is not theirs. */
export function ownPassage(db: Db, coderId: number, codingId: number) {
  return db.select().from(codings).where(and(eq(codings.id, codingId), eq(codings.coderId, coderId), eq(codings.roundId, 0), sql`${codings.end} > 0`)).get() ?? null;
}
