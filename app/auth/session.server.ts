// Server-side sessions. The cookie (httpOnly, SameSite=Lax, Secure behind https, signed) holds a
// random id; the sessions table holds its SHA-256, so a copy of the database opens no session.
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { sessions, users, type Role } from "../../db/schema";
import type { Db, DbOrTx } from "../../db/connection.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_SECONDS = 7 * 24 * 3600;

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  organisationId: number | null;
  caseProjectId: number | null;
  locale: "nb" | "en" | null;
}

export function makeSessionCookie(secret: string, secure: boolean) {
  return createCookie("medforsker_session", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_SECONDS,
    secrets: [secret],
  });
}

export type SessionCookie = ReturnType<typeof makeSessionCookie>;

// One lookup per HTTP request. Remix hands the root loader, the route's loader and its action
// each a copy of the Request, but one load context, made per request (server/http.server.ts);
// so the answer is kept on the context, by cookie in case a caller reuses a context.
const cache = new WeakMap<AppLoadContext, Map<string, Promise<SessionUser | null>>>();

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(context: AppLoadContext, userId: number): Promise<string> {
  cache.delete(context);
  const id = newToken();
  const nowSec = Math.floor(Date.now() / 1000);
  context.db
    .insert(sessions)
    .values({ idHash: hashToken(id), userId, expiresAt: nowSec + SESSION_SECONDS })
    .run();
  // Opportunistic clean-up keeps the table small without a scheduler.
  context.db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, nowSec))).run();
  return context.sessionCookie.serialize(id);
}

/** The signed-in, active person making this request, or null. */
export function getSessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const cookie = request.headers.get("Cookie") ?? "";
  let known = cache.get(context);
  if (!known) cache.set(context, (known = new Map()));
  let pending = known.get(cookie);
  if (!pending) {
    pending = lookup(request, context);
    known.set(cookie, pending);
  }
  return pending;
}

// Every request of a signed-in person looks the session up, so the query is built and compiled
// once per database instead of on each request (drizzle's query building and SQLite's prepare
// were most of the lookup's cost; see the log-submission benchmark).
function prepareLookup(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisationId: users.organisationId,
      caseProjectId: users.caseProjectId,
      locale: users.locale,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder("idHash")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .prepare();
}

const lookupQuery = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

async function lookup(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const id = await readSessionId(request, context);
  if (!id) return null;
  let query = lookupQuery.get(context.db);
  if (!query) lookupQuery.set(context.db, (query = prepareLookup(context.db)));
  const row = query.get({ idHash: hashToken(id), now: Math.floor(Date.now() / 1000) });
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return user;
}

async function readSessionId(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await context.sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Ends this request's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  cache.delete(context);
  const id = await readSessionId(request, context);
  if (id) context.db.delete(sessions).where(eq(sessions.idHash, hashToken(id))).run();
  return context.sessionCookie.serialize("", { maxAge: 0 });
}

/** Ends every session of a person at once (deactivation, password change). */
export function endAllSessions(db: DbOrTx, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export async function redirectWithSession(context: AppLoadContext, userId: number, to: string) {
  return redirect(to, { headers: { "Set-Cookie": await startSession(context, userId) } });
}
