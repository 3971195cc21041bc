// One of the job specialist's own participants for the report, versions and consent pages, or
// 404 for a code that is not theirs (so other codes cannot be probed). Routes call
// requireRole(…, "job_specialist") first.
import { notFound } from "~/auth/permissions.server";
import type { Db } from "../../db/connection.server";
import { isParticipantCode } from "./codes.server";
import { caseProjectName, getOwnParticipant, type Participant } from "./participants.server";

export function ownParticipantOr404(db: Db, userId: number, code: string | undefined): Participant {
  const participant = isParticipantCode(code) ? getOwnParticipant(db, userId, code) : undefined;
  if (!participant) throw notFound();
  return participant;
}

/** What the pages about one participant show at the top (ParticipantFacts). */
export function participantFacts(db: Db, participant: Participant) {
  return {
    code: participant.code,
    startMonth: participant.startMonth,
    consentDate: participant.consentDate,
    withdrawnDate: participant.withdrawnDate,
    caseProject: caseProjectName(db, participant.caseProjectId),
  };
}
