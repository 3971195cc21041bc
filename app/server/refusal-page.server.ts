// The page of a refused cross-site request. It is answered before Remix, so it is a small
// document of its own, in the language of the visitor's language cookie.
import { translator } from "~/i18n/catalog";
import { defaultLocale, htmlLang, isLocale } from "~/i18n/locale";
import { localeCookie } from "~/i18n/locale.server";

export async function crossSiteRefusalPage(cookieHeader: string | null): Promise<string> {
  const chosen = await localeCookie.parse(cookieHeader).catch(() => null);
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  const t = translator(locale);
  return `<!doctype html>
<html lang="${htmlLang(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t("refused.title")} – ${t("app.name")}</title></head>
<body><main><h1>${t("refused.title")}</h1><p>${t("refused.text")}</p><p><a href="/">${t("error.back")}</a></p></main></body>
</html>`;
}
