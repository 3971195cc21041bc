// The stored reports as data, for the statistics page and for exports (SPSS, NVivo): one record
// per participant with the version that applies on a date, or every version. A participant
// whose consent is withdrawn is never returned, whatever the date asked for: the withdrawal
// takes them out of every statistic and export made after it.
import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { caseProjects, organisations, reportParticipants, reportVersions, type Programme } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { Answers } from "~/instruments/types";
import { compareVersions, versionAsOf } from "./as-of";

export interface ReportQuery {
  readonly projectId: number;
  /** "YYYY-MM-DD": the version that applies on this date; default the latest. */
  readonly asOf?: string | null;
  readonly caseProjectId?: number | null;
  readonly programme?: Programme | null;
  /** Participants the job specialist took over in these months ("YYYY-MM", inclusive). */
  readonly startFrom?: string | null;
  readonly startTo?: string | null;
}

export interface ReportVersionInfo {
  readonly number: number;
  readonly effectiveDate: string;
  /** Unix seconds. */
  readonly savedAt: number;
  readonly authorId: number;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  /** The import it came from and the file's row, when it was imported (null: written here). */
  readonly importId: number | null;
  readonly importRow: number | null;
}

export interface ParticipantReport {
  readonly participantId: number;
  readonly participantCode: string;
  readonly projectId: number;
  readonly caseProjectId: number;
  readonly caseProjectName: string;
  readonly organisationId: number;
  readonly organisationName: string;
  readonly programme: Programme;
  /** The job specialist who follows the participant. */
  readonly jsId: number;
  readonly startMonth: string;
  /** Always "given": participants who withdrew are not returned at all. */
  readonly consent: { readonly status: "given"; readonly date: string };
  readonly version: ReportVersionInfo;
  /** Keyed by variable name of the instrument version in `version`. */
  readonly answers: Answers;
}

function participantsOf(db: Db, query: ReportQuery) {
  const where: SQL[] = [eq(reportParticipants.projectId, query.projectId), isNull(reportParticipants.withdrawnDate)];
  if (query.caseProjectId) where.push(eq(reportParticipants.caseProjectId, query.caseProjectId));
  if (query.programme) where.push(eq(caseProjects.programme, query.programme));
  if (query.startFrom) where.push(gte(reportParticipants.startMonth, query.startFrom));
  if (query.startTo) where.push(lte(reportParticipants.startMonth, query.startTo));
  return db
    .select({
      participantId: reportParticipants.id,
      participantCode: reportParticipants.code,
      projectId: reportParticipants.projectId,
      caseProjectId: reportParticipants.caseProjectId,
      caseProjectName: caseProjects.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      programme: caseProjects.programme,
      jsId: reportParticipants.jsId,
      startMonth: reportParticipants.startMonth,
      consentDate: reportParticipants.consentDate,
    })
    .from(reportParticipants)
    .innerJoin(caseProjects, eq(caseProjects.id, reportParticipants.caseProjectId))
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .where(and(...where))
    .orderBy(asc(reportParticipants.code))
    .all();
}

function versionsOf(db: Db, participantIds: number[]) {
  const rows: (ReportVersionInfo & { participantId: number; answers: Answers })[] = [];
  // In slices: SQLite limits the number of bound parameters.
  for (let i = 0; i < participantIds.length; i += 500) {
    rows.push(
      ...db
        .select({
          participantId: reportVersions.participantId,
          number: reportVersions.number,
          effectiveDate: reportVersions.effectiveDate,
          savedAt: reportVersions.savedAt,
          authorId: reportVersions.authorId,
          instrumentId: reportVersions.instrumentId,
          instrumentVersion: reportVersions.instrumentVersion,
          importId: reportVersions.importId,
          importRow: reportVersions.importRow,
          answers: reportVersions.answers,
        })
        .from(reportVersions)
        .where(inArray(reportVersions.participantId, participantIds.slice(i, i + 500)))
        .all(),
    );
  }
  const byParticipant = new Map<number, typeof rows>();
  for (const row of rows) byParticipant.set(row.participantId, [...(byParticipant.get(row.participantId) ?? []), row]);
  return byParticipant;
}

function record(p: ReturnType<typeof participantsOf>[number], v: ReportVersionInfo & { answers: Answers }): ParticipantReport {
  const { consentDate, ...rest } = p;
  const { answers, ...version } = v;
  return {
    ...rest,
    consent: { status: "given", date: consentDate },
    version: { number: version.number, effectiveDate: version.effectiveDate, savedAt: version.savedAt, authorId: version.authorId, instrumentId: version.instrumentId, instrumentVersion: version.instrumentVersion, importId: version.importId, importRow: version.importRow },
    answers,
  };
}

/**
 * One record per consenting participant: the report version that applies on `asOf` (default:
 * the latest). Participants with no version by then are left out.
 */
export function listParticipantReports(db: Db, query: ReportQuery): ParticipantReport[] {
  const participants = participantsOf(db, query);
  const versions = versionsOf(db, participants.map((p) => p.participantId));
  const out: ParticipantReport[] = [];
  for (const p of participants) {
    const v = versionAsOf(versions.get(p.participantId) ?? [], query.asOf ?? null);
    if (v) out.push(record(p, v));
  }
  return out;
}

/** Every saved version of every consenting participant (repeated measurements), in order. */
export function listParticipantReportVersions(db: Db, query: Omit<ReportQuery, "asOf">): ParticipantReport[] {
  const participants = participantsOf(db, query);
  const versions = versionsOf(db, participants.map((p) => p.participantId));
  return participants.flatMap((p) => [...(versions.get(p.participantId) ?? [])].sort(compareVersions).map((v) => record(p, v)));
}

/** How many participants of a project withdrew their consent (for an export's manifest). */
export function countWithdrawn(db: Db, projectId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(reportParticipants)
      .where(and(eq(reportParticipants.projectId, projectId), sql`${reportParticipants.withdrawnDate} is not null`))
      .get()?.n ?? 0
  );
}
