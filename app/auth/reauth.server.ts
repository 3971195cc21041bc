// "Log in again and keep what you typed", the server half (the page half is
// components/ReauthBoundary.tsx). A form posted after the session ended is not turned away with a
// redirect that would drop what was typed: the action answers 401 carrying the values, the page
// shows a login form that posts them again with the credentials, and logging in there finishes
// the save. Used by the log, the participant reports and the exchanges.
import { data, type AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { authenticate } from "~/accounts/accounts.server";
import { loginFailureText } from "~/auth/login-failure.server";
import { forbidden } from "~/auth/permissions.server";
import { startSession, type SessionUser } from "~/auth/session.server";
import type { ReauthPayload } from "~/components/ReauthBoundary";
import type { MessageKey, TFunction } from "~/i18n/catalog";

const NOT_CARRIED = new Set(["password", "email", "intent"]);
const MAX_CARRIED = 200_000;

/** Every text value but credentials, and what the person was doing (`resumeIntent`). */
export function carriedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
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

/** The 401 that carries what was posted (thrown by actions that find no session). */
export function reauthResponse(formData: FormData, error: string | null = null, email = "") {
  const payload: ReauthPayload = { reauth: true, values: carriedValues(formData), email, error };
  return data(payload, { status: 401 });
}

/**
 * The login form of the 401 page: checks the credentials (with the login rate limits) and
 * starts a session, or throws the 401 again with a message and the values still there.
 * `missing` is the capability's message for an empty field. Callers check the role.
 */
export async function reauthenticate(context: AppLoadContext, formData: FormData, t: TFunction, missing: MessageKey): Promise<{ user: SessionUser; cookie: string }> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const password = String(formData.get("password") ?? "").slice(0, 1024);
  if (!email || !password) throw reauthResponse(formData, t(missing), email);
  const outcome = await authenticate(context.db, context.limiter, { email, password, address: context.clientAddress });
  if (!outcome.ok) throw reauthResponse(formData, loginFailureText(outcome, t), email);
  const user = context.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId, caseProjectId: users.caseProjectId, locale: users.locale })
    .from(users)
    .where(eq(users.id, outcome.userId))
    .get();
  if (!user) throw forbidden();
  return { user, cookie: await startSession(context, user.id) };
}

/** Adds the new session's Set-Cookie to a (redirect) response. */
export function withCookie(response: Response, cookie: string | null): Response {
  if (cookie) response.headers.append("Set-Cookie", cookie);
  return response;
}
