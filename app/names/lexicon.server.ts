// The data behind the person-name detector, loaded once per process from app/names/data/ (sources
// and licences in data/SOURCES.md; the choice to ship them in docs/decisions/names-detector.md):
// a gazetteer of given and family names, and Debian's bokmål word list split into ordinary words
// (its lower-case entries) and proper nouns (its capitalised ones: places, organisations, people).
//
// Every list stays one string searched in place through a table of hashed line numbers (a Set or
// Map of hundreds of thousands of strings took half a second to build and 30 MB). The detector
// asks for a name once per word of every exported text (docs/decisions/names-detector.md, «Speed»).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Lexicon, NameInfo } from "./detect";

/** Next to this file when run from source; under the project root when bundled into build/. */
function dataDir(): string {
  const candidates = [path.join(path.dirname(fileURLToPath(import.meta.url)), "data"), path.resolve("app/names/data")];
  const found = candidates.find((dir) => existsSync(path.join(dir, "names.tsv.gz")));
  if (!found) throw new Error(`The name detector's data files are missing (looked in ${candidates.join(", ")})`);
  return found;
}

const read = (dir: string, file: string, encoding: "utf8" | "latin1") => gunzipSync(readFileSync(path.join(dir, file))).toString(encoding);

/** FNV-1a over the UTF-16 code units of text[start, end), with MurmurHash3's final mix (FNV alone leaves the low bits clustered). */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The lines of one string as a set, searched in place: an open-addressing table of line numbers
 * keyed by a hash of the line, so a look-up costs a hash and one or two comparisons. A line's
 * key ends at a tab (before the flags of a name) or at its end.
 */
class LineSet {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(readonly text: string) {
    let n = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
    this.starts = new Uint32Array(n);
    this.ends = new Uint32Array(n);
    // At most half full: a miss ends at an empty slot after one or two probes.
    const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let at = 0;
    for (let line = 0; line < n; line++) {
      const newline = text.indexOf("\n", at);
      let end = at;
      while (end < newline && text.charCodeAt(end) !== 9) end++;
      this.starts[line] = at;
      this.ends[line] = end;
      let slot = hash(text, at, end) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = line;
      at = newline + 1;
    }
  }
  /** The line holding `key`, or -1. */
  indexOf(key: string): number {
    for (let slot = hash(key, 0, key.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const line = this.slots[slot];
      if (line < 0) return -1;
      const start = this.starts[line];
      if (this.ends[line] - start !== key.length) continue;
      let k = 0;
      while (k < key.length && this.text.charCodeAt(start + k) === key.charCodeAt(k)) k++;
      if (k === key.length) return line;
    }
  }
}

const GIVEN = 1;
const FAMILY = 2;
const LISTED = 4;
const STRONG = 8;
const WORD = 16;
const JUDGED = 32;

/** The answers, one shared object per combination of flags: a look-up allocates nothing. */
const INFOS: readonly NameInfo[] = Array.from({ length: 32 }, (_, f) => ({ given: (f & GIVEN) !== 0, family: (f & FAMILY) !== 0, strong: (f & STRONG) !== 0, listed: (f & LISTED) !== 0, word: (f & WORD) !== 0 }));

class DataLexicon implements Lexicon {
  private readonly words: LineSet;
  private readonly proper: LineSet;
  private readonly names: LineSet;
  /** Flags above per name line; STRONG and WORD are settled on first use (JUDGED). */
  private readonly flags: Uint8Array;

  constructor(dir: string) {
    this.words = new LineSet(read(dir, "nb-words.txt.gz", "latin1"));
    this.proper = new LineSet(read(dir, "nb-proper.txt.gz", "latin1"));
    const names = (this.names = new LineSet(read(dir, "names.tsv.gz", "utf8")));
    this.flags = new Uint8Array(names.starts.length);
    for (let line = 0; line < names.starts.length; line++) {
      let flags = 0;
      for (let i = names.ends[line] + 1, c = names.text.charCodeAt(i); c !== 10 && i < names.text.length; c = names.text.charCodeAt(++i)) {
        flags |= c === 103 ? GIVEN : c === 102 ? FAMILY : c === 108 ? LISTED : 0; // g f l
      }
      this.flags[line] = flags;
    }
  }

  name(lower: string): NameInfo | undefined {
    const line = this.names.indexOf(lower);
    if (line < 0) return undefined;
    let flags = this.flags[line];
    if (!(flags & JUDGED)) {
      // A name only the scraped list knows counts as strong evidence when it is no Norwegian word or proper noun.
      const word = this.isWord(lower);
      const strong = flags & LISTED || (!word && !this.isProper(capitalise(lower)));
      flags |= JUDGED | (strong ? STRONG : 0) | (word ? WORD : 0);
      this.flags[line] = flags;
    }
    return INFOS[flags & 31];
  }

  isWord(lower: string): boolean {
    return this.words.indexOf(lower) >= 0;
  }

  isProper(word: string): boolean {
    return this.proper.indexOf(word) >= 0;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

let loaded: Lexicon | null = null;

/** The lexicon of this process (read on first use, about half a second of CPU). */
export function nameLexicon(): Lexicon {
  loaded ??= new DataLexicon(dataDir());
  return loaded;
}
