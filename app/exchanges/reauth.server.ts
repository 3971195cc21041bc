// A preparation form posted after the session has ended is not turned away with a redirect
// that would drop the answers: it comes back as a 401 carrying what was typed, and the page
// shows a login form that carries it too. Logging in there finishes the save.
import { data, type AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { authenticate } from "~/accounts/accounts.server";
import { forbidden } from "~/auth/permissions.server";
import { startSession, type SessionUser } from "~/auth/session.server";
import type { TFunction } from "~/i18n/catalog";

export interface ExchangeReauth {
  readonly exchangeReauth: true;
  readonly values: Record<string, string>;
  readonly email: string;
  readonly error: string | null;
}

const NOT_CARRIED = new Set(["password", "email", "intent"]);
const MAX_CARRIED = 200_000;

function carriedValues(formData: FormData): Record<string, string> {
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

export function reauthResponse(formData: FormData, error: string | null = null, email = "") {
  const payload: ExchangeReauth = { exchangeReauth: true, values: carriedValues(formData), email, error };
  return data(payload, { status: 401 });
}

export function isExchangeReauth(value: unknown): value is ExchangeReauth {
  return typeof value === "object" && value !== null && (value as { exchangeReauth?: unknown }).exchangeReauth === true;
}

/** Checks the login form of the 401 page (with the login rate limits) and starts a session. */
export async function reauthenticate(context: AppLoadContext, formData: FormData, t: TFunction): Promise<{ user: SessionUser; cookie: string }> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const password = String(formData.get("password") ?? "").slice(0, 1024);
  if (!email || !password) throw reauthResponse(formData, t("exchanges.reauth.missing"), email);
  const outcome = await authenticate(context.db, context.limiter, { email, password, address: context.clientAddress });
  if (!outcome.ok) throw reauthResponse(formData, outcome.reason === "limited" ? t("login.limited") : t("login.invalid"), email);
  const user = context.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId, caseProjectId: users.caseProjectId, locale: users.locale })
    .from(users)
    .where(eq(users.id, outcome.userId))
    .get();
  if (!user) throw forbidden();
  return { user, cookie: await startSession(context, user.id) };
}
