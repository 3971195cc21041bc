// Interface text of the instrument forms (renderer and server validation). The questions
// themselves are instrument text and live in the definitions in surveys/.
import type { Messages } from "../catalog";

export const nb = {
  "instruments.optional": "valgfritt",
  "instruments.select.placeholder": "Velg …",
  "instruments.date.hint": "Dato, for eksempel 31.12.2018",
  "instruments.month.hint": "Måned, skrevet ÅÅÅÅ-MM, for eksempel 2018-12",
  "instruments.integer.range": "Et helt tall fra {min, number} til {max, number}",
  "instruments.counts.hint": "Skriv antall (0 eller mer) ved hvert alternativ.",
  "instruments.multiple.hint": "Kryss av for alle som passer.",
  "instruments.text.maxLength": "Høyst {max, plural, other {# tegn}}",
  "instruments.conditional.hint": "Besvares bare når det passer med svaret ovenfor.",
  "instruments.error.required": "Dette feltet må fylles ut",
  "instruments.error.chooseOne": "Velg ett av svaralternativene",
  "instruments.error.chooseStatement": "Velg et svar for denne påstanden",
  "instruments.error.chooseAtLeastOne": "Velg minst ett alternativ",
  "instruments.error.invalidOption": "Velg ett av alternativene som er vist",
  "instruments.error.invalidValue": "Ugyldig verdi",
  "instruments.error.tooLong": "Teksten er for lang: {length, plural, other {# tegn}}, høyst {max, number} er tillatt",
  "instruments.error.notInteger": "Skriv et helt tall, for eksempel 12",
  "instruments.error.tooSmall": "Tallet må være minst {min, number}",
  "instruments.error.tooLarge": "Tallet kan ikke være større enn {max, number}",
  "instruments.error.invalidDate": "Skriv en gyldig dato, for eksempel 31.12.2018",
  "instruments.error.invalidMonth": "Skriv en gyldig måned som ÅÅÅÅ-MM, for eksempel 2018-12",
  "instruments.section.step": "Del {position} av {sections}",
} as const;

export const en: Messages<typeof nb> = {
  "instruments.optional": "optional",
  "instruments.select.placeholder": "Choose …",
  "instruments.date.hint": "Date, for example 31.12.2018",
  "instruments.month.hint": "Month, written YYYY-MM, for example 2018-12",
  "instruments.integer.range": "A whole number from {min, number} to {max, number}",
  "instruments.counts.hint": "Enter a number (0 or more) for each option.",
  "instruments.multiple.hint": "Tick all that apply.",
  "instruments.text.maxLength": "At most {max, plural, one {# character} other {# characters}}",
  "instruments.conditional.hint": "Only answer this when it fits your answer above.",
  "instruments.error.required": "This field is required",
  "instruments.error.chooseOne": "Choose one of the answers",
  "instruments.error.chooseStatement": "Choose an answer for this statement",
  "instruments.error.chooseAtLeastOne": "Choose at least one option",
  "instruments.error.invalidOption": "Choose one of the options shown",
  "instruments.error.invalidValue": "Invalid value",
  "instruments.error.tooLong": "The text is too long: {length, plural, one {# character} other {# characters}}, at most {max, number} are allowed",
  "instruments.error.notInteger": "Enter a whole number, for example 12",
  "instruments.error.tooSmall": "The number must be at least {min, number}",
  "instruments.error.tooLarge": "The number cannot be greater than {max, number}",
  "instruments.error.invalidDate": "Enter a valid date, for example 31.12.2018",
  "instruments.error.invalidMonth": "Enter a valid month as YYYY-MM, for example 2018-12",
  "instruments.section.step": "Part {position} of {sections}",
};

export type InstrumentMessageKey = keyof typeof nb;
