// Locales and instrument text. Interface text lives in the catalogues (./areas/*);
// instrument text lives in the definitions in surveys/ as { nb, en }.
export const locales = ["nb", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nb";
export type Localized = { nb: string; en: string };

export function isLocale(value: unknown): value is Locale {
  return value === "nb" || value === "en";
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale];
}

/** BCP 47 tag for Intl and <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale === "nb" ? "nb-NO" : "en-GB";
}
