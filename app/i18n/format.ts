// The one mechanism that turns a catalogue text and its values into the words on the page: ICU
// MessageFormat (intl-messageformat). A count is written as `{count, plural, one {# notat} other
// {# notater}}`, and Intl.PluralRules of the page's language picks the form, in nb and en alike.
// Plain `{name}` arguments are inserted as they are; `{n, number}` and `#` are formatted with the
// language's digit grouping from 10 000 up (2017 stays «2017», 12000 is «12 000»).
// Browser-safe: the server and the browser produce the same text.
import { IntlMessageFormat, type Formatters } from "intl-messageformat";
import { htmlLang, type Locale } from "./locale";

export type MessageParams = Record<string, string | number>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, args: unknown[], make: () => T): T {
  const key = JSON.stringify(args);
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

const formatters: Formatters = {
  getNumberFormat: (locales, options) =>
    cached(numberFormats, [locales, options], () => new Intl.NumberFormat(locales, { useGrouping: "min2", ...options } as Intl.NumberFormatOptions)),
  getPluralRules: (locales, options) => cached(pluralRules, [locales, options], () => new Intl.PluralRules(locales, options)),
  getDateTimeFormat: (locales, options) =>
    cached(dateTimeFormats, [locales, options], () => new Intl.DateTimeFormat(locales, options)),
};

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled form of one text; tags are plain text here (a few texts contain «<5»). */
export function compileMessage(text: string, locale: Locale): IntlMessageFormat {
  const key = `${locale}\u0000${text}`;
  let message = compiled.get(key);
  if (!message) {
    message = new IntlMessageFormat(text, htmlLang(locale), undefined, { ignoreTag: true, formatters });
    compiled.set(key, message);
  }
  return message;
}

export function formatMessage(text: string, locale: Locale, params?: MessageParams): string {
  if (!params && !/[{}']/.test(text)) return text;
  return String(compileMessage(text, locale).format(params));
}
