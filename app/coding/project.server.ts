// Which project a coding page is about. Each project has its own codebook, and its researchers
// decide which of its codes co-researchers use. A job specialist codes in the project of their
// case project; a researcher picks one (?project=<slug>; the first by title when none is named).
import type { AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "~/auth/session.server";
import { notFound } from "~/auth/permissions.server";
import { listProjects } from "~/projects/projects.server";
import { projectOfSpecialist } from "~/survey/waves.server";

export type CodingUser = Pick<SessionUser, "id" | "role" | "caseProjectId">;

export interface CodingProject {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  /** Every project, for the researchers' choice (empty for job specialists). */
  readonly choices: readonly { slug: string; title: string }[];
  /** "project=<slug>" when there is a choice to keep on the next page, else "". */
  readonly query: string;
}

export function codingProject(context: AppLoadContext, user: CodingUser, requestUrl: string): CodingProject {
  const all = listProjects(context.db);
  if (user.role !== "researcher") {
    const own = projectOfSpecialist(context.db, user);
    const p = all.find((x) => x.id === own);
    if (!p) throw notFound();
    return { id: p.id, slug: p.slug, title: p.title, choices: [], query: "" };
  }
  const slug = new URL(requestUrl).searchParams.get("project");
  const p = slug ? all.find((x) => x.slug === slug) : all[0];
  if (!p) throw notFound();
  return { id: p.id, slug: p.slug, title: p.title, choices: all.map((x) => ({ slug: x.slug, title: x.title })), query: all.length > 1 ? `project=${encodeURIComponent(p.slug)}` : "" };
}
