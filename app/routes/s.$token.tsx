// The employer's link /s/<token>. The token goes into an httpOnly cookie for /s and the browser
// is sent on to /s at once, so the token leaves the address bar and the history. Nothing is
// looked up or written here; /s decides whether the link can be used.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isLinkTokenShape } from "~/survey/keys.server";
import { clearLinkCookie, linkCookie } from "~/survey/respond.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const secure = context.config.secureCookies;
  return redirect("/s", {
    status: 303,
    headers: {
      "Set-Cookie": isLinkTokenShape(token) ? linkCookie(token, secure) : clearLinkCookie(secure),
      "Cache-Control": "no-store",
    },
  });
}
