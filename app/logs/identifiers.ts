// Does a log note look like it is about one participant, or carry an identifier? The log is
// meant to be "på et aggregert nivå, ikke per deltaker" (instruments.md §3.3), so the author
// gets a warning (never a block) naming what was found. Pure and browser-safe.
//
// Found: phone numbers (the exports' finder, libphonenumber-js), e-mail addresses, national
// identity numbers and D-numbers (11 digits, both mod-11 control digits checked), names of the
// project's people, likely names nobody registered (the exports' name detector, handed in), and
// wording about a single participant.

import { findPhoneNumbers } from "~/exports/anonymise/phones";
import type { NameHit } from "~/names/detect";

export const FINDING_KINDS = ["nationalId", "phone", "email", "name", "singleParticipant", "personName"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly kind: FindingKind;
  /** The text as it appears in the note. */
  readonly match: string;
}

// ---------------------------------------------------------------------------------------
// National identity numbers (fødselsnummer), D-numbers and H-numbers

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null; // no valid number has this
  return k;
}

/**
 * True for an 11-digit Norwegian national identity number or D-number (day + 40) whose two
 * control digits are right and whose date part is a possible date. H-numbers (month + 40)
 * and the synthetic test numbers of Skatteetaten (month + 80) are accepted too.
 */
export function isNationalIdNumber(value: string): boolean {
  const compact = value.replace(/\s/g, "");
  if (!/^\d{11}$/.test(compact)) return false;
  const d = [...compact].map(Number);
  let day = d[0] * 10 + d[1];
  let month = d[2] * 10 + d[3];
  if (day > 40) day -= 40; // D-number
  if (month > 80) month -= 80; // synthetic (Tenor)
  else if (month > 40) month -= 40; // H-number
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const k1 = control(d, K1);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = control(d, K2);
  return k2 !== null && k2 === d[10];
}

/** The two control digits for the first nine digits (for tests and synthetic data). */
export function nationalIdControlDigits(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1 = control(d, K1);
  if (k1 === null) return null;
  const k2 = control([...d, k1], K2);
  return k2 === null ? null : `${k1}${k2}`;
}

// ---------------------------------------------------------------------------------------
// Patterns

const NATIONAL_ID = /(?<![\d])(\d{6})[ \u00a0]?(\d{5})(?![\d])/g;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Definite singular forms point at one person ("deltakeren sa …"), as does an age.
const SINGLE_PARTICIPANT = new RegExp(
  "(?<![\\p{L}])(?:deltakeren|deltageren|kandidaten|arbeidssøkeren|jobbsøkeren|brukeren|kvinnen|mannen|" +
    "the participant|the candidate|the job seeker)(?![\\p{L}])" +
    "|(?<![\\p{L}\\d])\\d{2}[ \\u00a0-]?(?:år gammel|åring|years old|year-old)(?![\\p{L}])",
  "giu",
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A matcher for the names of the project's people: each full name (any spacing) and each
 * part of at least three letters, written with its capital, as a word of its own.
 */
export function nameMatcher(names: readonly string[]): RegExp | null {
  const parts = new Set<string>();
  const full = new Set<string>();
  for (const name of names) {
    const words = name.trim().split(/\s+/).filter(Boolean);
    if (words.length > 1) full.add(words.map(escapeRegExp).join("\\s+"));
    for (const word of words) {
      for (const piece of word.split("-")) {
        if (piece.length >= 3 && /^\p{Lu}/u.test(piece)) parts.add(escapeRegExp(piece));
      }
    }
  }
  if (!parts.size && !full.size) return null;
  // Longest alternatives first, so a full name wins over its parts.
  const alternatives = [...full, ...parts].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

function collect(text: string, pattern: RegExp, kind: FindingKind, out: Finding[], accept?: (m: string) => boolean) {
  for (const m of text.matchAll(pattern)) {
    if (!accept || accept(m[0])) out.push({ kind, match: m[0].trim() });
  }
}

export interface FindOptions {
  /** A matcher from `nameMatcher` (built once per project). */
  readonly names?: RegExp | null;
  /** The name detector (app/names), for names nobody registered. */
  readonly detectNames?: (text: string) => readonly NameHit[];
}

/** Everything in `text` that may identify a person, in order of kind; each match once. */
export function findIdentifiers(text: string, options: FindOptions = {}): Finding[] {
  if (!text) return [];
  const found: Finding[] = [];
  const idSpans: string[] = [];
  collect(text, NATIONAL_ID, "nationalId", found, (m) => {
    const ok = isNationalIdNumber(m);
    if (ok) idSpans.push(m);
    return ok;
  });
  // A phone number never hides inside a national identity number (the finder needs it whole).
  for (const m of findPhoneNumbers(text)) found.push({ kind: "phone", match: text.slice(m.start, m.end) });
  collect(text, EMAIL, "email", found);
  const withoutEmails = text.replace(EMAIL, " ");
  if (options.names) {
    collect(withoutEmails, options.names, "name", found);
  }
  collect(text, SINGLE_PARTICIPANT, "singleParticipant", found);
  if (options.detectNames) {
    const known = new Set(found.filter((f) => f.kind === "name").map((f) => f.match.toLowerCase()));
    for (const hit of options.detectNames(withoutEmails)) if (!known.has(hit.text.toLowerCase())) found.push({ kind: "personName", match: hit.text });
  }
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.kind}:${f.match.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Findings over several fields of a note (the free-text answers). */
export function findInAnswers(values: Record<string, unknown>, fields: readonly string[], options: FindOptions = {}): Finding[] {
  const text = fields
    .map((f) => values[f])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join("\n");
  return findIdentifiers(text, options);
}

/** The distinct kinds of a list of findings, in the canonical order. */
export function findingKinds(findings: readonly Finding[]): FindingKind[] {
  return FINDING_KINDS.filter((k) => findings.some((f) => f.kind === k));
}
