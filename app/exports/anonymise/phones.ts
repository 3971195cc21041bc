// Phone numbers in free text, found with libphonenumber-js (Google's libphonenumber metadata):
// Norwegian numbers in every common writing (+47 / 0047 / «47 98 76 54 32» / 987 65 432 /
// 98 76 54 32) and numbers of any country written with + or 00 (Swedish, Somali, Syrian,
// Eritrean …). Only numbers valid for their country count. Look-alikes that the metadata would
// take for a Norwegian number are left: dates («23.03.2018», «20180312») and two groups of four
// digits («2017 2018»). Pure; no I/O.
import { findPhoneNumbersInText } from "libphonenumber-js/max";

export interface PhoneMatch {
  readonly start: number;
  readonly end: number;
}

const DAY_MONTH = "(?:0?[1-9]|[12]\\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-]";
const DATE = new RegExp(`^${DAY_MONTH}(?:\\d{2}|\\d{4})$|^${DAY_MONTH}\\d{2}(?!\\d)`);
const FOUR_AND_FOUR = /^\d{4}[ \u00a0.-]\d{4}$/;

/** An 8-digit run that reads as a date yyyymmdd (19xx/20xx) is a date, not a phone number. */
function looksLikeCompactDate(digits: string): boolean {
  if (!/^(19|20)\d{6}$/.test(digits)) return false;
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function findPhoneNumbers(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const m of findPhoneNumbersInText(text, { defaultCountry: "NO" })) {
    const written = text.slice(m.startsAt, m.endsAt);
    if (DATE.test(written) || FOUR_AND_FOUR.test(written) || looksLikeCompactDate(written.replace(/\D/g, ""))) continue;
    // A number glued to letters or other digits is part of something else («ABC98765432»).
    if (/[\p{L}\d]/u.test(text.charAt(m.startsAt - 1)) || /[\p{L}\d]/u.test(text.charAt(m.endsAt))) continue;
    found.push({ start: m.startsAt, end: m.endsAt });
  }
  return found;
}
