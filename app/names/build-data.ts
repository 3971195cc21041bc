// Builds the data files of the person-name detector (app/names/data/) from the sources named in
// app/names/data/SOURCES.md. Not part of the app: run it by hand when a source changes, with the
// unpacked npm tarballs and Debian's word list, e.g.
//
//   npx tsx app/names/build-data.ts --faker DIR --wikidata DIR --humannames DIR --ssb-given FILE --dict /usr/share/dict/bokmaal
//
// where each DIR is the `package` folder of `npm pack NAME@VERSION` unpacked (versions in SOURCES.md)
// and FILE the given names of Statistics Norway's table 10467, one a line (SOURCES.md says how).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { COMMON_GIVEN_NAMES } from "./common-given-names";

type Kind = "g" | "f";
type Source = "P" | "S" | "F" | "W" | "H";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const need = (name: string) => {
  const value = args.get(name);
  if (!value) throw new Error(`--${name} is missing (see the comment at the top of this file)`);
  return value;
};
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

const names = new Map<string, { kinds: Set<Kind>; sources: Set<Source> }>();
const NAME_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u;

/** Latin letters with marks other than the Norwegian ones, also written without them ("Dîlan" -> "Dilan"). */
function folded(name: string): string | null {
  const out = name
    .normalize("NFD")
    .replace(/([aA])\u030a/g, "$1\u0000")
    .replace(/\p{M}/gu, "")
    .replace(/\u0000/g, "\u030a")
    .normalize("NFC")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ı/g, "i")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
  return out !== name ? out : null;
}

function add(raw: string, kind: Kind | null, source: Source) {
  for (const word of raw.normalize("NFC").trim().split(/\s+/)) {
    if (!NAME_SHAPE.test(word) || [...word].length < 2) continue;
    for (const form of [word, folded(word)]) {
      if (!form) continue;
      const entry = names.get(form) ?? { kinds: new Set<Kind>(), sources: new Set<Source>() };
      if (kind) entry.kinds.add(kind);
      entry.sources.add(source);
      names.set(form, entry);
    }
  }
}

function flat(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(flat);
  if (value && typeof value === "object") return Object.values(value).flatMap(flat);
  return [];
}

// 1. The project's own list of common given names (kept from the participant reports' check).
for (const name of COMMON_GIVEN_NAMES) add(name, "g", "P");

// 2. Statistics Norway: every given name of at least five newborns in some year, 1880–2017.
for (const line of readFileSync(need("ssb-given"), "utf8").split(/\r?\n/)) add(line, "g", "S");

// 3. faker-js locale data: Norwegian, Nordic, Polish, Vietnamese, Kurdish (Kurmanji, Latin script)
//    and Turkish family names. Other locales of the groups served are in their own scripts.
const fakerDir = need("faker");
const fakerLocales: Record<string, { given: boolean; family: boolean }> = {
  nb_NO: { given: true, family: true },
  sv: { given: true, family: true },
  da: { given: true, family: true },
  fi: { given: true, family: true },
  pl: { given: true, family: true },
  vi: { given: true, family: true },
  ku_kmr_latin: { given: true, family: true },
  tr: { given: false, family: true },
};
for (const [locale, use] of Object.entries(fakerLocales)) {
  const mod = (await import(pathToFileURL(path.join(fakerDir, "dist/locale", `${locale}.js`)).href)) as Record<string, { rawDefinitions?: { person?: Record<string, unknown> } }>;
  const faker = mod.faker ?? Object.values(mod)[0];
  const person = faker.rawDefinitions?.person ?? {};
  if (use.given) for (const n of flat(person.first_name)) add(n, "g", "F");
  if (use.family) for (const n of flat(person.last_name)) add(n, "f", "F");
}

// 4. wikidata-person-names: given and family names from Wikidata (CC0).
const wikidata = (await import(pathToFileURL(path.join(need("wikidata"), "index.mjs")).href)) as Record<string, Iterable<string>>;
for (const n of [...wikidata.MALE, ...wikidata.FEMALE, ...wikidata.UNISEX]) add(n, "g", "W");
for (const n of wikidata.FAMILY) add(n, "f", "W");

// 5. humannames: a large mixed list of given and family names (no kind given).
for (const line of readFileSync(path.join(need("humannames"), "list.txt"), "utf8").split(/\r?\n/)) {
  if ([...line].length >= 3) add(line, null, "H");
}

// One line per lower-cased name: the name, then its flags: g given, f family, l listed (known from
// a source other than the scraped list).
const merged = new Map<string, Set<string>>();
for (const [name, e] of names) {
  const flags = merged.get(name.toLowerCase()) ?? new Set<string>();
  for (const k of e.kinds) flags.add(k);
  if ([...e.sources].some((s) => s !== "H")) flags.add("l");
  merged.set(name.toLowerCase(), flags);
}
const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, flags]) => `${name}\t${[...flags].sort().join("")}`);
writeFileSync(path.join(outDir, "names.tsv.gz"), gzipSync(rows.join("\n") + "\n", { level: 9 }));

// 6. Debian's wnorwegian (bokmål): ordinary words (lower-case entries) and proper nouns
//    (capitalised entries: places, organisations, people, brands), as two sorted lists.
const dict = new TextDecoder("latin1").decode(readFileSync(need("dict")));
const lower = new Set<string>();
const proper = new Set<string>();
for (const word of dict.split("\n")) {
  const w = word.trim().normalize("NFC");
  if (!w) continue;
  if (/^\p{Lu}/u.test(w)) proper.add(w);
  else lower.add(w.toLowerCase());
}
const sorted = (set: Set<string>) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join("\n") + "\n";
// Latin-1, as Debian ships it: read back as a one-byte string, half the memory of UTF-16.
writeFileSync(path.join(outDir, "nb-words.txt.gz"), gzipSync(Buffer.from(sorted(lower), "latin1"), { level: 9 }));
writeFileSync(path.join(outDir, "nb-proper.txt.gz"), gzipSync(Buffer.from(sorted(proper), "latin1"), { level: 9 }));
console.log(`names: ${rows.length}, ordinary words: ${lower.size}, proper nouns: ${proper.size}`);
