// The one permissions module. Every loader and action calls one of these `require…` functions
// first; a failed check throws a Response (redirect to login, or 403/404) that the root error
// boundary renders.
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { getSessionUser, type SessionUser } from "./session.server";

export type { SessionUser };

/** A signed-in person of any role; anonymous visitors go to the login page and come back. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getSessionUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireRole(
  request: Request,
  context: AppLoadContext,
  ...allowed: Role[]
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!allowed.includes(user.role)) throw forbidden();
  return user;
}

export function requireResearcher(request: Request, context: AppLoadContext) {
  return requireRole(request, context, "researcher");
}

/** Pages only for visitors who are not signed in (login, setup, invitations). */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if (await getSessionUser(request, context)) throw redirect("/");
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/** Only same-site relative paths are followed after login, never another host. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
