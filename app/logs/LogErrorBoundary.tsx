// The error boundary of the log pages: a note posted after the session ended comes back as a 401
// carrying what was typed, and logging in again here saves it (see components/ReauthBoundary).
import { makeReauthBoundary } from "~/components/ReauthBoundary";

export const LogErrorBoundary = makeReauthBoundary({ title: "logs.reauth.title", lead: "logs.reauth.lead", submit: "logs.reauth.submit" }, "log-reauth");
