// Phone numbers in free text, found with libphonenumber-js (Google's libphonenumber metadata):
// Norwegian numbers in every common writing (+47 / 0047 / «47 98 76 54 32» / 987 65 432 /
// 98 76 54 32) and numbers of any country written with + or 00 (Swedish, Somali, Syrian,
// Eritrean …), also in Arabic-Indic or full-width digits. Only numbers valid for their country
// count. Look-alikes that the metadata would take for a Norwegian number are left: dates
// («23.03.2018», «20180312») and two groups of four digits («2017 2018», «2018/1234»). Pure; no I/O.
import { findPhoneNumbersInText } from "libphonenumber-js/max";

export interface PhoneMatch {
  readonly start: number;
  readonly end: number;
}

const DAY_MONTH = "(?:0?[1-9]|[12]\\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-]";
const DATE = new RegExp(`^${DAY_MONTH}(?:\\d{2}|\\d{4})$|^${DAY_MONTH}\\d{2}(?!\\d)`);
const FOUR_AND_FOUR = /^\d{4}[ \u00a0./-]\d{4}$/;
/**
 * A run of digits with at most four other characters (no letters) between neighbours: a number
 * lies inside one. Only runs of five digits or more can hold one (every string of one to four
 * digits, alone or after + or 00, was checked against the metadata).
 */
const DIGIT_RUN = /\p{Nd}(?:[^\p{L}\p{Nd}]{0,4}\p{Nd})*/gu;
const DIGIT = /\p{Nd}/gu;
const GLUE = /[\p{L}\p{Nd}]/u;

/** An 8-digit run that reads as a date yyyymmdd (19xx/20xx) is a date, not a phone number. */
function looksLikeCompactDate(digits: string): boolean {
  if (!/^(19|20)\d{6}$/.test(digits)) return false;
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Is the written run a date or a pair of years, which the metadata would read as a Norwegian number? */
function isLookAlike(run: string): boolean {
  const written = run.replace(/^[([]+/, "");
  return DATE.test(written) || FOUR_AND_FOUR.test(written) || looksLikeCompactDate(written.replace(/\D/g, ""));
}

/**
 * `text` as the finder sees it, the same length: digit runs that cannot be a number (fewer than
 * five digits, dates) blanked out, since libphonenumber parses every group of digits it meets
 * (about 20 µs each: «uke 12», «45 av 168»), and commas and semicolons as line breaks, since it
 * reads them as extension labels («47 98 76 54 32, 0047 987 65 432» would become one number with
 * extension 0047, leaving «987 65 432» cut apart). Null when no run can be a number.
 */
function finderText(text: string): string | null {
  let out = "";
  let at = 0;
  let kept = false;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0];
    if (run.match(DIGIT)!.length >= 5 && !isLookAlike(run)) {
      kept = true;
      continue;
    }
    out += text.slice(at, m.index) + " ".repeat(run.length);
    at = m.index + run.length;
  }
  return kept ? (out + text.slice(at)).replace(/[,;]/g, "\n") : null;
}

export function findPhoneNumbers(text: string): PhoneMatch[] {
  const seen = finderText(text);
  if (seen === null) return [];
  const found: PhoneMatch[] = [];
  for (const m of findPhoneNumbersInText(seen, { defaultCountry: "NO" })) {
    if (isLookAlike(text.slice(m.startsAt, m.endsAt))) continue;
    // A number glued to letters or other digits is part of something else («ABC98765432»).
    if (GLUE.test(text.charAt(m.startsAt - 1)) || GLUE.test(text.charAt(m.endsAt))) continue;
    found.push({ start: m.startsAt, end: m.endsAt });
  }
  return found;
}
