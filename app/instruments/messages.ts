// Interface text for the instrument forms, read straight from this area's catalogue so the
// renderer and the validator do not depend on the other areas.
import { en, nb, type InstrumentMessageKey } from "../i18n/areas/instruments";
import type { Locale } from "../i18n/locale";

export type InstrumentT = (
  key: InstrumentMessageKey,
  params?: Record<string, string | number>,
) => string;

const catalogs: Record<Locale, Record<InstrumentMessageKey, string>> = { nb, en };

export function instrumentText(locale: Locale): InstrumentT {
  const messages = catalogs[locale] ?? catalogs.nb;
  return (key, params) => {
    const text = messages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (_, name: string) =>
      name in params ? formatParam(params[name], locale) : `{${name}}`,
    );
  };
}

function formatParam(value: string | number, locale: Locale): string {
  if (typeof value === "number") {
    return new Intl.NumberFormat(locale === "nb" ? "nb-NO" : "en-GB", {
      useGrouping: Math.abs(value) >= 10000,
    }).format(value);
  }
  return value;
}
