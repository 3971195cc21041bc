// Monthly submission: «Lever logg for <måned>» makes the month read-only for the job specialist;
// a researcher can reopen it. Every submission and reopening is kept in log_month_events and
// in the audit log.
import { and, asc, count, eq } from "drizzle-orm";
import { logMonthEvents, logMonths, logNotes, users } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";

export type MonthStatus = "open" | "submitted" | "reopened";

export interface MonthState {
  readonly status: MonthStatus;
  readonly submittedAt: number | null;
  readonly reopenedAt: number | null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function getMonthState(db: DbOrTx, authorId: number, month: string): MonthState {
  const row = db
    .select({ status: logMonths.status, submittedAt: logMonths.submittedAt, reopenedAt: logMonths.reopenedAt })
    .from(logMonths)
    .where(and(eq(logMonths.authorId, authorId), eq(logMonths.month, month)))
    .get();
  return row ?? { status: "open", submittedAt: null, reopenedAt: null };
}

/** A job specialist may add, change and delete notes in a month until it is submitted. */
export function isMonthWritable(db: DbOrTx, authorId: number, month: string): boolean {
  return getMonthState(db, authorId, month).status !== "submitted";
}

export function countMonthNotes(db: DbOrTx, authorId: number, month: string): number {
  return db.select({ n: count() }).from(logNotes).where(and(eq(logNotes.authorId, authorId), eq(logNotes.month, month))).get()?.n ?? 0;
}

export type SubmitOutcome = "submitted" | "already" | "empty";

/** Submits a month. An empty month cannot be submitted; submitting twice changes nothing. */
export function submitMonth(db: Db, author: { userId: number; projectId: number }, month: string): SubmitOutcome {
  return writeTransaction(db, (tx) => {
    const state = getMonthState(tx, author.userId, month);
    if (state.status === "submitted") return "already";
    const notes = countMonthNotes(tx, author.userId, month);
    if (notes === 0) return "empty";
    const at = nowSeconds();
    tx.insert(logMonths)
      .values({ authorId: author.userId, month, projectId: author.projectId, status: "submitted", submittedAt: at })
      .onConflictDoUpdate({ target: [logMonths.authorId, logMonths.month], set: { status: "submitted", submittedAt: at } })
      .run();
    tx.insert(logMonthEvents).values({ authorId: author.userId, month, kind: "submitted", actorId: author.userId, noteCount: notes, at }).run();
    audit(tx, author.userId, "log.month_submitted", `user:${author.userId}`, { month, notes });
    return "submitted";
  });
}

export type ReopenOutcome = "reopened" | "not-submitted";

/** A researcher reopens a submitted month so the job specialist can change it again. */
export function reopenMonth(db: Db, actorId: number, authorId: number, month: string, reason: string): ReopenOutcome {
  return writeTransaction(db, (tx) => {
    if (getMonthState(tx, authorId, month).status !== "submitted") return "not-submitted";
    const at = nowSeconds();
    tx.update(logMonths)
      .set({ status: "reopened", reopenedAt: at, reopenedBy: actorId })
      .where(and(eq(logMonths.authorId, authorId), eq(logMonths.month, month)))
      .run();
    const notes = countMonthNotes(tx, authorId, month);
    tx.insert(logMonthEvents).values({ authorId, month, kind: "reopened", actorId, reason, noteCount: notes, at }).run();
    audit(tx, actorId, "log.month_reopened", `user:${authorId}`, { month, reason });
    return "reopened";
  });
}

/** The history of a month: submissions and reopenings, oldest first, with who did it. */
export function monthEvents(db: Db, authorId: number, month: string) {
  return db
    .select({ id: logMonthEvents.id, kind: logMonthEvents.kind, at: logMonthEvents.at, reason: logMonthEvents.reason, noteCount: logMonthEvents.noteCount, actor: users.name })
    .from(logMonthEvents)
    .innerJoin(users, eq(users.id, logMonthEvents.actorId))
    .where(and(eq(logMonthEvents.authorId, authorId), eq(logMonthEvents.month, month)))
    .orderBy(asc(logMonthEvents.at), asc(logMonthEvents.id))
    .all();
}
