// Who came to an exchange, and the numbers Tabell 3/4 print, computed from it: participants of
// the exchange's audience (job specialists, or case leads) who were ticked as present, plus
// guests without an account marked as counted; cases represented = their distinct organisations.
import { and, asc, eq, inArray } from "drizzle-orm";
import { caseProjects, exchangeAttendance, exchangeGuests, organisations, users } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { audienceRole, type Exchange } from "./access.server";

/** Everyone of the exchange's audience in its project (also people who have since left). */
export function audiencePeople(db: DbOrTx, exchange: Pick<Exchange, "projectId" | "audience">) {
  if (exchange.audience === "job_specialists") {
    return db
      .select({ id: users.id, name: users.name, active: users.active, organisationId: organisations.id, organisation: organisations.name, unit: caseProjects.name })
      .from(users)
      .innerJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
      .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
      .where(and(eq(users.role, audienceRole.job_specialists), eq(organisations.projectId, exchange.projectId)))
      .orderBy(asc(organisations.name), asc(users.name))
      .all();
  }
  return db
    .select({ id: users.id, name: users.name, active: users.active, organisationId: organisations.id, organisation: organisations.name, unit: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, audienceRole.case_leads), eq(organisations.projectId, exchange.projectId)))
    .orderBy(asc(organisations.name), asc(users.name))
    .all();
}

export function attendeeIds(db: DbOrTx, exchangeId: number): number[] {
  return db.select({ userId: exchangeAttendance.userId }).from(exchangeAttendance).where(eq(exchangeAttendance.exchangeId, exchangeId)).all().map((r) => r.userId);
}

/** Replaces who was present with `userIds` (only people of the audience are kept). Idempotent. */
export function setAttendance(db: Db, exchange: Exchange, userIds: readonly number[]): void {
  writeTransaction(db, (tx) => {
    const allowed = new Set(audiencePeople(tx, exchange).map((p) => p.id));
    tx.delete(exchangeAttendance).where(eq(exchangeAttendance.exchangeId, exchange.id)).run();
    const keep = [...new Set(userIds)].filter((id) => allowed.has(id));
    if (keep.length) tx.insert(exchangeAttendance).values(keep.map((userId) => ({ exchangeId: exchange.id, userId }))).run();
  });
}

export interface GuestInput {
  readonly description: string;
  readonly organisationId: number | null;
  readonly counted: boolean;
}

export function listGuests(db: DbOrTx, exchangeId: number) {
  return db
    .select({ id: exchangeGuests.id, description: exchangeGuests.description, organisationId: exchangeGuests.organisationId, organisation: organisations.name, counted: exchangeGuests.counted })
    .from(exchangeGuests)
    .leftJoin(organisations, eq(organisations.id, exchangeGuests.organisationId))
    .where(eq(exchangeGuests.exchangeId, exchangeId))
    .orderBy(asc(exchangeGuests.id))
    .all();
}

export function addGuest(db: Db, exchangeId: number, input: GuestInput, clientKey: string | null): number {
  return writeTransaction(db, (tx) => {
    if (clientKey) {
      const existing = tx.select({ id: exchangeGuests.id }).from(exchangeGuests).where(and(eq(exchangeGuests.exchangeId, exchangeId), eq(exchangeGuests.clientKey, clientKey))).get();
      if (existing) return existing.id;
    }
    return tx.insert(exchangeGuests).values({ exchangeId, description: input.description.trim(), organisationId: input.organisationId, counted: input.counted, clientKey }).returning({ id: exchangeGuests.id }).get().id;
  });
}

export function deleteGuest(db: Db, exchangeId: number, guestId: number): void {
  db.delete(exchangeGuests).where(and(eq(exchangeGuests.exchangeId, exchangeId), eq(exchangeGuests.id, guestId))).run();
}

export interface AttendanceCounts {
  /** Job specialists (Tabell 3 «Antall JS») or participants (Tabell 4 «Antall deltakere»). */
  readonly participants: number;
  /** «Antall case representert»: distinct case organisations of those counted. */
  readonly cases: number;
}

/** The counts of several exchanges at once (for the overview tables). */
export function attendanceCounts(db: Db, list: readonly Pick<Exchange, "id" | "projectId" | "audience">[]): Map<number, AttendanceCounts> {
  const result = new Map<number, AttendanceCounts>();
  if (!list.length) return result;
  const ids = list.map((e) => e.id);
  const present = db.select().from(exchangeAttendance).where(inArray(exchangeAttendance.exchangeId, ids)).all();
  const guests = db.select().from(exchangeGuests).where(and(inArray(exchangeGuests.exchangeId, ids), eq(exchangeGuests.counted, true))).all();
  const peopleCache = new Map<string, Map<number, number>>(); // project+audience → user → organisation
  for (const e of list) {
    const key = `${e.projectId}:${e.audience}`;
    let people = peopleCache.get(key);
    if (!people) {
      people = new Map(audiencePeople(db, e).map((p) => [p.id, p.organisationId]));
      peopleCache.set(key, people);
    }
    const orgs = new Set<number>();
    let participants = 0;
    for (const a of present) {
      if (a.exchangeId !== e.id) continue;
      const org = people.get(a.userId);
      if (org === undefined) continue; // not (or no longer) of this audience
      participants++;
      orgs.add(org);
    }
    for (const g of guests) {
      if (g.exchangeId !== e.id) continue;
      participants++;
      if (g.organisationId !== null) orgs.add(g.organisationId);
    }
    result.set(e.id, { participants, cases: orgs.size });
  }
  return result;
}
