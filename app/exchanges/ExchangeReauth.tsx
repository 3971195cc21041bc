// The error boundary of the participant's exchange page: answers posted after the session ended
// come back as a 401 carrying what was typed, and logging in again here saves them (see
// components/ReauthBoundary).
import { makeReauthBoundary } from "~/components/ReauthBoundary";
import type { ExchangeReauth } from "./reauth.server";

// Defined here, not imported: this module runs in the browser, where .server modules are empty.
function isReauth(value: unknown): value is ExchangeReauth {
  return typeof value === "object" && value !== null && (value as { exchangeReauth?: unknown }).exchangeReauth === true;
}

export const ExchangeErrorBoundary = makeReauthBoundary(isReauth, {
  title: "exchanges.reauth.title",
  lead: "exchanges.reauth.lead",
  submit: "exchanges.reauth.submit",
});
