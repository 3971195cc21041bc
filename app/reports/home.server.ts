// The reports panel on the home page: a job specialist's own counts; for a case lead, counts per
// job specialist of their organisation (never report contents); for researchers, a link.
import { and, eq, isNull, sql } from "drizzle-orm";
import { caseProjects, reportDrafts, reportParticipants, reportVersions, users } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import type { SessionUser } from "~/auth/session.server";

export type ReportsHomePanel =
  | { readonly role: "job_specialist"; readonly participants: number; readonly reported: number; readonly drafts: number }
  | { readonly role: "case_lead"; readonly team: readonly { name: string; participants: number; reported: number }[] }
  | { readonly role: "researcher" };

const reported = sql<number>`count(distinct case when exists (select 1 from ${reportVersions} v where v.participant_id = ${reportParticipants.id}) then ${reportParticipants.id} end)`;

export function reportsHomePanel(db: Db, user: Pick<SessionUser, "id" | "role" | "organisationId">): ReportsHomePanel | null {
  if (user.role === "researcher") return { role: "researcher" };
  if (user.role === "job_specialist") {
    const row = db
      .select({
        participants: sql<number>`count(*)`,
        reported,
        drafts: sql<number>`count(${reportDrafts.participantId})`,
      })
      .from(reportParticipants)
      .leftJoin(reportDrafts, eq(reportDrafts.participantId, reportParticipants.id))
      .where(and(eq(reportParticipants.jsId, user.id), isNull(reportParticipants.withdrawnDate)))
      .get();
    return { role: "job_specialist", participants: row?.participants ?? 0, reported: row?.reported ?? 0, drafts: row?.drafts ?? 0 };
  }
  if (!user.organisationId) return null;
  const team = db
    .select({ name: users.name, participants: sql<number>`count(*)`, reported })
    .from(reportParticipants)
    .innerJoin(users, eq(users.id, reportParticipants.jsId))
    .innerJoin(caseProjects, eq(caseProjects.id, reportParticipants.caseProjectId))
    .where(and(eq(caseProjects.organisationId, user.organisationId), isNull(reportParticipants.withdrawnDate)))
    .groupBy(users.id)
    .orderBy(users.name)
    .all();
  return { role: "case_lead", team };
}
