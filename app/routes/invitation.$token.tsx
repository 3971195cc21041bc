import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { invitationCookieHeader } from "~/accounts/invitation-cookie.server";

// Open to anyone holding a link: the token is only moved into a cookie here, checked on /invitation.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? "").slice(0, 200);
  return redirect("/invitation", { headers: { "Set-Cookie": await invitationCookieHeader(token, context.config.secureCookies) } });
}
