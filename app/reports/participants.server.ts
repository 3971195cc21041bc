// The participants a job specialist follows: added with a platform-made code and the date their
// consent was obtained, listed and opened only by that job specialist, and their consent
// withdrawn (recorded, never undone). Every query is scoped to the job specialist in its `where`.
import { and, asc, eq, isNull } from "drizzle-orm";
import { caseProjects, organisations, reportDrafts, reportParticipants, reportVersions, users, type Programme } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { versionAsOf } from "./as-of";
import { newParticipantCode } from "./codes.server";

/** A job specialist with a placement: who may add participants and write reports. */
export interface Reporter {
  readonly userId: number;
  readonly caseProjectId: number;
  readonly caseProjectName: string;
  readonly programme: Programme;
  readonly projectId: number;
}

export function getReporter(db: Db, user: Pick<SessionUser, "id" | "role" | "caseProjectId">): Reporter | null {
  if (user.role !== "job_specialist" || !user.caseProjectId) return null;
  const row = db
    .select({ caseProjectId: caseProjects.id, caseProjectName: caseProjects.name, programme: caseProjects.programme, projectId: organisations.projectId })
    .from(caseProjects)
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(eq(caseProjects.id, user.caseProjectId))
    .get();
  return row ? { userId: user.id, ...row } : null;
}

export type Participant = typeof reportParticipants.$inferSelect;

export interface NewParticipant {
  readonly clientKey: string;
  readonly startMonth: string;
  readonly consentDate: string;
}

/**
 * Adds a participant with a fresh code. The same form key again (a double click, a reload of
 * the POST) returns the participant the first submit made instead of adding a twin.
 */
export function createParticipant(db: Db, reporter: Reporter, input: NewParticipant, random?: () => number): { code: string; created: boolean } {
  return writeTransaction(db, (tx) => {
    const existing = tx
      .select({ code: reportParticipants.code })
      .from(reportParticipants)
      .where(and(eq(reportParticipants.jsId, reporter.userId), eq(reportParticipants.clientKey, input.clientKey)))
      .get();
    if (existing) return { code: existing.code, created: false };
    let code = newParticipantCode(random);
    while (tx.select({ id: reportParticipants.id }).from(reportParticipants).where(eq(reportParticipants.code, code)).get()) {
      code = newParticipantCode(random);
    }
    const row = tx
      .insert(reportParticipants)
      .values({
        projectId: reporter.projectId,
        caseProjectId: reporter.caseProjectId,
        jsId: reporter.userId,
        code,
        clientKey: input.clientKey,
        startMonth: input.startMonth,
        consentDate: input.consentDate,
        consentRecordedBy: reporter.userId,
      })
      .returning({ id: reportParticipants.id })
      .get();
    audit(tx, reporter.userId, "report.participant.added", `participant:${row.id}`, { consentDate: input.consentDate });
    return { code, created: true };
  });
}

/** One of the job specialist's own participants, by code; undefined for anyone else's. */
export function getOwnParticipant(db: Db, userId: number, code: string): Participant | undefined {
  return db
    .select()
    .from(reportParticipants)
    .where(and(eq(reportParticipants.jsId, userId), eq(reportParticipants.code, code)))
    .get();
}

export interface OwnParticipantRow {
  readonly code: string;
  readonly startMonth: string;
  readonly consentDate: string;
  readonly withdrawnDate: string | null;
  readonly versions: number;
  /** The version that applies today. */
  readonly current: { readonly number: number; readonly effectiveDate: string; readonly status: number } | null;
  readonly draftUpdatedAt: number | null;
}

/** The job specialist's participants, newest first, with their current status and any draft. */
export function listOwnParticipants(db: Db, userId: number, today: string): OwnParticipantRow[] {
  const participants = db
    .select({
      id: reportParticipants.id,
      code: reportParticipants.code,
      startMonth: reportParticipants.startMonth,
      consentDate: reportParticipants.consentDate,
      withdrawnDate: reportParticipants.withdrawnDate,
      draftUpdatedAt: reportDrafts.updatedAt,
    })
    .from(reportParticipants)
    .leftJoin(reportDrafts, eq(reportDrafts.participantId, reportParticipants.id))
    .where(eq(reportParticipants.jsId, userId))
    .orderBy(asc(reportParticipants.id))
    .all()
    .reverse();
  const versions = db
    .select({ participantId: reportVersions.participantId, number: reportVersions.number, effectiveDate: reportVersions.effectiveDate, status: reportVersions.status })
    .from(reportVersions)
    .innerJoin(reportParticipants, eq(reportParticipants.id, reportVersions.participantId))
    .where(eq(reportParticipants.jsId, userId))
    .all();
  const byParticipant = new Map<number, typeof versions>();
  for (const v of versions) byParticipant.set(v.participantId, [...(byParticipant.get(v.participantId) ?? []), v]);
  return participants.map((p) => {
    const own = byParticipant.get(p.id) ?? [];
    const current = versionAsOf(own, today) ?? versionAsOf(own);
    return {
      code: p.code,
      startMonth: p.startMonth,
      consentDate: p.consentDate,
      withdrawnDate: p.withdrawnDate,
      versions: own.length,
      current: current ? { number: current.number, effectiveDate: current.effectiveDate, status: current.status } : null,
      draftUpdatedAt: p.draftUpdatedAt ?? null,
    };
  });
}

/**
 * Records that the participant withdrew their consent on `date`. From now on the participant is
 * in no statistic and no export; the draft is deleted, saved versions are kept but never read
 * again for analysis. False when the consent was already withdrawn.
 */
export function withdrawConsent(db: Db, participant: Pick<Participant, "id">, date: string, actorId: number): boolean {
  return writeTransaction(db, (tx) => {
    const changed = tx
      .update(reportParticipants)
      .set({ withdrawnDate: date, withdrawnRecordedBy: actorId, withdrawnRecordedAt: Math.floor(Date.now() / 1000) })
      .where(and(eq(reportParticipants.id, participant.id), isNull(reportParticipants.withdrawnDate)))
      .run();
    if (changed.changes === 0) return false;
    tx.delete(reportDrafts).where(eq(reportDrafts.participantId, participant.id)).run();
    audit(tx, actorId, "report.consent.withdrawn", `participant:${participant.id}`, { date });
    return true;
  });
}

/** Who recorded the withdrawal, for the consent page. */
export function withdrawalRecordedBy(db: Db, participant: Pick<Participant, "withdrawnRecordedBy">): string | null {
  if (!participant.withdrawnRecordedBy) return null;
  return db.select({ name: users.name }).from(users).where(eq(users.id, participant.withdrawnRecordedBy)).get()?.name ?? null;
}

/** The case project's name, for the report page's facts. */
export function caseProjectName(db: Db, caseProjectId: number): string {
  return db.select({ name: caseProjects.name }).from(caseProjects).where(eq(caseProjects.id, caseProjectId)).get()?.name ?? "";
}
