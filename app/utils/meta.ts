// Page titles (WCAG 2.4.2): "<page> – Medforsker", in the language of the page.
import type { MetaDescriptor } from "@remix-run/node";
import { translator, type MessageKey } from "~/i18n/catalog";
import { defaultLocale, isLocale, type Locale } from "~/i18n/locale";

type MetaArgs = { matches: readonly ({ id: string; data: unknown } | undefined)[]; data?: unknown };

function localeOf(matches: MetaArgs["matches"]) {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}

/** A meta export whose title is a catalogue key, or built from the page's data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each page knows the shape of its own data
export function titled(title: MessageKey | ((t: ReturnType<typeof translator>, data: any, locale: Locale) => string)) {
  return ({ matches, data }: MetaArgs): MetaDescriptor[] => {
    const locale = localeOf(matches);
    const t = translator(locale);
    const page = typeof title === "function" ? title(t, data, locale) : t(title);
    return [{ title: `${page} – ${t("app.name")}` }];
  };
}
