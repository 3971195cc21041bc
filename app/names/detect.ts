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

// A word: letters, inner hyphens and apostrophes, and a genitive apostrophe at its end («Yonas'»).
const TOKEN = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*(?:['’](?![\p{L}\p{M}]))?/gu;
const SENTENCE_BREAK = /[.!?:;…\n\r•«»"“”(\[]/;
const TIGHT = /^[ \t\u00a0]{1,2}$/;
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const INNER_UPPER = /^.[\p{L}\p{M}]*\p{Lu}/u;

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
  /** Text between the previous token (or the start) and this one. */
  readonly gap: string;
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
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const word = m[0];
    const gap = text.slice(last, start);
    const letters = word.replace(/[-'’]/g, "");
    const abbr = !HAS_LOWER.test(letters) || (UPPER.test(word) && INNER_UPPER.test(word.split(/[-'’]/)[0])) || /^\p{Lu}-/u.test(word);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase(),
      gap,
      atStart: tokens.length === 0 ? !/\p{L}|\d/u.test(gap) || SENTENCE_BREAK.test(gap) : SENTENCE_BREAK.test(gap),
      shape: abbr ? "abbr" : UPPER.test(word) ? "cap" : "low",
    });
    last = start + word.length;
  }
  return tokens;
}

/** The word without a genitive ending, when that leaves a name: «Hodans», «Kari's», «Yonas'». */
function genitiveBase(lower: string, lexicon: Lexicon): string | null {
  for (const suffix of ["'s", "’s", "'", "’", "s"]) {
    if (lower.length > suffix.length + 1 && lower.endsWith(suffix)) {
      const base = lower.slice(0, -suffix.length);
      if (lexicon.name(base)) return base;
    }
  }
  return null;
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
  // Most words are lower case and no name: settle those with one look-up, before the word list.
  if (token.shape === "low" && !hyphenated && !lexicon.name(lower) && !(lower.endsWith("s") || lower.endsWith("'") || lower.endsWith("’"))) return { token, evidence: "ordinary", info: undefined };
  const word = !hyphenated && lexicon.isWord(lower);
  const direct = hyphenated ? hyphenatedName(token, lexicon) : lexicon.name(lower);
  const found = direct ?? lexicon.name(genitiveBase(lower, lexicon) ?? "");
  const info = found && listedOnly && !found.listed ? undefined : found;
  if (token.shape === "low") {
    // Lower case: only names that are no Norwegian word, from a listed source or of five letters or more.
    const length = [...lower].length;
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
function continues(token: Token): boolean {
  return !token.atStart && TIGHT.test(token.gap);
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

/** Likely person names in `text`, left to right, without overlaps. */
export function findNames(text: string, lexicon: Lexicon, options: DetectOptions = {}): NameHit[] {
  if (!text) return [];
  const tokens = tokenise(text);
  const hits: NameHit[] = [];
  const push = (from: Token, to: Token) => {
    const prev = hits[hits.length - 1];
    // Names next to each other («hodan warsame») become one.
    if (prev && prev.end <= from.start && TIGHT.test(text.slice(prev.end, from.start)) && !SENTENCE_BREAK.test(text.slice(prev.end, from.start))) {
      hits[hits.length - 1] = { start: prev.start, end: to.end, text: text.slice(prev.start, to.end) };
    } else hits.push({ start: from.start, end: to.end, text: text.slice(from.start, to.end) });
  };

  let i = 0;
  /** Where the last place or organisation (run or abbreviation) ended, for lists of them. */
  let placeEnd = -1;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.shape === "low") {
      const judged = judge(token, lexicon, options.listedOnly);
      const prev = hits[hits.length - 1];
      // A lower-case word right after a lower-case name, itself a name or unknown: «hodan warsame».
      const follows = prev && TIGHT.test(token.gap) && prev.end === token.start - token.gap.length && judged.evidence === "unknown" && judged.info?.strong;
      if (judged.evidence === "name" || follows) push(token, token);
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
    let run: Judged[] = [judge(token, lexicon, options.listedOnly)];
    let j = i + 1;
    while (j < tokens.length && continues(tokens[j])) {
      const t = tokens[j];
      if (t.shape === "cap") run.push(judge(t, lexicon, options.listedOnly));
      else if (t.shape === "low" && PARTICLES.has(t.lower) && j + 1 < tokens.length && tokens[j + 1].shape === "cap" && continues(tokens[j + 1])) run.push({ token: t, evidence: "unknown", info: undefined });
      else break;
      j++;
    }
    // A weak name right after a given name is its family name («Shazia Butt»); otherwise a word.
    run = run.map((r, k) => {
      if (r.evidence !== "weak") return r;
      const prev = run[k - 1];
      return prev && (prev.evidence === "name" || prev.evidence === "maybe") && prev.info?.given ? { ...r, evidence: "name" } : { ...r, evidence: "ordinary" };
    });
    const before = i > 0 ? tokens[i - 1] : null;
    const joined = before !== null && !token.atStart && !SENTENCE_BREAK.test(token.gap);
    let cue = joined && !token.gap.includes(",") && CUE_WORDS.has(before.lower);
    let placeContext = joined && !token.gap.includes(",") && (PLACE_WORDS.has(before.lower) || before.shape === "abbr" || /\d/.test(token.gap));
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
    // A given name followed by more name-like words is a full name, even after «hos» or in a list.
    const fullName = rest.length > 1 && rest[0].evidence === "name" && rest[0].info?.given === true && rest.slice(1).every((r) => r.evidence === "name" || r.evidence === "unknown" || r.evidence === "proper");
    if (fullName) {
      push(rest[0].token, rest[rest.length - 1].token);
      i = j;
      continue;
    }
    const orgRun = rest.some((r) => r.evidence === "ordinary");
    const onlyGiven = placeContext || orgRun;
    // In a list of places a given name that is also a place does not count («Somalia, Kenya og …»).
    const counts = (r: Judged) => (onlyGiven ? r.evidence === "name" && r.info?.given === true && !(inList && lexicon.isProper(r.token.text)) : r.evidence === "name");
    let named = rest.some(counts);
    if (!named && cue) named = rest[0].evidence !== "ordinary";
    // Two or more capitalised words together, one of them a name that also is a word («Per Olsen» at the start).
    if (!named && !onlyGiven && rest.length > 1) named = rest.every((r) => r.evidence !== "ordinary") && rest.some((r) => r.evidence === "maybe");
    if (!named && options.unknownCapitalised && !onlyGiven && !rest[0].token.atStart) named = rest.every((r) => r.evidence === "unknown") && [...rest[0].token.text].length > 1;
    if (named) {
      if (onlyGiven) {
        // Inside or after a place or organisation name, only its given names: each on its own.
        for (const r of rest) if (counts(r)) push(r.token, r.token);
      } else {
        let from = 0;
        let to = rest.length - 1;
        while (from < to && rest[from].evidence === "ordinary") from++;
        while (to > from && rest[to].evidence === "ordinary") to--;
        push(rest[from].token, rest[to].token);
      }
    }
    if (!named && (placeContext || (orgRun && rest.length > 1) || rest.some((r) => r.evidence === "proper"))) placeEnd = run[run.length - 1].token.end;
    else if (!named && !rest[0].token.atStart && rest.some((r) => r.evidence === "unknown")) placeEnd = run[run.length - 1].token.end;
    i = j;
  }
  return hits;
}
