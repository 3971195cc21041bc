// The error boundary of the participant's exchange page: answers posted after the session ended
// come back as a 401 carrying what was typed, and logging in again here saves them (see
// components/ReauthBoundary).
import { makeReauthBoundary } from "~/components/ReauthBoundary";

export const ExchangeErrorBoundary = makeReauthBoundary({
  title: "exchanges.reauth.title",
  lead: "exchanges.reauth.lead",
  submit: "exchanges.reauth.submit",
});
