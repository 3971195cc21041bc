// Who may write a log, and where they belong. A job specialist writes their own log in the
// project of their case project. A write that arrives after the session has ended is not
// turned away: the action answers 401 with what was typed, and the page shows a login form
// that carries it (see docs/decisions/log-drafts.md).
import { data, type AppLoadContext } from "@remix-run/node";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { caseProjects, organisations, projects, users } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import { authenticate } from "~/accounts/accounts.server";
import { forbidden } from "~/auth/permissions.server";
import { getSessionUser, startSession, type SessionUser } from "~/auth/session.server";
import type { TFunction } from "~/i18n/catalog";
import { nameMatcher } from "./identifiers";

export interface LogAuthor {
  readonly userId: number;
  readonly name: string;
  readonly caseProjectId: number;
  readonly organisationId: number;
  readonly projectId: number;
  readonly logStart: string | null;
  readonly logEnd: string | null;
}

function preparePlacement(db: Db) {
  return db
    .select({
      caseProjectId: caseProjects.id,
      organisationId: organisations.id,
      projectId: projects.id,
      logStart: projects.logStart,
      logEnd: projects.logEnd,
    })
    .from(caseProjects)
    .innerJoin(organisations, eq(organisations.id, caseProjects.organisationId))
    .innerJoin(projects, eq(projects.id, organisations.projectId))
    .where(eq(caseProjects.id, sql.placeholder("caseProjectId")))
    .prepare();
}

// Looked up on every log request, so prepared once per database.
const placementQuery = new WeakMap<Db, ReturnType<typeof preparePlacement>>();

/** The job specialist's placement, or null when they have none yet. */
export function getLogAuthor(db: Db, user: Pick<SessionUser, "id" | "name" | "role" | "caseProjectId">): LogAuthor | null {
  if (user.role !== "job_specialist" || !user.caseProjectId) return null;
  let query = placementQuery.get(db);
  if (!query) placementQuery.set(db, (query = preparePlacement(db)));
  const row = query.get({ caseProjectId: user.caseProjectId });
  return row ? { userId: user.id, name: user.name, ...row } : null;
}

/** What the page keeps of a form posted without a session: every text value but credentials. */
export interface ReauthPayload {
  readonly reauth: true;
  readonly values: Record<string, string>;
  readonly email: string;
  readonly error: string | null;
}

const NOT_CARRIED = new Set(["password", "email", "intent"]);
const MAX_CARRIED = 200_000;

export function carriedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  // What the person was doing, so logging in again can finish it (saving a note or a draft).
  const intent = formData.get("intent");
  if (typeof intent === "string" && intent !== "reauth") values.resumeIntent = intent.slice(0, 40);
  let size = 0;
  for (const [key, value] of formData) {
    if (typeof value !== "string" || NOT_CARRIED.has(key) || key in values) continue;
    size += key.length + value.length;
    if (size > MAX_CARRIED) break;
    values[key] = value;
  }
  return values;
}

export function reauthResponse(formData: FormData, error: string | null = null, email = "") {
  const payload: ReauthPayload = { reauth: true, values: carriedValues(formData), email, error };
  return data(payload, { status: 401 });
}

export function isReauthPayload(value: unknown): value is ReauthPayload {
  return typeof value === "object" && value !== null && (value as { reauth?: unknown }).reauth === true;
}

/**
 * For actions that save log text. Without a session the typed values go back in a 401 (never
 * a redirect that would drop them); with the wrong role, 403.
 */
export async function requireLogWriter(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
): Promise<{ user: SessionUser; author: LogAuthor }> {
  const user = await getSessionUser(request, context);
  if (!user) throw reauthResponse(formData);
  const author = getLogAuthor(context.db, user);
  if (!author) throw forbidden();
  return { user, author };
}

/**
 * The login form on the 401 page: checks the credentials (with the login rate limits) and
 * starts a session. Returns the writer and the Set-Cookie value, or throws the 401 again with
 * a message and the values still there.
 */
export async function reauthenticate(
  context: AppLoadContext,
  formData: FormData,
  t: TFunction,
): Promise<{ user: SessionUser; author: LogAuthor; cookie: string }> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const password = String(formData.get("password") ?? "").slice(0, 1024);
  if (!email || !password) throw reauthResponse(formData, t("logs.reauth.missing"), email);
  const outcome = await authenticate(context.db, context.limiter, { email, password, address: context.clientAddress });
  if (!outcome.ok) {
    throw reauthResponse(formData, outcome.reason === "limited" ? t("login.limited") : t("login.invalid"), email);
  }
  const row = context.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId, caseProjectId: users.caseProjectId, locale: users.locale })
    .from(users)
    .where(eq(users.id, outcome.userId))
    .get();
  const author = row ? getLogAuthor(context.db, row) : null;
  if (!row || !author) throw forbidden();
  return { user: row, author, cookie: await startSession(context, row.id) };
}

/** Adds a Set-Cookie header to a (redirect) response. */
export function withCookie(response: Response, cookie: string | null): Response {
  if (cookie) response.headers.append("Set-Cookie", cookie);
  return response;
}

// ---------------------------------------------------------------------------------------
// Names of the project's people, for the identifier warning. Cached briefly per project so a
// note submission does not query the people list every time.

const NAME_TTL_MS = 60_000;
const nameCache = new WeakMap<Db, Map<number, { at: number; matcher: RegExp | null }>>();

export function projectPeopleNames(db: Db, projectId: number): string[] {
  const orgIds = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.projectId, projectId)).all().map((o) => o.id);
  if (!orgIds.length) return [];
  const cpIds = db.select({ id: caseProjects.id }).from(caseProjects).where(inArray(caseProjects.organisationId, orgIds)).all().map((c) => c.id);
  const placed = cpIds.length
    ? or(inArray(users.organisationId, orgIds), inArray(users.caseProjectId, cpIds))
    : inArray(users.organisationId, orgIds);
  return db
    .select({ name: users.name })
    .from(users)
    .where(and(isNotNull(users.name), placed))
    .all()
    .map((u) => u.name);
}

export function projectNameMatcher(db: Db, projectId: number, now = Date.now()): RegExp | null {
  let perDb = nameCache.get(db);
  if (!perDb) nameCache.set(db, (perDb = new Map()));
  const hit = perDb.get(projectId);
  if (hit && now - hit.at < NAME_TTL_MS) return hit.matcher;
  const matcher = nameMatcher(projectPeopleNames(db, projectId));
  perDb.set(projectId, { at: now, matcher });
  return matcher;
}
