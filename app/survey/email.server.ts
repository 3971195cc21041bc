// The ready e-mail text a job specialist copies into their own e-mail, one per language, with a
// placeholder where each link goes. The platform sends no e-mail and stores no address.
import { translator } from "~/i18n/catalog";
import type { Locale } from "~/i18n/locale";

export function emailText(wave: { title: string; infoNb: string; infoEn: string; contact: string }, locale: Locale): string {
  const t = translator(locale);
  const info = locale === "en" ? wave.infoEn : wave.infoNb;
  return [
    wave.title,
    "",
    t("survey.wave.emailGreeting"),
    "",
    info.trim(),
    "",
    t("survey.wave.emailAnswerHere"),
    t("survey.wave.emailPlaceholder"),
    "",
    ...(wave.contact.trim() ? [t("survey.wave.emailContact", { contact: wave.contact.trim() }), ""] : []),
    t("survey.wave.emailThanks"),
  ].join("\n");
}

export function emailTexts(wave: { title: string; infoNb: string; infoEn: string; contact: string }) {
  return { nb: emailText(wave, "nb"), en: emailText(wave, "en") };
}
