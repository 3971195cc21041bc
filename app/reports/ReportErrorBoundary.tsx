// The error boundary of the report page: a report posted after the session ended comes back as a
// 401 with what was typed, and logging in again here saves it (see components/ReauthBoundary).
import { makeReauthBoundary } from "~/components/ReauthBoundary";
import type { ReportReauth } from "./reauth.server";

// Defined here, not imported: this module runs in the browser, where .server modules are empty.
function isReauth(value: unknown): value is ReportReauth {
  return typeof value === "object" && value !== null && (value as { reportReauth?: unknown }).reportReauth === true;
}

export const ReportErrorBoundary = makeReauthBoundary(isReauth, {
  title: "reports.reauth.title",
  lead: "reports.reauth.lead",
  submit: "reports.reauth.submit",
});
