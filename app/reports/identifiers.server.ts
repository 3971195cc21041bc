// Does a free-text answer of a participant report look like it names or identifies the
// participant? The report knows a participant only by the platform's code, so text that looks
// like an identifier is refused (never stored), with the reason next to the field.
//
// Refused: anything shaped like a national identity number or D-number (any 11 digits, written
// together or as 6 + 5; no checksum test, since a mistyped number identifies just as well),
// phone numbers, e-mail addresses, dates of birth, and names: a name introduced as one ("heter
// Amina", "navn: …", "called …"), after a title ("fru Hassan"), or a common given name in the
// main groups of the project and Norway (the shared name detector, app/names; see
// docs/decisions/reports-identifiers.md and names-detector.md for its limits).

import { findNames } from "~/names/detect";
import { nameLexicon } from "~/names/lexicon.server";

export const IDENTIFIER_KINDS = ["nationalId", "phone", "email", "birthDate", "name"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentifierFinding {
  readonly kind: IdentifierKind;
  /** The text as written. */
  readonly match: string;
}

const NATIONAL_ID = /(?<![\d])\d{6}[ \u00a0.-]?\d{5}(?![\d])/g;
// Norwegian numbers: 8 digits starting 2-9, together or as 3-2-3 / 2-2-2-2 with one kind of
// separator (so "2017 2018" is no phone number), with or without +47/0047; other countries
// only with their + prefix and at least 7 more digits.
const SEP = "[ \\u00a0.-]";
const PHONE = new RegExp(
  `(?<![\\d+\\p{L}])(?:(?:\\+|00)47${SEP}?)?` +
    `(?:[2-9]\\d{7}|[2-9]\\d{2}(${SEP})\\d{2}\\1\\d{3}|[2-9]\\d(${SEP})\\d{2}\\2\\d{2}\\2\\d{2})(?![\\d\\p{L}])` +
    `|(?<![\\d\\p{L}])\\+(?!47)\\d{1,3}(?:${SEP}?\\d){7,12}(?![\\d])`,
  "gu",
);
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// "født 12.03.1985", "f. 1985", "fødselsdato: …", "born in 1985", and any full date in a year
// when an adult participant of the 2010s or later was born (reports themselves are about later years).
const BIRTH_WORDS = /(?<![\p{L}])(?:født|fødd|f\.|fødselsdato|fødselsår|born|date of birth|d\.o\.b\.|dob)\s*(?::\s*)?(?:den\s+|in\s+|on\s+|i\s+)?(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{4})/giu;
const OLD_FULL_DATE = /(?<![\d])(?:0?[1-9]|[12]\d|3[01])\s*[./-]\s*(?:0?[1-9]|1[0-2])\s*[./-]\s*(?:19\d{2}|200\d)(?![\d])|(?<![\d])(?:19\d{2}|200\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d])/gu;

const CAPITALISED = "\\p{Lu}[\\p{Ll}'’-]+";
/** A word with either case of its first letter ("heter" / "Heter"); the name after it must be capitalised. */
const anyCase = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
const INTRO_WORDS = ["heter", "het", "kalles", "navnet hans", "navnet hennes", "navnet er", "navn:", "fornavn:", "etternavn:", "named", "called", "his name is", "her name is", "the name is", "name:"];
const NAME_INTRO = new RegExp(
  `(?<![\\p{L}])(?:${INTRO_WORDS.map((w) => anyCase(w).replace(":", "\\s*:")).join("|")})\\s+(${CAPITALISED}(?:\\s+${CAPITALISED})?)`,
  "gu",
);
const TITLE_NAME = new RegExp(`(?<![\\p{L}])(?:[Ff]ru|[Ff]rk\\.?|[Hh]err|Mr\\.?|Mrs\\.?|Ms\\.?|Miss)\\s+(${CAPITALISED})`, "gu");


function collect(text: string, pattern: RegExp, kind: IdentifierKind, out: IdentifierFinding[], group = 0) {
  for (const m of text.matchAll(pattern)) {
    const value = (m[group] ?? m[0]).trim();
    if (value) out.push({ kind, match: value });
  }
}

/** Everything in `text` that looks like it identifies a person; each match once, by kind. */
export function findIdentifiers(text: string): IdentifierFinding[] {
  if (!text) return [];
  const found: IdentifierFinding[] = [];
  collect(text, NATIONAL_ID, "nationalId", found);
  // Phone numbers are looked for where no identity number was found, so one is not both.
  collect(text.replace(NATIONAL_ID, " "), PHONE, "phone", found);
  collect(text, EMAIL, "email", found);
  const withoutEmails = text.replace(EMAIL, " ");
  collect(withoutEmails, BIRTH_WORDS, "birthDate", found);
  collect(withoutEmails.replace(BIRTH_WORDS, " "), OLD_FULL_DATE, "birthDate", found);
  collect(withoutEmails, NAME_INTRO, "name", found, 1);
  collect(withoutEmails, TITLE_NAME, "name", found, 1);
  // The exports' name detector, strict (only listed names, no rule for unknown capitalised words): a false alarm blocks saving here.
  // A single word counts only as a given name («Born in 1979» is no name).
  const lexicon = nameLexicon();
  for (const hit of findNames(withoutEmails, lexicon, { listedOnly: true })) {
    const words = hit.text.split(/\s+/);
    if (words.length > 1 || lexicon.name(words[0].toLowerCase().replace(/(?:['’]s?|s)$/, ""))?.given || lexicon.name(words[0].toLowerCase())?.given) found.push({ kind: "name", match: hit.text });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => IDENTIFIER_KINDS.indexOf(a.kind) - IDENTIFIER_KINDS.indexOf(b.kind))
    .filter((f) => {
      const key = `${f.kind}:${f.match.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      // "Tesfaye" once "Tesfaye Gebremedhin" is reported says nothing new.
      return !found.some((g) => g !== f && g.kind === f.kind && g.match.length > f.match.length && g.match.includes(f.match));
    });
}
