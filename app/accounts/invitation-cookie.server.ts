// The invitation token leaves the address bar at once: /invitation/<token> puts it in this
// short-lived cookie and redirects to /invitation, so it is not left in history or referrers.
// Path "/" on purpose: with JavaScript on, the invitation page loads and posts through
// /invitation.data, which a cookie for /invitation would not reach.
import { createCookie } from "@remix-run/node";

const invitationCookie = createCookie("medforsker_invitation", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 3600,
});

/** Set-Cookie for the token; `secure` as for the session cookie (https PUBLIC_URL). */
export function invitationCookieHeader(token: string, secure: boolean): Promise<string> {
  return invitationCookie.serialize(token, { secure });
}

export function clearInvitationCookieHeader(secure: boolean): Promise<string> {
  return invitationCookie.serialize("", { maxAge: 0, secure });
}

export async function readInvitationToken(request: Request): Promise<string> {
  const token = await invitationCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" ? token : "";
}
