// Pilot rounds (issue 14): a researcher sends a version of an instrument (a draft, before it is
// published) to chosen job specialists or case leads; they fill it in and comment per item; the
// researcher answers the comments and marks them resolved. Pilot answers stay in pilot tables,
// apart from every real answer, and only the pilot's own data set reads them.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { instrumentVersions, pilotComments, pilotParticipants, pilotRounds, users } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";

export type PilotRound = typeof pilotRounds.$inferSelect;

/** People who can be asked to pilot: active job specialists and case leads. */
export function pilotCandidates(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ["job_specialist", "case_lead"]), eq(users.active, true)))
    .orderBy(asc(users.role), asc(users.name))
    .all();
}

export function createPilot(db: Db, actorId: number, versionId: number, title: string, userIds: readonly number[]): number {
  return writeTransaction(db, (tx) => {
    const { id } = tx.insert(pilotRounds).values({ versionId, title, createdBy: actorId }).returning({ id: pilotRounds.id }).get();
    for (const userId of userIds) tx.insert(pilotParticipants).values({ roundId: id, userId }).run();
    const version = tx.select({ instrumentId: instrumentVersions.instrumentId, version: instrumentVersions.version }).from(instrumentVersions).where(eq(instrumentVersions.id, versionId)).get()!;
    audit(tx, actorId, "instrument.pilot_started", `instrument:${version.instrumentId}`, { instrument: version.instrumentId, version: version.version, people: userIds.length });
    return id;
  });
}

export function pilotRound(db: Db, id: number) {
  return db
    .select({ round: pilotRounds, version: instrumentVersions })
    .from(pilotRounds)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, pilotRounds.versionId))
    .where(eq(pilotRounds.id, id))
    .get();
}

export function roundsOfVersion(db: Db, versionId: number) {
  return db.select().from(pilotRounds).where(eq(pilotRounds.versionId, versionId)).orderBy(desc(pilotRounds.id)).all();
}

/** The open rounds a person is invited to, newest first, with whether they have sent answers. */
export function pilotsFor(db: Db, userId: number) {
  return db
    .select({ id: pilotRounds.id, title: pilotRounds.title, submittedAt: pilotParticipants.submittedAt })
    .from(pilotParticipants)
    .innerJoin(pilotRounds, eq(pilotRounds.id, pilotParticipants.roundId))
    .where(and(eq(pilotParticipants.userId, userId), isNull(pilotRounds.closedAt)))
    .orderBy(desc(pilotRounds.id))
    .all();
}

export function participants(db: Db, roundId: number) {
  return db
    .select({ userId: pilotParticipants.userId, name: users.name, role: users.role, answers: pilotParticipants.answers, submittedAt: pilotParticipants.submittedAt })
    .from(pilotParticipants)
    .innerJoin(users, eq(users.id, pilotParticipants.userId))
    .where(eq(pilotParticipants.roundId, roundId))
    .orderBy(asc(users.name))
    .all();
}

export function isInvited(db: Db, roundId: number, userId: number): boolean {
  return !!db.select({ u: pilotParticipants.userId }).from(pilotParticipants).where(and(eq(pilotParticipants.roundId, roundId), eq(pilotParticipants.userId, userId))).get();
}

/** A participant's answers, checked by the instrument's own validator; sending again replaces them. */
export function saveAnswers(db: Db, roundId: number, userId: number, answers: Record<string, string | number | null>) {
  writeTransaction(db, (tx) =>
    tx
      .update(pilotParticipants)
      .set({ answers, submittedAt: Math.floor(Date.now() / 1000) })
      .where(and(eq(pilotParticipants.roundId, roundId), eq(pilotParticipants.userId, userId)))
      .run(),
  );
}

export function comments(db: Db, roundId: number) {
  return db
    .select({ id: pilotComments.id, item: pilotComments.item, text: pilotComments.text, replyTo: pilotComments.replyTo, createdAt: pilotComments.createdAt, resolvedAt: pilotComments.resolvedAt, authorId: pilotComments.authorId, author: users.name, role: users.role })
    .from(pilotComments)
    .innerJoin(users, eq(users.id, pilotComments.authorId))
    .where(eq(pilotComments.roundId, roundId))
    .orderBy(asc(pilotComments.id))
    .all();
}

/** A comment (or a reply); the same client key twice from one author is one comment. */
export function addComment(db: Db, round: PilotRound, authorId: number, input: { item: string; text: string; replyTo: number | null; clientKey: string }) {
  writeTransaction(db, (tx) => tx.insert(pilotComments).values({ versionId: round.versionId, roundId: round.id, authorId, ...input }).onConflictDoNothing().run());
}

export function setResolved(db: Db, roundId: number, commentId: number, actorId: number, resolved: boolean): boolean {
  return writeTransaction(
    db,
    (tx) =>
      tx
        .update(pilotComments)
        .set(resolved ? { resolvedAt: Math.floor(Date.now() / 1000), resolvedBy: actorId } : { resolvedAt: null, resolvedBy: null })
        .where(and(eq(pilotComments.id, commentId), eq(pilotComments.roundId, roundId), isNull(pilotComments.replyTo)))
        .run().changes > 0,
  );
}

export function closeRound(db: Db, roundId: number, actorId: number) {
  writeTransaction(db, (tx) => {
    const changed = tx
      .update(pilotRounds)
      .set({ closedAt: Math.floor(Date.now() / 1000) })
      .where(and(eq(pilotRounds.id, roundId), isNull(pilotRounds.closedAt)))
      .run().changes;
    if (changed) audit(tx, actorId, "instrument.pilot_closed", `pilot:${roundId}`, { round: roundId });
  });
}
