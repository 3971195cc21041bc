// The free-text scrubber of every export: finds direct identifiers in text and replaces each with
// a marker in place ("[NAVN]", "[TELEFON]" …), so a reader sees that something was removed and
// what kind of thing it was. Numbers are redacted only when their check digits hold (national
// identity and D-numbers, organisation numbers), so an 11-digit reference with wrong control
// digits stays. Names come from what the platform knows (the project's people, its case
// organisations and places) plus the terms a researcher added in the review. Pure; no I/O.
import type { NameHit } from "~/names/detect";
import { isOrganisationNumber, personNumberKind } from "./norwegian-ids";
import { findPhoneNumbers } from "./phones";

export const REDACTION_KINDS = ["email", "url", "nationalId", "dNumber", "orgNumber", "phone", "term", "name", "organisation", "place", "bidi"] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** The markers are Norwegian in every export language: the data they stand in is Norwegian text. */
export const REDACTION_MARKERS: Record<RedactionKind, string> = {
  email: "[E-POST]",
  url: "[NETTADRESSE]",
  nationalId: "[FØDSELSNUMMER]",
  dNumber: "[D-NUMMER]",
  orgNumber: "[ORG.NR.]",
  phone: "[TELEFON]",
  term: "[SLADDET]",
  name: "[NAVN]",
  organisation: "[ORGANISASJON]",
  place: "[STED]",
  // Bidirectional controls (right-to-left override …) can make a cell read otherwise than it holds: removed.
  bidi: "",
};

export type RedactionCounts = Partial<Record<RedactionKind, number>>;

export interface KnownTerms {
  /** Full names of people; each name and each capitalised part of 3+ letters is redacted. */
  readonly people?: readonly string[];
  /** Names of case organisations, redacted as a whole. */
  readonly organisations?: readonly string[];
  /** Place names, redacted as a whole. */
  readonly places?: readonly string[];
  /** Researcher-added words or phrases, matched case-insensitively anywhere as whole words. */
  readonly extra?: readonly string[];
}

/** Names nobody registered, found by the name detector, with the researcher's decisions per term. */
export interface NameScrubbing {
  readonly detect: (text: string) => readonly NameHit[];
  /** Terms confirmed as names: redacted wherever they occur, as whole words, in any case. */
  readonly confirmed?: readonly string[];
  /** Terms rejected as names: the detector's finds of them are kept. */
  readonly rejected?: readonly string[];
}

/** The key a decision about a found name is stored under: NFC, lower case, single spaces. */
export function nameTerm(text: string): string {
  return text.normalize("NFC").replace(BIDI_CONTROLS, "").trim().replace(/\s+/g, " ").toLowerCase();
}

export interface Redaction {
  readonly kind: RedactionKind;
  /** UTF-16 offsets in the (NFC) text given to find(). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const NONE: readonly Redaction[] = Object.freeze([]);
const PRIORITY: Record<RedactionKind, number> = Object.fromEntries(REDACTION_KINDS.map((k, i) => [k, i])) as Record<RedactionKind, number>;

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_RE = /(?<![\p{L}\p{N}@/])(?:https?:\/\/|www\.)[^\s<>"«»]+/giu;
const URL_TRAILING = /[.,;:!?)\]}'’»]+$/u;
// 11 digits, optionally split 6+5 by one space, dot or hyphen; checked by personNumberKind.
const PERSON_NUMBER = /(?<!\d)\d{6}[ \u00a0.-]?\d{5}(?!\d)/g;
// 9 digits starting 8 or 9, together or as 3+3+3 with one kind of separator; checked by isOrganisationNumber.
const ORG_NUMBER = /(?<!\d)[89]\d{2}([ \u00a0.]?)\d{3}\1\d{3}(?!\d)/g;
// Bidirectional embedding, override and isolate controls, the marks LRM/RLM and the Arabic letter mark.
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const HAS_BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
// A capitalised word (possibly hyphenated), the only place a known name can start.
const TOKEN_BODY = /\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/uy;
const WORD_END = /[\p{L}\p{M}\p{N}]$/u;
const HAS_DIGIT = /\d/;
const MAY_BE_URL = /https?:|www\./i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pattern for words or phrases, matched case-insensitively as whole words (any spacing); null for none. */
function wholeWords(terms: readonly string[]): RegExp | null {
  const list = [...new Set(terms.map((t) => t.normalize("NFC").trim().replace(/\s+/g, " ")).filter((t) => t.length > 0))];
  if (!list.length) return null;
  const alternatives = list.sort((a, b) => b.length - a.length).map((t) => t.split(" ").map(escapeRegExp).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{M}\\p{N}])`, "giu");
}

/**
 * Words that name a role, not a person: never redacted as a single part of someone's name
 * (the demo researcher is «Forsker Demosen»; transcripts label turns «Forsker:», «Leder2:»).
 * The full name is still redacted.
 */
const ROLE_WORDS = new Set(["forsker", "leder", "jobbspesialist", "deltaker", "kandidat", "arbeidsgiver", "veileder", "rådgiver", "programrådgiver", "caseansvarlig", "koordinator", "markedskontakt"]);

type TermKind = "name" | "organisation" | "place";
const TERM_PRIORITY: Record<TermKind, number> = { name: 0, organisation: 1, place: 2 };

interface MultiWord {
  /** Sticky, case-insensitive: the longest known phrase starting at lastIndex. */
  readonly pattern: RegExp;
  readonly kinds: Map<string, TermKind>;
}

/** A compiled scrubber for one project (and review); reuse it for every value of an export. */
export class Scrubber {
  /** Lower-cased single words -> kind. */
  private readonly singles = new Map<string, TermKind>();
  /** Lower-cased first word -> the phrases starting with it. */
  private readonly phrases = new Map<string, MultiWord>();
  /**
   * The same, keyed by the forms a capitalised token takes (as written, Capitalised, UPPER), so
   * the common case, a token that is no known name, costs one map lookup and no allocation.
   */
  private readonly exactSingles = new Map<string, TermKind>();
  private readonly exactPhrases = new Map<string, MultiWord>();
  /** Every form above in one alternation: a fast first pass that finds where a known name may start. */
  private readonly candidates: RegExp | null = null;
  private readonly extra: RegExp | null;
  private readonly confirmed: RegExp | null;
  private readonly rejected: ReadonlySet<string>;
  readonly termCount: number;

  constructor(
    terms: KnownTerms = {},
    private readonly names: NameScrubbing | null = null,
  ) {
    const phraseLists = new Map<string, Map<string, TermKind>>();
    const forms = new Map<string, Set<string>>();
    const addForm = (key: string, written: string) => {
      const set = forms.get(key) ?? new Set<string>();
      for (const f of [written, key.charAt(0).toUpperCase() + key.slice(1), key.toUpperCase()]) set.add(f);
      forms.set(key, set);
    };
    const add = (raw: string, kind: TermKind, minLength: number) => {
      const term = raw.normalize("NFC").trim().replace(/\s+/g, " ");
      if ([...term].length < minLength || !/\p{L}/u.test(term)) return;
      const words = term.split(" ");
      addForm(words[0].toLowerCase(), words[0]);
      if (words.length === 1) {
        const key = term.toLowerCase();
        const had = this.singles.get(key);
        if (!had || TERM_PRIORITY[kind] < TERM_PRIORITY[had]) this.singles.set(key, kind);
        return;
      }
      const first = words[0].toLowerCase();
      const list = phraseLists.get(first) ?? new Map<string, TermKind>();
      const key = term.toLowerCase();
      const had = list.get(key);
      if (!had || TERM_PRIORITY[kind] < TERM_PRIORITY[had]) list.set(key, kind);
      phraseLists.set(first, list);
    };
    for (const name of terms.people ?? []) {
      add(name, "name", 3);
      // Each capitalised part of 3+ letters, and each piece of a hyphenated part, on its own.
      for (const word of name.trim().split(/\s+/)) {
        for (const piece of [word, ...word.split("-")]) if (/^\p{Lu}/u.test(piece) && !ROLE_WORDS.has(piece.toLowerCase())) add(piece, "name", 3);
      }
    }
    for (const org of terms.organisations ?? []) add(org, "organisation", 2);
    for (const place of terms.places ?? []) add(place, "place", 2);
    for (const [first, list] of phraseLists) {
      const alternatives = [...list.keys()].sort((a, b) => b.length - a.length).map((p) => p.split(" ").map(escapeRegExp).join("\\s+"));
      // An optional genitive s ("NAV Bjerkes"), then no letter or digit.
      const pattern = new RegExp(`(?:${alternatives.join("|")})(?:s|'s|’s)?(?![\\p{L}\\p{M}\\p{N}])`, "iuy");
      this.phrases.set(first, { pattern, kinds: list });
    }
    for (const [key, set] of forms) {
      for (const form of set) {
        const single = this.singles.get(key);
        if (single) this.exactSingles.set(form, single);
        const phrase = this.phrases.get(key);
        if (phrase) this.exactPhrases.set(form, phrase);
      }
    }
    const starts = [...new Set([...this.exactSingles.keys(), ...this.exactPhrases.keys()].map((f) => f.split(/[-'’]/)[0]))].filter(Boolean);
    if (starts.length) this.candidates = new RegExp(starts.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
    const extra = (terms.extra ?? []).map((t) => t.normalize("NFC").trim().replace(/\s+/g, " ")).filter((t) => t.length > 0);
    this.extra = wholeWords(extra);
    this.confirmed = wholeWords(names?.confirmed ?? []);
    this.rejected = new Set((names?.rejected ?? []).map(nameTerm));
    this.termCount = this.singles.size + [...phraseLists.values()].reduce((n, l) => n + l.size, 0) + extra.length;
  }

  /** Every identifier in `text` (NFC), left to right, without overlaps. */
  find(text: string): readonly Redaction[] {
    if (!text) return NONE;
    // One scratch list per scrubber: most values hold nothing, and allocating per value showed.
    const found = this.scratch;
    found.length = 0;
    const push = this.push;
    this.text = text;

    if (text.includes("@")) for (const m of text.matchAll(EMAIL)) push("email", m.index, m.index + m[0].length);
    if (MAY_BE_URL.test(text)) {
      for (const m of text.matchAll(URL_RE)) {
        const trimmed = m[0].replace(URL_TRAILING, "");
        if (trimmed.length > 4) push("url", m.index, m.index + trimmed.length);
      }
    }
    if (HAS_DIGIT.test(text)) {
      for (const m of text.matchAll(PERSON_NUMBER)) {
        const kind = personNumberKind(m[0]);
        if (kind) push(kind, m.index, m.index + m[0].length);
      }
      for (const m of text.matchAll(ORG_NUMBER)) if (isOrganisationNumber(m[0])) push("orgNumber", m.index, m.index + m[0].length);
    }
    // Also in Arabic-Indic and full-width digits; the finder skips texts without five digits close together.
    for (const m of findPhoneNumbers(text)) push("phone", m.start, m.end);
    if (this.extra) for (const m of text.matchAll(this.extra)) push("term", m.index, m.index + m[0].length);
    if (this.confirmed) for (const m of text.matchAll(this.confirmed)) push("name", m.index, m.index + m[0].length);
    if (this.names) for (const hit of this.nameCandidates(text)) if (!this.rejected.has(nameTerm(hit.text))) push("name", hit.start, hit.end);
    if (HAS_BIDI.test(text)) for (const m of text.matchAll(BIDI_CONTROLS)) push("bidi", m.index, m.index + 1);
    if (this.candidates) this.findKnownNames(text, push);

    if (found.length === 0) return NONE;
    if (found.length === 1) return [found[0]];
    found.sort((a, b) => a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - a.end);
    const kept: Redaction[] = [];
    let end = -1;
    for (const r of found) {
      if (r.start < end) continue; // inside an earlier (or higher-priority) redaction
      kept.push(r);
      end = r.end;
    }
    return kept;
  }

  /** What the name detector finds in `text` (NFC), decided or not: for the review. */
  nameCandidates(text: string): readonly NameHit[] {
    if (!this.names) return [];
    // The review asks for the same text up to three times in a row (find, candidates, scrub).
    if (text !== this.lastText) this.lastHits = this.names.detect((this.lastText = text));
    return this.lastHits;
  }

  private lastText = "";
  private lastHits: readonly NameHit[] = [];

  private readonly scratch: Redaction[] = [];
  private text = "";
  private readonly push = (kind: RedactionKind, start: number, end: number) => {
    this.scratch.push({ kind, start, end, text: this.text.slice(start, end) });
  };

  private findKnownNames(text: string, push: (kind: RedactionKind, start: number, end: number) => void) {
    if (!this.candidates) return;
    // First the literal alternation finds where a known form starts (fast: no Unicode classes),
    // then the whole capitalised word there is read and judged as before.
    // Shared instances (reset here): a new RegExp per call costs more than the search on short texts.
    const candidates = this.candidates;
    const tokenAt = TOKEN_BODY;
    candidates.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = candidates.exec(text)) !== null) {
      const at = c.index;
      if (at > 0 && WORD_END.test(text.slice(Math.max(0, at - 2), at))) continue; // inside a word
      tokenAt.lastIndex = at;
      const m = tokenAt.exec(text);
      if (!m) continue;
      candidates.lastIndex = at + m[0].length;
      const token = m[0];
      const joined = token.includes("-") || token.includes("'") || token.includes("’");
      const phrase = this.exactPhrases.get(token) ?? (joined ? this.exactPhrases.get(token.split(/[-'’]/)[0]) : undefined);
      if (phrase) {
        phrase.pattern.lastIndex = m.index;
        const hit = phrase.pattern.exec(text);
        if (hit) {
          const key = hit[0].replace(/(?:'s|’s|s)$/i, "").toLowerCase().replace(/\s+/g, " ");
          push(phrase.kinds.get(key) ?? phrase.kinds.get(hit[0].toLowerCase().replace(/\s+/g, " ")) ?? "place", m.index, m.index + hit[0].length);
          candidates.lastIndex = m.index + hit[0].length;
          continue;
        }
      }
      const whole = this.singleKind(token);
      if (whole) {
        push(whole, m.index, m.index + token.length);
        continue;
      }
      // A hyphenated or apostrophed token: its capitalised pieces ("Hansen-familien").
      if (joined) {
        let offset = 0;
        for (const piece of token.split(/([-'’])/)) {
          if (piece.length > 1 && /^\p{Lu}/u.test(piece)) {
            const kind = this.singleKind(piece);
            if (kind) push(kind, m.index + offset, m.index + offset + piece.length);
          }
          offset += piece.length;
        }
      }
    }
  }

  /** Kind of a capitalised word, also in the genitive ("Sarpsborgs", "Kari's"). */
  private singleKind(token: string): TermKind | undefined {
    const direct = this.exactSingles.get(token);
    if (direct) return direct;
    const last = token.charCodeAt(token.length - 1);
    if (last !== 115 && last !== 83) return undefined; // s, S
    for (const suffix of ["'s", "’s", "s", "'S", "’S", "S"]) {
      if (token.length > suffix.length + 1 && token.endsWith(suffix)) {
        const kind = this.exactSingles.get(token.slice(0, -suffix.length));
        if (kind) return kind;
      }
    }
    return undefined;
  }

  /** `text` (NFC) with every identifier replaced by its marker; counts are added to `counts`. */
  scrub(text: string, counts?: RedactionCounts): string {
    const found = this.find(text);
    if (!found.length) return text;
    let out = "";
    let at = 0;
    for (const r of found) {
      out += text.slice(at, r.start) + REDACTION_MARKERS[r.kind];
      at = r.end;
      if (counts) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    }
    return out + text.slice(at);
  }
}

/** Sum of all kinds. */
export function totalRedactions(counts: RedactionCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}
