// Interface text for the instrument forms, read straight from this area's catalogue so the
// renderer and the validator do not depend on the other areas.
import { en, nb, type InstrumentMessageKey } from "../i18n/areas/instruments";
import { formatMessage, type MessageParams } from "../i18n/format";
import type { Locale } from "../i18n/locale";

export type InstrumentT = (key: InstrumentMessageKey, params?: MessageParams) => string;

const catalogs: Record<Locale, Record<InstrumentMessageKey, string>> = { nb, en };

export function instrumentText(locale: Locale): InstrumentT {
  const messages = catalogs[locale] ?? catalogs.nb;
  return (key, params) => formatMessage(messages[key] ?? key, locale, params);
}
