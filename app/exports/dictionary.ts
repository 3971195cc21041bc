// Format-neutral data dictionary shared by the export writers (SPSS .sav, .sps + CSV, NVivo ...).

export type Measure = "nominal" | "ordinal" | "scale";

export interface DictVariable {
  /** SPSS-safe long name: ASCII, <= 64 bytes, letter first (see spssNameProblem). */
  name: string;
  /** Variable label, already in the chosen language. */
  label: string;
  /** "date" = calendar date, stored as 'YYYY-MM-DD' strings in rows. */
  type: "numeric" | "string" | "date";
  /** Numeric only. Defaults to 2 for scale variables and 0 otherwise; only affects display. */
  decimals?: number;
  valueLabels?: { value: number | string; label: string }[];
  /** Declared user-missing values (at most 3 discrete). */
  missing?: (number | string)[];
  measure: Measure;
  /** Display width hint in columns. For strings without a measured width it is also the storage width in bytes. */
  width?: number;
}

export interface DataDictionary {
  fileLabel: string;
  variables: DictVariable[];
  documents?: string[];
}

export type Row = Record<string, number | string | null | undefined>;

// Format limits, all in bytes of UTF-8. Source: PSPP developer guide, "System File Format"
// (info pspp-dev), and the documented SPSS limits quoted there; see shared/spec/export-formats.md §1.3.
/** Long variable name (record 7.13). */
export const MAX_NAME_BYTES = 64;
/** Short variable name in the type-2 variable record. */
export const SHORT_NAME_BYTES = 8;
/** Variable label: PSPP's writer caps at 255; SPSS documents 120-255 depending on version. */
export const MAX_VARIABLE_LABEL_BYTES = 255;
/** Value label: SPSS documents 60-120 (PSPP accepts 255); we keep SPSS's 120. */
export const MAX_VALUE_LABEL_BYTES = 120;
/** Widest string variable. */
export const MAX_STRING_WIDTH = 32767;
/** Strings wider than 255 bytes are "very long": split into segments of 252 bytes of width... */
export const VERY_LONG_SEGMENT_WIDTH = 252;
/** ...each of which really stores 255 bytes of data. */
export const VERY_LONG_SEGMENT_BYTES = 255;
/** Widest string that is not a very long string. */
export const MAX_SHORT_SEGMENT_WIDTH = 255;
/** Document (record 6) line. */
export const DOCUMENT_LINE_BYTES = 80;
/** File label: the header field holds 64 bytes, but PSPP keeps only the first 60. */
export const FILE_LABEL_BYTES = 60;
/** Discrete user-missing values per variable. */
export const MAX_MISSING_VALUES = 3;

const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

/** Why `name` is not a safe SPSS variable name, or null if it is. */
export function spssNameProblem(name: string): string | null {
  if (!/^[A-Za-z@][A-Za-z0-9_.$#@]*$/.test(name)) return "must be ASCII letters, digits or _.$#@, starting with a letter";
  if (name.length > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
  if (name.endsWith(".") || name.endsWith("_")) return "must not end with '.' or '_'";
  if (RESERVED.has(name.toUpperCase())) return "is a reserved word";
  return null;
}

/** Throws on problems every SPSS writer would otherwise turn into a broken or misleading file. */
export function assertValidDictionary(dict: DataDictionary): void {
  const seen = new Set<string>();
  for (const v of dict.variables) {
    const problem = spssNameProblem(v.name);
    if (problem) throw new Error(`Variable name '${v.name}' ${problem}`);
    const key = v.name.toUpperCase();
    if (seen.has(key)) throw new Error(`Duplicate variable name '${v.name}' (names are case-insensitive)`);
    seen.add(key);
    if ((v.missing?.length ?? 0) > MAX_MISSING_VALUES) throw new Error(`${v.name}: at most ${MAX_MISSING_VALUES} missing values`);
    if (v.type === "string" && v.measure === "scale") throw new Error(`${v.name}: a string variable cannot be 'scale'`);
    const labelled = (v.valueLabels ?? []).map((l) => (v.type === "numeric" ? String(Number(l.value)) : nfc(String(l.value))));
    if (new Set(labelled).size < labelled.length) throw new Error(`${v.name}: the same value is labelled twice`);
    if (v.type === "string") {
      // Only the first 8 bytes of a string missing value are stored in a .sav (records 2 and 7.22).
      for (const m of v.missing ?? []) {
        if (utf8Length(nfc(String(m))) > 8) throw new Error(`${v.name}: string missing value '${m}' is longer than 8 bytes`);
      }
    }
  }
}

// Plain TextEncoder/TextDecoder (no Buffer) so this module also works in browser bundles.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// No character below U+0300 changes under NFC or combines with a neighbour, so such strings are skipped.
// V8 answers this in O(1) for its one-byte (Latin-1) strings, e.g. plain Norwegian text.
const MAY_NEED_NFC = /[^\u0000-\u02ff]/;

export function nfc(s: string): string {
  return MAY_NEED_NFC.test(s) ? s.normalize("NFC") : s;
}

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** Largest index <= end (and >= start) that does not split a UTF-8 character. */
function charBoundary(bytes: Uint8Array, start: number, end: number): number {
  if (end >= bytes.length) return bytes.length;
  while (end > start && (bytes[end] & 0xc0) === 0x80) end--;
  return end;
}

/** UTF-8 bytes of `s`, cut to at most `maxBytes` without splitting a character. */
export function utf8Truncate(s: string, maxBytes: number): Uint8Array {
  const bytes = encoder.encode(s);
  return bytes.subarray(0, charBoundary(bytes, 0, maxBytes));
}

/** `s` cut to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateToBytes(s: string, maxBytes: number): string {
  return decoder.decode(utf8Truncate(s, maxBytes));
}

/** Splits text into lines of at most `maxBytes` UTF-8 bytes, on character boundaries. */
export function utf8Wrap(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new Error("maxBytes must fit any UTF-8 character (>= 4)");
  const out: string[] = [];
  for (const line of nfc(text).split(/\r\n|\r|\n/)) {
    const bytes = encoder.encode(line);
    let start = 0;
    do {
      const end = charBoundary(bytes, start, start + maxBytes);
      out.push(decoder.decode(bytes.subarray(start, end)));
      start = end;
    } while (start < bytes.length);
  }
  return out;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> milliseconds at UTC midnight, or null if not a real calendar date. */
export function parseIsoDate(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; reject such dates instead of shifting them.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}
