// Transcript text as the NVivo export will need it: NFC, LF line ends, speaker turns and code
// spans as Unicode code-point offsets (end exclusive). JavaScript strings index UTF-16 units,
// so every offset that leaves this module is converted. Pure and browser-safe.

/** NFC, LF only, no control characters but tab and newline, no trailing spaces, at most one blank line in a row. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[ \t\u00A0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Number of code points in a string (or in its UTF-16 range [from, to)): what REFI-QDA positions count. */
export function codePointLength(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Code-point offset of a UTF-16 index. */
export function toCodePointOffset(text: string, utf16Index: number): number {
  return codePointLength(text, 0, utf16Index);
}

/** UTF-16 index of a code-point offset. */
export function toUtf16Index(text: string, codePointOffset: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < codePointOffset) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    cp++;
  }
  return i;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(toUtf16Index(text, start), toUtf16Index(text, end));
}

export interface Turn {
  /** The label at line start without its colon («JS3», «Forsker»), or null. */
  readonly speaker: string | null;
  /** Code-point offsets of what was said (the label excluded), end exclusive. */
  readonly start: number;
  readonly end: number;
}

/**
 * A speaker label at line start: one to three words beginning with a capital letter and ending
 * in a colon followed by space or line end («JS3:», «Forsker:», «Leder 2:»), or a role pseudonym
 * in brackets (a name replaced: «[jobbspesialist]:»), optionally after a time stamp
 * («[00:12:31] JS3:»). «kl. 10:30» is not one: the colon must be followed by a space.
 */
const SPEAKER = /^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(\p{Lu}[\p{L}\p{N}]*(?:[ .-]\p{L}*[\p{L}\p{N}]+){0,2}|\[[^\]\n]{1,28}\])[ \t]*:(?=[ \t]|$)[ \t]*/u;
const MAX_SPEAKER = 30;

export function speakerAt(line: string): { speaker: string; contentStart: number } | null {
  const m = SPEAKER.exec(line);
  if (!m || m[1].length > MAX_SPEAKER) return null;
  return { speaker: m[1], contentStart: m[0].length };
}

/**
 * Splits a normalised text into turns. A labelled line starts a turn that runs until the next
 * label (blank lines included); text without any label becomes one turn per paragraph with no
 * speaker, so notes can be coded paragraph by paragraph too.
 */
export function parseTurns(text: string): Turn[] {
  type Open = { speaker: string | null; start: number; end: number };
  const turns: Open[] = [];
  let current: Open | null = null;
  let offset = 0; // UTF-16 index of the line start
  for (const line of text.split("\n")) {
    const lineEnd = offset + line.length;
    const label = speakerAt(line);
    if (label) {
      if (current) turns.push(current);
      const start = offset + label.contentStart;
      current = { speaker: label.speaker, start, end: Math.max(start, lineEnd) };
    } else if (line.trim() === "") {
      // A blank line ends an unlabelled paragraph; a speaker's turn goes on to the next label.
      if (current && current.speaker === null) {
        turns.push(current);
        current = null;
      }
    } else if (current) {
      current.end = lineEnd;
    } else {
      const lead = line.length - line.trimStart().length;
      current = { speaker: null, start: offset + lead, end: lineEnd };
    }
    offset = lineEnd + 1;
  }
  if (current) turns.push(current);
  return turns
    .filter((t) => t.end > t.start)
    .map((t) => ({ speaker: t.speaker, start: toCodePointOffset(text, t.start), end: toCodePointOffset(text, t.end) }));
}

export interface Replacement {
  readonly from: string;
  readonly to: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces each `from` as a whole word, case-sensitive (the Norwegian name «Dag» is also the
 * word «dag»), longest first, also before a genitive s («Ainas» → «[jobbspesialist]s»). Always
 * applied to the original, so the result depends only on the list.
 */
export function applyReplacements(original: string, replacements: readonly Replacement[]): string {
  const list = replacements
    .map((r) => ({ from: r.from.normalize("NFC").trim(), to: r.to.normalize("NFC").trim() }))
    .filter((r) => r.from !== "")
    .sort((a, b) => b.from.length - a.from.length);
  if (list.length === 0) return original;
  const byFrom = new Map(list.map((r) => [r.from, r.to]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${list.map((r) => escapeRegExp(r.from)).join("|")})(?=s?(?![\\p{L}\\p{N}]))`, "gu");
  return original.replace(pattern, (match) => byFrom.get(match) ?? match);
}

/** Which of `names` occur in `text` as whole words (case-sensitive), in the order given. */
export function namesInText(text: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    const trimmed = name.trim();
    if (!trimmed) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(trimmed)}(?=s?(?![\\p{L}\\p{N}]))`, "u").test(text);
  });
}

/**
 * Code-point span of `passage` in `text` (both normalised first). Null when not found;
 * "ambiguous" when it occurs more than once.
 */
export function findPassage(text: string, passage: string): { start: number; end: number } | null | "ambiguous" {
  const needle = normaliseText(passage);
  if (!needle) return null;
  const first = text.indexOf(needle);
  if (first < 0) return null;
  if (text.indexOf(needle, first + 1) >= 0) return "ambiguous";
  const start = toCodePointOffset(text, first);
  return { start, end: start + codePointLength(needle) };
}
