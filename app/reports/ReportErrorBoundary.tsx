// The error boundary of the report page: a report posted after the session ended comes back as a
// 401 with what was typed, and logging in again here saves it (see components/ReauthBoundary).
import { makeReauthBoundary } from "~/components/ReauthBoundary";

export const ReportErrorBoundary = makeReauthBoundary({
  title: "reports.reauth.title",
  lead: "reports.reauth.lead",
  submit: "reports.reauth.submit",
});
