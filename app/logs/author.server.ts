// Who may write a log, and where they belong. A job specialist writes their own log in the
// project of their case project. A write that arrives after the session has ended is not
// turned away: the action answers 401 with what was typed, and the page shows a login form
// that carries it (see docs/decisions/log-drafts.md).
import type { AppLoadContext } from "@remix-run/node";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { caseProjects, organisations, projects, users } from "../../db/schema";
import type { Db } from "../../db/connection.server";
import { forbidden } from "~/auth/permissions.server";
import { reauthenticate, reauthResponse } from "~/auth/reauth.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
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
 * The login form on the 401 page (auth/reauth.server.ts), for a job specialist with a placement.
 * Returns the writer and the Set-Cookie value.
 */
export async function reauthenticateWriter(context: AppLoadContext, formData: FormData, t: TFunction): Promise<{ user: SessionUser; author: LogAuthor; cookie: string }> {
  const { user, cookie } = await reauthenticate(context, formData, t, "logs.reauth.missing");
  const author = getLogAuthor(context.db, user);
  if (!author) throw forbidden();
  return { user, author, cookie };
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
