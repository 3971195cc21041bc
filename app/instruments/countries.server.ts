// The built-in country option set: ISO 3166-1 countries with Norwegian and English names
// from i18n-iso-countries and the ISO numeric code as the code (e.g. Norge/Norway = 578).
import countries from "i18n-iso-countries";
import type { CompiledOption, LocaleOrder } from "./types";

let countryOptions: readonly CompiledOption[] | null = null;

export function isoCountries(): readonly CompiledOption[] {
  if (countryOptions) return countryOptions;
  const nb = countries.getNames("nb", { select: "official" });
  const en = countries.getNames("en", { select: "official" });
  const options: CompiledOption[] = [];
  for (const alpha2 of Object.keys(nb)) {
    const numeric = countries.alpha2ToNumeric(alpha2);
    if (!numeric || !en[alpha2]) continue;
    options.push({ code: Number(numeric), label: { nb: nb[alpha2], en: en[alpha2] } });
  }
  options.sort((a, b) => a.code - b.code);
  countryOptions = options;
  return options;
}

let countryOrder: LocaleOrder | null = null;

/** Country codes sorted by name in each language (shown that way in the select). */
export function isoCountryOrder(): LocaleOrder {
  if (countryOrder) return countryOrder;
  const sorted = (collator: Intl.Collator, locale: "nb" | "en") =>
    [...isoCountries()]
      .sort((a, b) => collator.compare(a.label[locale], b.label[locale]))
      .map((o) => o.code);
  countryOrder = {
    nb: sorted(new Intl.Collator("nb-NO"), "nb"),
    en: sorted(new Intl.Collator("en-GB"), "en"),
  };
  return countryOrder;
}

