// Which language this request is answered in: the person's saved choice, else the language
// cookie (for visitors who are not signed in), else bokmål.
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { translator } from "./catalog";
import { defaultLocale, isLocale, type Locale } from "./locale";

export const localeCookie = createCookie("medforsker_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

export async function getLocale(request: Request, context: AppLoadContext): Promise<Locale> {
  const user = await getSessionUser(request, context);
  if (user?.locale) return user.locale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export async function getTranslator(request: Request, context: AppLoadContext) {
  const locale = await getLocale(request, context);
  return { locale, t: translator(locale) };
}
