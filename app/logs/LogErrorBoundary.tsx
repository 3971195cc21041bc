// The error boundary of the log pages: a note posted after the session ended comes back as a 401
// carrying what was typed, and logging in again here saves it (see components/ReauthBoundary).
import { makeReauthBoundary, ReauthForm } from "~/components/ReauthBoundary";
import type { ReauthPayload } from "./author.server";

function isReauth(value: unknown): value is ReauthPayload {
  return typeof value === "object" && value !== null && (value as { reauth?: unknown }).reauth === true;
}

const text = { title: "logs.reauth.title", lead: "logs.reauth.lead", submit: "logs.reauth.submit" } as const;

export function Reauth({ payload }: { payload: ReauthPayload }) {
  return <ReauthForm payload={payload} text={text} className="log-reauth" />;
}

export const LogErrorBoundary = makeReauthBoundary(isReauth, text, "log-reauth");
