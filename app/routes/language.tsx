import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setLocale } from "~/accounts/accounts.server";
import { safeRedirect } from "~/auth/permissions.server";
import { getSessionUser } from "~/auth/session.server";
import { localeCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locale";

// Anyone may switch language. Signed-in people keep the choice on their account; everyone
// also gets the cookie, so the login page after logout stays in the chosen language.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(to);
  const user = await getSessionUser(request, context);
  if (user) setLocale(context.db, user.id, locale);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
