// The invitation token leaves the address bar at once: /invitation/<token> puts it in this
// short-lived cookie and redirects to /invitation, so it is not left in history or referrers.
import { createCookie } from "@remix-run/node";

export const invitationCookie = createCookie("medforsker_invitation", {
  path: "/invitation",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 3600,
});
