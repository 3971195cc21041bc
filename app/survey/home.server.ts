// The survey panel on the job specialist's home page: their waves and how many of their links
// are used. Null for everybody else (researchers get a link in their task list).
import type { AppLoadContext } from "@remix-run/node";
import { spentKeyFor } from "./keys.server";
import { specialistWaves } from "./links.server";

export function surveyHomePanel(context: Pick<AppLoadContext, "db" | "sqlite" | "secrets" | "config">, user: { id: number; role: string; caseProjectId: number | null }) {
  if (user.role !== "job_specialist") return null;
  return { waves: specialistWaves(context.db, spentKeyFor(context.secrets.pseudonymKey), user) };
}

export type SurveyHomePanelData = ReturnType<typeof surveyHomePanel>;
