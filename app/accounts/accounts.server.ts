// People and their access: first researcher, invitations, login, password change, deactivation.
import { and, asc, eq, isNull } from "drizzle-orm";
import { caseProjects, invitations, organisations, users, type Role } from "../../db/schema";
import { type Db, type DbOrTx, writeTransaction } from "../../db/connection.server";
import { dummyVerify, hashPassword, verifyPassword } from "~/auth/password.server";
import { loginLimits, type RateLimiter } from "~/auth/rate-limit.server";
import { endAllSessions } from "~/auth/session.server";
import { hashToken, newToken } from "~/auth/tokens.server";
import { audit } from "./audit.server";

export const INVITATION_DAYS = 14;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hasResearcher(db: Db): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.role, "researcher")).limit(1).get();
}

export function emailTaken(db: Db, email: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).get();
}

/** The setup page: only while no researcher exists. Returns null if one appeared meanwhile. */
export async function createFirstResearcher(
  db: Db,
  input: { name: string; email: string; password: string },
): Promise<number | null> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.role, "researcher")).limit(1).get()) return null;
    const row = tx
      .insert(users)
      .values({ name: input.name.trim(), email: normaliseEmail(input.email), role: "researcher", passwordHash })
      .returning({ id: users.id })
      .get();
    audit(tx, row.id, "setup.first_researcher", `user:${row.id}`);
    return row.id;
  });
}

export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  organisationId?: number | null;
  caseProjectId?: number | null;
}

/** Creates a person without a password and returns a one-time invitation token. */
export function invitePerson(db: Db, person: NewPerson, createdBy: number | null): { userId: number; token: string } {
  return writeTransaction(db, (tx) => {
    const row = tx
      .insert(users)
      .values({
        name: person.name.trim(),
        email: normaliseEmail(person.email),
        role: person.role,
        organisationId: person.role === "case_lead" ? (person.organisationId ?? null) : null,
        caseProjectId: person.role === "job_specialist" ? (person.caseProjectId ?? null) : null,
      })
      .returning({ id: users.id })
      .get();
    const token = issueInvitation(tx, row.id, createdBy);
    audit(tx, createdBy, "person.invited", `user:${row.id}`, { role: person.role });
    return { userId: row.id, token };
  });
}

/** A new one-time link for a person; earlier unused links stop working. */
export function issueInvitation(db: DbOrTx, userId: number, createdBy: number | null): string {
  const token = newToken();
  const nowSec = Math.floor(Date.now() / 1000);
  db.update(invitations)
    .set({ usedAt: nowSec })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)))
    .run();
  db.insert(invitations)
    .values({ tokenHash: hashToken(token), userId, createdBy, expiresAt: nowSec + INVITATION_DAYS * 86400 })
    .run();
  return token;
}

export function findOpenInvitation(db: DbOrTx, token: string) {
  const nowSec = Math.floor(Date.now() / 1000);
  const row = db
    .select({ invitationId: invitations.id, expiresAt: invitations.expiresAt, usedAt: invitations.usedAt, userId: users.id, name: users.name, email: users.email, active: users.active })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row || row.usedAt !== null || row.expiresAt < nowSec || !row.active) return null;
  return row;
}

/** Sets the password from an invitation; the link can be used once. Returns the user id or null. */
export async function acceptInvitation(db: Db, token: string, password: string): Promise<number | null> {
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, (tx) => {
    const open = findOpenInvitation(tx, token);
    if (!open) return null;
    const nowSec = Math.floor(Date.now() / 1000);
    tx.update(invitations).set({ usedAt: nowSec }).where(eq(invitations.id, open.invitationId)).run();
    setPassword(tx, open.userId, passwordHash);
    audit(tx, open.userId, "person.invitation_accepted", `user:${open.userId}`);
    return open.userId;
  });
}

export type LoginResult = { ok: true; userId: number } | { ok: false; reason: "invalid" } | { ok: false; reason: "limited"; retryAfterSeconds: number };

/**
 * Checks a login. Failures slow down the (account, address) pair with growing delays and count
 * against the address; a locked-out pair never keeps the same account out from elsewhere.
 */
export async function authenticate(
  db: Db,
  limiter: RateLimiter,
  input: { email: string; password: string; address: string },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const pairKey = `login:pair:${input.address} ${email}`;
  const addressKey = `login:address:${input.address}`;
  const wait = Math.max(limiter.retryAfterMs(pairKey, loginLimits.perPair), limiter.retryAfterMs(addressKey, loginLimits.perAddress));
  if (wait > 0) return { ok: false, reason: "limited", retryAfterSeconds: Math.ceil(wait / 1000) };
  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await dummyVerify(input.password);
  if (!user || !valid || !user.active) {
    limiter.hit(pairKey, loginLimits.perPair);
    limiter.hit(addressKey, loginLimits.perAddress);
    return { ok: false, reason: "invalid" };
  }
  limiter.reset(pairKey);
  return { ok: true, userId: user.id };
}

/**
 * Every password change goes through here (invitation link, /account): it ends all of the
 * person's sessions, so whoever held the old password or a session is out. The caller starts
 * the new session of the person who changed it.
 */
export function setPassword(db: DbOrTx, userId: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  endAllSessions(db, userId);
}

/** The password change at /account; false when the current password is wrong. Ends every session. */
export async function changePassword(db: Db, userId: number, current: string, next: string): Promise<boolean> {
  const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  setPassword(db, userId, await hashPassword(next));
  audit(db, userId, "person.password_changed", `user:${userId}`);
  return true;
}

export function setLocale(db: Db, userId: number, locale: "nb" | "en") {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** Deactivating ends every session of the person at once. */
export function setActive(db: Db, userId: number, active: boolean, actorId: number) {
  writeTransaction(db, (tx) => {
    tx.update(users)
      .set({ active, deactivatedAt: active ? null : Math.floor(Date.now() / 1000) })
      .where(eq(users.id, userId))
      .run();
    if (!active) endAllSessions(tx, userId);
    audit(tx, actorId, active ? "person.reactivated" : "person.deactivated", `user:${userId}`);
  });
}

export function listPeople(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      hasPassword: users.passwordHash,
      organisation: organisations.name,
      caseProject: caseProjects.name,
    })
    .from(users)
    .leftJoin(caseProjects, eq(caseProjects.id, users.caseProjectId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.role), asc(users.name))
    .all()
    .map(({ hasPassword, ...p }) => ({ ...p, invitationPending: hasPassword === null }));
}

export function getPerson(db: Db, id: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      organisationId: users.organisationId,
      caseProjectId: users.caseProjectId,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
}
