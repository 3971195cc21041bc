// The data behind the person-name detector, loaded once per process from app/names/data/ (sources
// and licences in data/SOURCES.md; the choice to ship them in docs/decisions/names-detector.md):
// a gazetteer of given and family names, and Debian's bokmål word list split into ordinary words
// (its lower-case entries) and proper nouns (its capitalised ones: places, organisations, people).
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

/** A sorted word list searched in place: one string and the offsets of its lines, no Set of a million strings. */
class SortedWords {
  private readonly starts: Uint32Array;
  constructor(private readonly text: string) {
    let n = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
    this.starts = new Uint32Array(n + 1);
    let line = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts[++line] = i + 1;
  }
  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(mid, word);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
  /** Line `i` compared with `word` by UTF-16 code units, as the build script sorted them. */
  private compare(i: number, word: string): number {
    const start = this.starts[i];
    const end = this.starts[i + 1] - 1;
    const len = end - start;
    const n = Math.min(len, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.text.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - word.length;
  }
}

const GIVEN = 1;
const FAMILY = 2;
const LISTED = 4;
const STRONG = 8;
const JUDGED = 16;

class DataLexicon implements Lexicon {
  /** Lower-cased name -> flags above (numbers, not objects: there are 200,000 of them). */
  private readonly names = new Map<string, number>();
  private readonly words: SortedWords;
  private readonly proper: SortedWords;

  constructor(dir: string) {
    this.words = new SortedWords(read(dir, "nb-words.txt.gz", "latin1"));
    this.proper = new SortedWords(read(dir, "nb-proper.txt.gz", "latin1"));
    const text = read(dir, "names.tsv.gz", "utf8");
    let at = 0;
    while (at < text.length) {
      const tab = text.indexOf("\t", at);
      const end = text.indexOf("\n", tab);
      if (tab < 0 || end < 0) break;
      let flags = 0;
      for (let i = tab + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        flags |= c === 103 ? GIVEN : c === 102 ? FAMILY : c === 108 ? LISTED : 0; // g f l
      }
      this.names.set(text.slice(at, tab), flags);
      at = end + 1;
    }
  }

  name(lower: string): NameInfo | undefined {
    let flags = this.names.get(lower);
    if (flags === undefined) return undefined;
    if (!(flags & JUDGED)) {
      // A name only the scraped list knows counts as strong evidence when it is no Norwegian word or proper noun.
      const strong = flags & LISTED || (!this.words.has(lower) && !this.proper.has(capitalise(lower)));
      flags |= JUDGED | (strong ? STRONG : 0);
      this.names.set(lower, flags);
    }
    return { given: (flags & GIVEN) !== 0, family: (flags & FAMILY) !== 0, strong: (flags & STRONG) !== 0, listed: (flags & LISTED) !== 0 };
  }

  isWord(lower: string): boolean {
    return this.words.has(lower);
  }

  isProper(word: string): boolean {
    return this.proper.has(word);
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

let loaded: Lexicon | null = null;

/** The lexicon of this process (read on first use, about a quarter of a second). */
export function nameLexicon(): Lexicon {
  loaded ??= new DataLexicon(dataDir());
  return loaded;
}
