// Finds likely person names in free text nobody registered ("Møte med Hodan Warsame i dag"), for
// the export scrubber, the log's warning and the participant reports' check. Pure and without I/O:
// the lexicon (a name gazetteer and the bokmål word list) is handed in, see lexicon.server.ts.
//
// The evidence, in short (docs/decisions/names-detector.md has the reasoning):
// - a capitalised word inside a sentence that the gazetteer knows is a name, also in the genitive
//   («Hodans», «Mirwais'») and in hyphenated names («Nordmann-Hansen», «al-Hassan»);
// - at the start of a sentence only if it is no ordinary Norwegian word («Per», «Dag» and «Liv»
//   start sentences as words too), or if a name follows it («Per Olsen»);
// - capitalised words next to a name belong to it («Hodan Warsame»), and so does the word after
//   «heter», «fru», «herr» …;
// - after a place preposition («på», «i», «hos» …), after an abbreviation («NAV Bjerke») or in a
//   run holding an ordinary word («Thon Hotel Opera», «Bydel Alna») only given names count: such
//   runs are places and organisations;
// - lower-case words count only when a listed source knows them as names and they are no
//   Norwegian word («møte med hodan»), never «dag» or «per».

export interface NameInfo {
  readonly given: boolean;
  readonly family: boolean;
  /** Good evidence on its own (see lexicon.server.ts). */
  readonly strong: boolean;
  /** Known from a curated or statistical source, not only from the large scraped list. */
  readonly listed: boolean;
  /** Also an ordinary Norwegian word («dag», «per»). */
  readonly word: boolean;
}

export interface Lexicon {
  /** The name entry of a lower-cased word, if any. */
  name(lower: string): NameInfo | undefined;
  /** Is the lower-cased word an ordinary Norwegian word? */
  isWord(lower: string): boolean;
  /** Is the capitalised word a Norwegian proper noun (place, organisation, …)? */
  isProper(word: string): boolean;
}

export interface NameHit {
  /** UTF-16 offsets in the text given. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// A word (a token): letters and marks, inner hyphens and apostrophes («Nordmann-Hansen», «al-Hassan»)
// and a genitive apostrophe at its end («Yonas'»). The scanner below reads words by character
// class, not with a regular expression: it runs over every exported text (see «Speed» in the
// decision record).
/** A top-level domain right after a word: «.no», «.com», not «.Neste». */
const DOMAIN_END = /^\.[a-z]{2,6}(?![\p{L}\p{N}])/u;
const SENTENCE_BREAK = /[.!?:;…\n\r•«»"“”(\[]/;
const HAS_LOWER = /\p{Ll}/u;

const OTHER = 1;
const UPPER = 2;
const LOWER = 3;
const LETTER = 4; // neither upper nor lower case (Arabic, Ethiopic, modifier letters …)
const MARK = 5;
/** The class of each UTF-16 code unit, filled in on first sight. */
const CLASSES = new Uint8Array(0x10000);

function classify(ch: string): number {
  return /\p{Lu}/u.test(ch) ? UPPER : /\p{Ll}/u.test(ch) ? LOWER : /\p{L}/u.test(ch) ? LETTER : /\p{M}/u.test(ch) ? MARK : OTHER;
}

/** Class of the character at `i` times 2, plus 1 when it takes two code units (a surrogate pair). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) {
    let k = CLASSES[c];
    if (k === 0) k = CLASSES[c] = classify(String.fromCharCode(c));
    return k * 2;
  }
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return OTHER * 2;
  return classify(text.slice(i, i + 2)) * 2 + 1;
}

const isLetterClass = (k: number) => k >= UPPER * 2 && k < MARK * 2;
const isLetterOrMark = (k: number) => k >= UPPER * 2;
const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019; // - ' ’
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** One or two spaces (tabs, no-break spaces) and nothing else: words written next to each other. */
function tight(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

function hasSentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && SENTENCE_BREAK.test(text.charAt(i))) return true;
  }
  return false;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Words before a place or an organisation: a name after them is only a given name. */
const PLACE_WORDS = new Set(["i", "på", "fra", "til", "hos", "ved", "nær", "rundt", "utenfor", "innenfor", "langs", "mellom", "via"]);
/** Words that continue a list of places or organisations («i Trondheim eller Bergen»). */
const LIST_WORDS = new Set(["og", "eller", "samt"]);
/** Words that introduce a name. */
const CUE_WORDS = new Set(["heter", "het", "kalles", "kalt", "fru", "herr", "frk", "mr", "mrs", "ms", "miss", "named", "called"]);
/** Lower-case particles inside names («bin», «al» in «Omar al-Hassan»). */
const PARTICLES = new Set(["al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di", "der", "den", "la", "le", "du"]);

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  /** Where the text between the previous token (or the start) and this one begins. */
  readonly gapStart: number;
  readonly atStart: boolean;
  readonly shape: "cap" | "low" | "abbr";
}

/** name: a strong gazetteer name; maybe: one that is also a word at the start of a sentence;
 * weak: a Norwegian word some list also knows as a name; ordinary: a Norwegian word or abbreviation; proper: a Norwegian proper noun no list knows as a name. */
type Evidence = "name" | "maybe" | "weak" | "ordinary" | "proper" | "unknown";

interface Judged {
  readonly token: Token;
  readonly evidence: Evidence;
  readonly info: NameInfo | undefined;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (!isLetterClass(k)) {
      i += (k & 1) + 1;
      continue;
    }
    const start = i;
    const firstUpper = k >> 1 === UPPER;
    i += (k & 1) + 1;
    const afterFirst = i;
    let lower = k >> 1 === LOWER; // holds a lower-case letter
    let cased = k >> 1 !== LOWER; // holds a letter that lower-casing may change
    let innerUpper = false; // an upper-case letter after the first, before any hyphen or apostrophe
    let firstPart = true;
    for (;;) {
      while (i < n) {
        const c = classAt(text, i);
        if (!isLetterOrMark(c)) break;
        if (c >> 1 === LOWER) lower = true;
        else if (c >> 1 !== MARK) {
          cased = true;
          if (c >> 1 === UPPER && firstPart) innerUpper = true;
        }
        i += (c & 1) + 1;
      }
      if (i + 1 < n && isJoiner(text.charCodeAt(i))) {
        const next = classAt(text, i + 1);
        if (isLetterClass(next)) {
          firstPart = false;
          if (next >> 1 === LOWER) lower = true;
          else cased = true;
          i += (next & 1) + 2;
          continue;
        }
      }
      break;
    }
    if (i < n && isApostrophe(text.charCodeAt(i)) && !(i + 1 < n && isLetterOrMark(classAt(text, i + 1)))) i++;
    const word = text.slice(start, i);
    // A web address («Finn.no», «Arbeidsplassen.no») names an organisation, as an abbreviation does.
    const abbr = !lower || (firstUpper && innerUpper) || (firstUpper && afterFirst < i && text.charCodeAt(afterFirst) === 45) || (text.charCodeAt(i) === 46 && DOMAIN_END.test(text.slice(i, i + 8)));
    tokens.push({
      start,
      end: i,
      text: word,
      lower: cased ? word.toLowerCase() : word,
      gapStart: last,
      atStart: hasSentenceBreak(text, last, start) || (tokens.length === 0 && !hasDigit(text, last, start)),
      shape: abbr ? "abbr" : firstUpper ? "cap" : "low",
    });
    last = i;
  }
  return tokens;
}

/** The word without a genitive ending, when that leaves a name: «Hodans», «Kari's», «Yonas'». */
const GENITIVE_ENDINGS = ["'s", "’s", "'", "’", "s"];

function genitiveBase(lower: string, lexicon: Lexicon): string | null {
  const last = lower.charCodeAt(lower.length - 1);
  if (last !== 115 && !isApostrophe(last)) return null; // s ' ’
  for (const suffix of GENITIVE_ENDINGS) {
    if (lower.length > suffix.length + 1 && lower.endsWith(suffix)) {
      const base = lower.slice(0, -suffix.length);
      if (lexicon.name(base)) return base;
    }
  }
  return null;
}

function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) n--;
  }
  return n;
}

const capitalised = (lower: string) => lower.charAt(0).toUpperCase() + lower.slice(1);

/** Name evidence of one hyphenated word: every part a name, a particle or unknown, at least one a strong name. */
function hyphenatedName(token: Token, lexicon: Lexicon): NameInfo | undefined {
  const parts = token.lower.replace(/['’]s?$/, "").split("-");
  let best: NameInfo | undefined;
  for (const part of parts) {
    if (PARTICLES.has(part)) continue;
    const info = lexicon.name(part) ?? lexicon.name(genitiveBase(part, lexicon) ?? "");
    if (info) {
      if (info.strong && (!best || !best.strong)) best = info;
      continue;
    }
    if (lexicon.isWord(part) || lexicon.isProper(capitalised(part))) return undefined;
  }
  return best?.strong ? best : undefined;
}

/** A compound ending in a Norwegian word of six letters or more («Koronapandemien»). */
function isCompound(lower: string, lexicon: Lexicon): boolean {
  for (let cut = 3; lower.length - cut >= 6; cut++) if (lexicon.isWord(lower.slice(cut))) return true;
  return false;
}

function judge(token: Token, lexicon: Lexicon, listedOnly = false): Judged {
  const { lower } = token;
  if (token.shape === "abbr") return { token, evidence: "ordinary", info: undefined };
  const hyphenated = lower.includes("-");
  const direct = hyphenated ? hyphenatedName(token, lexicon) : lexicon.name(lower);
  const word = !hyphenated && (direct ? direct.word : lexicon.isWord(lower));
  const found = direct ?? lexicon.name(genitiveBase(lower, lexicon) ?? "");
  const info = found && listedOnly && !found.listed ? undefined : found;
  if (token.shape === "low") {
    // Lower case: only names that are no Norwegian word, from a listed source or of five letters or more.
    const length = codePoints(lower);
    const evidence = info?.strong && !word && (info.listed ? length >= 3 : length >= 5 && !isCompound(lower, lexicon)) ? "name" : word ? "ordinary" : "unknown";
    return { token, evidence, info };
  }
  // A genitive of a word is weak evidence («Strands»; «hos» is no genitive of «Ho»).
  if (info?.strong && !(word && !direct)) return { token, evidence: token.atStart && word ? "maybe" : "name", info };
  // A word some list also knows as a name («Butt», «Lie»): ordinary, unless it follows a given name.
  if (word) return { token, evidence: info ? "weak" : "ordinary", info };
  if (lexicon.isProper(token.text)) return { token, evidence: "proper", info };
  if (hyphenated) {
    const parts = lower.split("-");
    if (parts.some((p) => lexicon.isWord(p))) return { token, evidence: "ordinary", info };
    if (parts.some((p) => lexicon.isProper(capitalised(p)))) return { token, evidence: "proper", info };
  }
  if (isCompound(lower, lexicon)) return { token, evidence: "ordinary", info };
  return { token, evidence: "unknown", info };
}

/** Does the token continue the run of capitalised words before it? */
function continues(text: string, token: Token): boolean {
  return !token.atStart && tight(text, token.gapStart, token.start);
}

export interface DetectOptions {
  /**
   * Also report a capitalised word inside a sentence that no list knows (neither name, word nor
   * place), outside place and organisation contexts. Catches rare names; costs some false alarms.
   */
  readonly unknownCapitalised?: boolean;
  /** Only names a curated or statistical source lists (not the scraped list alone): fewer false alarms. */
  readonly listedOnly?: boolean;
}

/** Adds the name from token `from` to token `to`; names next to each other («hodan warsame») become one. */
function pushHit(hits: NameHit[], text: string, from: Token, to: Token) {
  const prev = hits[hits.length - 1];
  if (prev && prev.end <= from.start && tight(text, prev.end, from.start)) {
    hits[hits.length - 1] = { start: prev.start, end: to.end, text: text.slice(prev.start, to.end) };
  } else hits.push({ start: from.start, end: to.end, text: text.slice(from.start, to.end) });
}

/** Likely person names in `text`, left to right, without overlaps. */
export function findNames(text: string, lexicon: Lexicon, options: DetectOptions = {}): NameHit[] {
  if (!text) return [];
  const tokens = tokenise(text);
  const hits: NameHit[] = [];
  const listedOnly = options.listedOnly === true;

  let i = 0;
  /** Where the last place or organisation (run or abbreviation) ended, for lists of them. */
  let placeEnd = -1;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.shape === "low") {
      // Most words are lower case and no name, or names that are ordinary words too («med», «for»):
      // settled with one look-up.
      if (!token.lower.includes("-")) {
        const info = lexicon.name(token.lower);
        if (info ? info.word : !genitiveBase(token.lower, lexicon)) {
          i++;
          continue;
        }
      }
      const judged = judge(token, lexicon, listedOnly);
      const prev = hits[hits.length - 1];
      // A lower-case word right after a lower-case name, itself a name or unknown: «hodan warsame».
      const follows = prev && tight(text, token.gapStart, token.start) && prev.end === token.gapStart && judged.evidence === "unknown" && judged.info?.strong;
      if (judged.evidence === "name" || follows) pushHit(hits, text, token, token);
      i++;
      continue;
    }
    if (token.shape === "abbr") {
      // Brands written with inner capitals («LinkedIn») start lists of organisations; «HR» or «JS» do not.
      if (HAS_LOWER.test(token.text)) placeEnd = token.end;
      i++;
      continue;
    }
    // A run of capitalised words (with particles between them) written next to each other.
    const run: Judged[] = [judge(token, lexicon, listedOnly)];
    let j = i + 1;
    while (j < tokens.length && continues(text, tokens[j])) {
      const t = tokens[j];
      if (t.shape === "cap") run.push(judge(t, lexicon, listedOnly));
      else if (t.shape === "low" && PARTICLES.has(t.lower) && j + 1 < tokens.length && tokens[j + 1].shape === "cap" && continues(text, tokens[j + 1])) run.push({ token: t, evidence: "unknown", info: undefined });
      else break;
      j++;
    }
    // The most common capitalised word, an ordinary word starting a sentence («Møtet»), changes nothing.
    if (run.length > 1 || !token.atStart || run[0].evidence !== "ordinary") placeEnd = capitalisedRun(text, tokens, i, run, hits, placeEnd, lexicon, options);
    i = j;
  }
  return hits;
}

const hasEvidence = (run: readonly Judged[], evidence: Evidence) => {
  for (const r of run) if (r.evidence === evidence) return true;
  return false;
};

/** Inside or after a place or organisation name (`onlyGiven`) only given names count; in a list of places not those that are places too. */
function countsAsName(r: Judged, onlyGiven: boolean, inList: boolean, lexicon: Lexicon): boolean {
  return onlyGiven ? r.evidence === "name" && r.info?.given === true && !(inList && lexicon.isProper(r.token.text)) : r.evidence === "name";
}

/**
 * Judges the run of capitalised words that starts at token `i` in its context and adds the names
 * in it to `hits`. Returns where the last place or organisation now ends.
 */
function capitalisedRun(text: string, tokens: readonly Token[], i: number, judged: readonly Judged[], hits: NameHit[], placeEnd: number, lexicon: Lexicon, options: DetectOptions): number {
  const token = tokens[i];
  // A weak name right after a given name is its family name («Shazia Butt»); otherwise a word.
  const run: Judged[] = [];
  for (let k = 0; k < judged.length; k++) {
    const r = judged[k];
    const prev = judged[k - 1];
    if (r.evidence !== "weak") run.push(r);
    else run.push({ ...r, evidence: prev && (prev.evidence === "name" || prev.evidence === "maybe") && prev.info?.given ? "name" : "ordinary" });
  }
  const before = i > 0 ? tokens[i - 1] : null;
  const gap = text.slice(token.gapStart, token.start);
  const joined = before !== null && !token.atStart && !SENTENCE_BREAK.test(gap);
  let cue = joined && !gap.includes(",") && CUE_WORDS.has(before.lower);
  let placeContext = joined && !gap.includes(",") && (PLACE_WORDS.has(before.lower) || before.shape === "abbr" || /\d/.test(gap));
  // «Somalia, Kenya og Saudi-Arabia», «Plantasjen, Europris og Clas Ohlson»: a list goes on.
  let inList = joined && placeEnd >= 0 && /^(?:\s*,\s*|\s+)$/.test(text.slice(placeEnd, token.start).replace(/\s(?:og|eller|samt)\s/g, " "));
  inList ||= joined && before !== null && LIST_WORDS.has(before.lower) && placeEnd >= 0 && i > 1 && tokens[i - 2].end === placeEnd;
  if (inList) placeContext = true;
  // Leading words at the start of a sentence that are ordinary words («Møtet», «Fru», «På»): they may set the context.
  let first = 0;
  while (first < run.length - 1 && (run[first].evidence === "ordinary" || (run[first].evidence === "maybe" && CUE_WORDS.has(run[first].token.lower)))) {
    if (CUE_WORDS.has(run[first].token.lower)) cue = true;
    if (PLACE_WORDS.has(run[first].token.lower)) placeContext = true;
    first++;
  }
  const rest = run.slice(first);
  const last = run[run.length - 1].token;
  // A given name followed by more name-like words is a full name, even after «hos» or in a list.
  if (rest.length > 1 && rest[0].evidence === "name" && rest[0].info?.given === true && !hasEvidence(rest, "ordinary") && !hasEvidence(rest, "maybe")) {
    pushHit(hits, text, rest[0].token, last);
    return placeEnd;
  }
  const orgRun = hasEvidence(rest, "ordinary");
  const onlyGiven = placeContext || orgRun;
  let named = false;
  for (const r of rest) if (countsAsName(r, onlyGiven, inList, lexicon)) named = true;
  if (!named && cue) named = rest[0].evidence !== "ordinary";
  // Two or more capitalised words together, one of them a name that also is a word («Per Olsen» at the start).
  if (!named && !onlyGiven && rest.length > 1) named = !orgRun && hasEvidence(rest, "maybe");
  if (!named && options.unknownCapitalised && !onlyGiven && !rest[0].token.atStart) {
    named = codePoints(rest[0].token.text) > 1;
    for (const r of rest) if (r.evidence !== "unknown") named = false;
  }
  if (named) {
    if (onlyGiven) {
      // Inside or after a place or organisation name, only its given names: each on its own.
      for (const r of rest) if (countsAsName(r, onlyGiven, inList, lexicon)) pushHit(hits, text, r.token, r.token);
    } else {
      let from = 0;
      let to = rest.length - 1;
      while (from < to && rest[from].evidence === "ordinary") from++;
      while (to > from && rest[to].evidence === "ordinary") to--;
      pushHit(hits, text, rest[from].token, rest[to].token);
    }
    return placeEnd;
  }
  if (placeContext || (orgRun && rest.length > 1) || hasEvidence(rest, "proper")) return last.end;
  if (!rest[0].token.atStart && hasEvidence(rest, "unknown")) return last.end;
  return placeEnd;
}
