// Saved reports. Each save adds a dated version (never an update), so the status on any date
// can be reported and nothing a job specialist saved is overwritten.
import { and, asc, eq, max } from "drizzle-orm";
import { reportParticipants, reportVersions } from "../../db/schema";
import { type Db, writeTransaction } from "../../db/connection.server";
import { audit } from "~/accounts/audit.server";
import type { Answers } from "~/instruments/types";
import { deleteDraft } from "./drafts.server";

export interface VersionInput {
  readonly clientKey: string;
  readonly effectiveDate: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
}

export type SaveVersionOutcome =
  | { readonly ok: true; readonly number: number; readonly created: boolean }
  | { readonly ok: false; readonly reason: "withdrawn" };

/**
 * Saves a new version. The same form key again returns the version the first submit made
 * (a double submit makes no twin). Refused once consent is withdrawn.
 */
export function saveVersion(db: Db, participantId: number, authorId: number, input: VersionInput): SaveVersionOutcome {
  return writeTransaction(db, (tx) => {
    const participant = tx.select({ withdrawnDate: reportParticipants.withdrawnDate }).from(reportParticipants).where(eq(reportParticipants.id, participantId)).get();
    if (!participant || participant.withdrawnDate) return { ok: false, reason: "withdrawn" } as const;
    const existing = tx
      .select({ number: reportVersions.number })
      .from(reportVersions)
      .where(and(eq(reportVersions.participantId, participantId), eq(reportVersions.clientKey, input.clientKey)))
      .get();
    if (existing) return { ok: true, number: existing.number, created: false } as const;
    const last = tx.select({ n: max(reportVersions.number) }).from(reportVersions).where(eq(reportVersions.participantId, participantId)).get()?.n ?? 0;
    const number = last + 1;
    tx.insert(reportVersions)
      .values({
        participantId,
        number,
        effectiveDate: input.effectiveDate,
        instrumentId: input.instrumentId,
        instrumentVersion: input.instrumentVersion,
        answers: input.answers,
        status: Number(input.answers.status),
        authorId,
        clientKey: input.clientKey,
      })
      .run();
    deleteDraft(tx, participantId);
    audit(tx, authorId, "report.version.saved", `participant:${participantId}`, { number, effectiveDate: input.effectiveDate });
    return { ok: true, number, created: true } as const;
  });
}

export interface VersionRow {
  readonly number: number;
  readonly effectiveDate: string;
  readonly savedAt: number;
  readonly status: number;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly answers: Answers;
}

/** Every version of one participant, oldest first. */
export function listVersions(db: Db, participantId: number): VersionRow[] {
  return db
    .select({
      number: reportVersions.number,
      effectiveDate: reportVersions.effectiveDate,
      savedAt: reportVersions.savedAt,
      status: reportVersions.status,
      instrumentId: reportVersions.instrumentId,
      instrumentVersion: reportVersions.instrumentVersion,
      answers: reportVersions.answers,
    })
    .from(reportVersions)
    .where(eq(reportVersions.participantId, participantId))
    .orderBy(asc(reportVersions.number))
    .all();
}
