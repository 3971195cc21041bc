// A report posted after the session ended is not turned away with a redirect that would drop
// it: the action answers 401 with what was typed, the page shows a login form carrying it, and
// logging in there finishes the save (no JavaScript needed). Only for the report form, the one
// form here with much to retype.
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { authenticate } from "~/accounts/accounts.server";
import { forbidden } from "~/auth/permissions.server";
import { getSessionUser, startSession, type SessionUser } from "~/auth/session.server";
import type { TFunction } from "~/i18n/catalog";
import { formValues, reportInstrument } from "./instrument.server";

export interface ReportReauth {
  readonly reportReauth: true;
  /** Every posted value but credentials, to post again with the login. */
  readonly values: Readonly<Record<string, string>>;
  readonly email: string;
  readonly error: string | null;
}

const NOT_CARRIED = new Set(["password", "email", "intent"]);
const MAX_CARRIED = 200_000;

function carried(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  const intent = formData.get("intent");
  if (intent === "submit" || intent === "draft") values.resumeIntent = intent;
  let size = 0;
  for (const [key, value] of formData) {
    if (typeof value !== "string" || NOT_CARRIED.has(key) || key in values) continue;
    size += key.length + value.length;
    if (size > MAX_CARRIED) break;
    values[key] = value;
  }
  return values;
}

function reauthResponse(formData: FormData, error: string | null = null, email = "") {
  const payload: ReportReauth = { reportReauth: true, values: carried(formData), email, error };
  return data(payload, { status: 401 });
}

export function isReportReauth(value: unknown): value is ReportReauth {
  return typeof value === "object" && value !== null && (value as { reportReauth?: unknown }).reportReauth === true;
}

/**
 * Who is writing this report: the signed-in job specialist, or one who logs in again on the 401
 * page (then `cookie` starts the new session and `intent` is what they were doing). Without a
 * session and with nothing typed, the ordinary redirect to the login page.
 */
export async function requireReportWriter(
  request: Request,
  context: AppLoadContext,
  formData: FormData,
  t: TFunction,
): Promise<{ user: SessionUser; cookie: string | null; intent: string | null }> {
  const posted = formData.get("intent");
  if (posted === "reauth") {
    const email = String(formData.get("email") ?? "").slice(0, 320);
    const password = String(formData.get("password") ?? "").slice(0, 1024);
    if (!email || !password) throw reauthResponse(formData, t("reports.reauth.missing"), email);
    const outcome = await authenticate(context.db, context.limiter, { email, password, address: context.clientAddress });
    if (!outcome.ok) throw reauthResponse(formData, t(outcome.reason === "limited" ? "login.limited" : "login.invalid"), email);
    const user = context.db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId, caseProjectId: users.caseProjectId, locale: users.locale })
      .from(users)
      .where(eq(users.id, outcome.userId))
      .get();
    if (!user || user.role !== "job_specialist") throw forbidden();
    const resume = formData.get("resumeIntent");
    return { user, cookie: await startSession(context, user.id), intent: typeof resume === "string" ? resume : null };
  }
  const user = await getSessionUser(request, context);
  if (!user) {
    const typed = Object.keys(formValues(reportInstrument(context.codebook), formData)).length > 0;
    if (typed) throw reauthResponse(formData);
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  }
  if (user.role !== "job_specialist") throw forbidden();
  return { user, cookie: null, intent: typeof posted === "string" ? posted : null };
}

/** Adds the new session's cookie to a redirect. */
export function withCookie(response: Response, cookie: string | null): Response {
  if (cookie) response.headers.append("Set-Cookie", cookie);
  return response;
}
