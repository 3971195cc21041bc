// A report posted after the session ended is not turned away with a redirect that would drop
// it: the action answers 401 with what was typed, the page shows a login form carrying it, and
// logging in there finishes the save (no JavaScript needed). Only for the report form, the one
// form here with much to retype.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { forbidden } from "~/auth/permissions.server";
import { reauthenticate, reauthResponse } from "~/auth/reauth.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
import type { TFunction } from "~/i18n/catalog";
import { formValues, reportInstrument } from "./instrument.server";

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
    const { user, cookie } = await reauthenticate(context, formData, t, "reports.reauth.missing");
    if (user.role !== "job_specialist") throw forbidden();
    const resume = formData.get("resumeIntent");
    return { user, cookie, intent: typeof resume === "string" ? resume : null };
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
