// Who may see which exchange. Researchers see every exchange. A job specialist is invited to the
// job-specialist exchanges of their own project, a case lead to the leader exchanges of theirs;
// anyone else gets 404, so an exchange's existence is not revealed.
import { eq } from "drizzle-orm";
import { caseProjects, exchanges, organisations, type ExchangeAudience, type Role } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import { notFound } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";

export type Exchange = typeof exchanges.$inferSelect;

export const audienceRole: Record<ExchangeAudience, Role> = { job_specialists: "job_specialist", case_leads: "case_lead" };

export function audienceOf(role: Role): ExchangeAudience | null {
  if (role === "job_specialist") return "job_specialists";
  if (role === "case_lead") return "case_leads";
  return null;
}

export interface Placement {
  readonly projectId: number;
  readonly organisationId: number;
  readonly audience: ExchangeAudience;
}

/** The project and organisation a job specialist or case lead belongs to; null for others. */
export function placementOf(db: Db, user: Pick<SessionUser, "role" | "organisationId" | "caseProjectId">): Placement | null {
  const audience = audienceOf(user.role);
  if (!audience) return null;
  if (user.role === "job_specialist" && user.caseProjectId) {
    const row = db
      .select({ projectId: organisations.projectId, organisationId: organisations.id })
      .from(caseProjects)
      .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
      .where(eq(caseProjects.id, user.caseProjectId))
      .get();
    return row ? { ...row, audience } : null;
  }
  if (user.role === "case_lead" && user.organisationId) {
    const row = db.select({ projectId: organisations.projectId, organisationId: organisations.id }).from(organisations).where(eq(organisations.id, user.organisationId)).get();
    return row ? { ...row, audience } : null;
  }
  return null;
}

export function parseId(param: string | undefined): number | null {
  return param && /^\d{1,9}$/.test(param) ? Number(param) : null;
}

export function getExchange(db: Db, id: number): Exchange | undefined {
  return db.select().from(exchanges).where(eq(exchanges.id, id)).get();
}

/** For researcher pages: the exchange, or 404. */
export function exchangeForResearcher(db: Db, param: string | undefined): Exchange {
  const id = parseId(param);
  const exchange = id === null ? undefined : getExchange(db, id);
  if (!exchange) throw notFound();
  return exchange;
}

export function isInvited(exchange: Exchange, placement: Placement | null): placement is Placement {
  return !!placement && placement.projectId === exchange.projectId && placement.audience === exchange.audience;
}

/**
 * For pages both researchers and the invited see: the exchange and, for the invited, their
 * placement. Everyone else gets 404.
 */
export function exchangeForViewer(db: Db, user: SessionUser, param: string | undefined): { exchange: Exchange; placement: Placement | null } {
  const id = parseId(param);
  const exchange = id === null ? undefined : getExchange(db, id);
  if (!exchange) throw notFound();
  if (user.role === "researcher") return { exchange, placement: null };
  const placement = placementOf(db, user);
  if (!isInvited(exchange, placement)) throw notFound();
  return { exchange, placement };
}
