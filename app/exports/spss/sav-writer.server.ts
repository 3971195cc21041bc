// Streaming writer for SPSS system files (.sav), UTF-8 only.
// Layout per the PSPP developer guide, "System File Format" (see shared/spec/export-formats.md §1):
// header, variable records, value labels (3+4), documents (6), extension records 7.x in ascending
// subtype, 999, then the data. Memory does not grow with the number of rows: every case is encoded
// into one preallocated buffer and copied (or bytecode-compressed) into fixed-size output chunks.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DOCUMENT_LINE_BYTES,
  FILE_LABEL_BYTES,
  MAX_SHORT_SEGMENT_WIDTH,
  MAX_STRING_WIDTH,
  MAX_VALUE_LABEL_BYTES,
  MAX_VARIABLE_LABEL_BYTES,
  SHORT_NAME_BYTES,
  VERY_LONG_SEGMENT_BYTES,
  VERY_LONG_SEGMENT_WIDTH,
  assertValidDictionary,
  nfc,
  parseIsoDate,
  utf8Truncate,
  utf8Wrap,
  type DataDictionary,
  type DictVariable,
  type Row,
} from "../dictionary";

export type SpssDateFormat = "EDATE" | "SDATE" | "ADATE" | "DATE";

export interface SavOptions {
  /** Default "bytecode" (what SPSS writes by default; much smaller for blank-padded strings). */
  compression?: "bytecode" | "none";
  /** Creation timestamp in the header (UTC). Default: now. */
  now?: Date;
  /**
   * Storage width in bytes per string variable name, e.g. from measureStringWidths(). Falls back to
   * DictVariable.width, then (when rows is an array) to the measured width. Longer values are cut on a
   * character boundary (counted in the result).
   */
  stringWidths?: Record<string, number>;
  /** Number of rows, if known and rows is not an array; written to the header. Must match. */
  caseCount?: number;
  /** Display format for date variables. Default EDATE (dd.mm.yyyy). */
  dateFormat?: SpssDateFormat;
}

export interface SavResult {
  cases: number;
  /** String values that were longer than their declared width and were cut. */
  truncatedValues: number;
}

export type RowSource = Iterable<Row> | AsyncIterable<Row>;
type ByteSink = NodeJS.WritableStream | { write(b: Uint8Array): unknown };

/** System-missing value (-DBL_MAX); HIGHEST is DBL_MAX (record 7.4). */
const SYSMIS = -Number.MAX_VALUE;
/**
 * LOWEST (record 7.4) as SPSS, PSPP and ReadStat write it: the double just above SYSMIS
 * (0xFFEFFFFFFFFFFFFE). R's foreign::read.spss warns about a file that says -DBL_MAX.
 */
const LOWEST = -1.7976931348623155e308;
/** Seconds from the SPSS epoch (1582-10-14) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12219379200;
const BIAS = 100;
const SPACE = 0x20;
const CHUNK_BYTES = 256 * 1024;
/** Byte offset of ncases in the file header. */
const NCASES_OFFSET = 80;

const FMT_A = 1;
const FMT_F = 5;
const DATE_FORMATS: Record<SpssDateFormat, { code: number; width: number }> = {
  DATE: { code: 20, width: 11 }, // dd-mmm-yyyy
  ADATE: { code: 23, width: 10 }, // mm/dd/yyyy
  EDATE: { code: 38, width: 10 }, // dd.mm.yyyy
  SDATE: { code: 39, width: 10 }, // yyyy/mm/dd
};
const MEASURE_CODE = { nominal: 1, ordinal: 2, scale: 3 } as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** How one dictionary variable is laid out in the file. */
interface VarLayout {
  v: DictVariable;
  kind: "numeric" | "date" | "string";
  /** String width in bytes; 0 for numbers. */
  width: number;
  /** One short name per segment (very long strings have several). */
  shortNames: string[];
  /** Byte offset of each segment's slot in the case buffer. */
  slotOffsets: number[];
  /** Bytes of the value stored in each segment (255 per segment for very long strings). */
  usedBytes: number[];
  /** Declared width of each segment (type field of its variable record). */
  segmentWidths: number[];
  /** 8-byte units of each segment's slot. */
  slotUnits: number[];
  format: number;
  displayWidth: number;
  /** Last date value seen and its conversion (a one-entry cache). */
  lastDate?: Row[string];
  lastSeconds: number;
}

/** Maximum UTF-8 byte length (after NFC) per string variable, for SavOptions.stringWidths. */
export async function measureStringWidths(dict: DataDictionary, rows: RowSource): Promise<Record<string, number>> {
  const m = widthMeter(dict);
  if (Symbol.asyncIterator in rows) for await (const row of rows) m.visit(row);
  else for (const row of rows) m.visit(row);
  return m.widths;
}

function widthMeter(dict: DataDictionary) {
  const strings = dict.variables.filter((v) => v.type === "string");
  const widths: Record<string, number> = {};
  for (const v of strings) {
    // Labelled and missing values must fit too, even when no row uses them.
    const declared = [...(v.valueLabels ?? []).map((l) => l.value), ...(v.missing ?? [])];
    widths[v.name] = Math.max(1, ...declared.map((x) => Buffer.byteLength(nfc(String(x)))));
  }
  const visit = (row: Row) => {
    for (const v of strings) {
      const raw = row[v.name];
      if (raw == null || raw === "") continue;
      const n = Buffer.byteLength(nfc(String(raw)));
      if (n > widths[v.name]) widths[v.name] = Math.min(n, MAX_STRING_WIDTH);
    }
  };
  return { widths, visit };
}

/** Writes a .sav to `out` (not ended afterwards), honouring back-pressure of Node streams. */
export async function writeSav(dict: DataDictionary, rows: RowSource, out: ByteSink, opts: SavOptions = {}): Promise<SavResult> {
  const stream = out as NodeJS.WritableStream;
  const gen = encodeSav(dict, rows, opts);
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    if (out.write(step.value) === false && typeof stream.once === "function") await once(stream, "drain");
  }
}

/** Writes a .sav file at `path`; when the row count was not known up front it is patched into the header. */
export async function writeSavFile(path: string, dict: DataDictionary, rows: RowSource, opts: SavOptions = {}): Promise<SavResult> {
  let result: SavResult | undefined;
  async function* chunks() {
    result = yield* encode(dict, rows, opts, true);
  }
  try {
    // Buffers of a few chunks let encoding go on while the disk writes (memory stays bounded).
    const buffered = { highWaterMark: 8 * CHUNK_BYTES };
    await pipeline(Readable.from(chunks(), { objectMode: false, ...buffered }), createWriteStream(path, buffered));
  } catch (error) {
    await rm(path, { force: true }); // no half-written file that looks like an export
    throw error;
  }
  if (!hasKnownCount(rows, opts) && result!.cases <= 0x7fffffff) {
    const file = await open(path, "r+");
    try {
      const n = Buffer.alloc(4);
      n.writeInt32LE(result!.cases);
      await file.write(n, 0, 4, NCASES_OFFSET);
    } finally {
      await file.close();
    }
  }
  return result!;
}

function hasKnownCount(rows: RowSource, opts: SavOptions): boolean {
  return opts.caseCount !== undefined || Array.isArray(rows);
}

/**
 * The .sav as a stream of byte chunks, e.g. for `Readable.from(encodeSav(...))` or a Response body.
 * Each yielded chunk is a fresh buffer that the consumer may keep.
 */
export function encodeSav(dict: DataDictionary, rows: RowSource, opts: SavOptions = {}): AsyncGenerator<Uint8Array, SavResult> {
  return encode(dict, rows, opts, false);
}

async function* encode(dict: DataDictionary, rows: RowSource, opts: SavOptions, countPatchedLater: boolean): AsyncGenerator<Uint8Array, SavResult> {
  assertValidDictionary(dict);
  if (dict.variables.length === 0) throw new Error("A .sav file needs at least one variable");
  const dateFormat = DATE_FORMATS[opts.dateFormat ?? "EDATE"];
  const compressed = (opts.compression ?? "bytecode") === "bytecode";
  const knownCount = opts.caseCount ?? (Array.isArray(rows) ? rows.length : undefined);
  if (!compressed && knownCount === undefined && !countPatchedLater) {
    // Tested: ReadStat silently reads 0 rows from an uncompressed file whose header says -1 cases.
    throw new Error("An uncompressed .sav needs caseCount (or an array of rows, or writeSavFile)");
  }

  let widths = opts.stringWidths ?? {};
  if (Array.isArray(rows) && dict.variables.some((v) => v.type === "string" && widths[v.name] === undefined && v.width === undefined)) {
    // An array can be read twice: measure the widths nobody gave.
    const m = widthMeter(dict);
    for (const row of rows) m.visit(row);
    widths = { ...m.widths, ...widths };
  }
  const layouts = layoutVariables(dict.variables, widths, dateFormat);
  const caseBytes = layouts.reduce((n, l) => n + slotsBytes(l), 0);
  yield dictionaryRecords(dict, layouts, caseBytes / 8, compressed, knownCount, opts.now ?? new Date());

  // Case buffer: the uncompressed on-disk image of one case. Padding bytes stay spaces forever.
  const caseBuf = Buffer.from(new ArrayBuffer(caseBytes)).fill(SPACE);
  const caseU8 = new Uint8Array(caseBuf.buffer, 0, caseBytes); // TypedArray fill/copyWithin skip Buffer's argument checks
  const caseF64 = new Float64Array(caseBuf.buffer, 0, caseBytes / 8);
  const caseU32 = new Uint32Array(caseBuf.buffer, 0, caseBytes / 4);
  // For compression: bytes of real data in each segment of the current case (the rest is blanks).
  const segmentData = layouts.map((l) => new Int32Array(l.slotOffsets.length));

  const units = caseBytes / 8;
  // Room for the worst case (every unit a literal, plus opcode blocks) and an open block carried over.
  const out = new DataWriter(Math.max(CHUNK_BYTES, roundUp8(units * 9 + 16 + 72)));
  let cases = 0;
  let truncatedValues = 0;

  const writeCase = (row: Row) => {
    for (let i = 0; i < layouts.length; i++) {
      const l = layouts[i];
      const raw = row[l.v.name];
      const off = l.slotOffsets[0];
      if (l.kind === "numeric") {
        caseF64[off >> 3] = toNumber(raw, l.v.name);
        continue;
      }
      if (l.kind === "date") {
        // Dates repeat from row to row (log notes of the same day), so remember the last conversion.
        if (raw !== l.lastDate) {
          l.lastDate = raw;
          l.lastSeconds = toSpssDate(raw, l.v.name);
        }
        caseF64[off >> 3] = l.lastSeconds;
        continue;
      }
      const s = raw == null || raw === "" ? "" : nfc(typeof raw === "string" ? raw : String(raw));
      // Buffer.write never writes part of a character, so a cut value stays valid UTF-8.
      const n = s === "" ? 0 : caseBuf.write(s, off, l.width, "utf8");
      if (n > l.width - 4 && Buffer.byteLength(s) > n) truncatedValues++;
      const segs = l.slotOffsets.length;
      if (segs === 1) {
        // Compressed, only the last data unit's tail is read; the blank units after it are opcodes.
        const end = compressed ? Math.min(l.width, (n + 7) & ~7) : l.width;
        if (n < end) caseU8.fill(SPACE, off + n, off + end);
        segmentData[i][0] = n;
        continue;
      }
      // Very long string, written contiguously above: move its bytes 255 at a time into the 256-byte
      // segment slots, last segment first (copyWithin is a memmove), and blank the rest of each slot.
      for (let j = segs - 1; j >= 0; j--) {
        const slot = l.slotOffsets[j];
        const used = l.usedBytes[j];
        const data = Math.min(Math.max(n - j * VERY_LONG_SEGMENT_BYTES, 0), used);
        if (data > 0 && j > 0) caseU8.copyWithin(slot, off + j * VERY_LONG_SEGMENT_BYTES, off + j * VERY_LONG_SEGMENT_BYTES + data);
        if (data < used) caseU8.fill(SPACE, slot + data, slot + used);
        segmentData[i][j] = data;
      }
      for (let j = 0; j < segs - 1; j++) caseU8[l.slotOffsets[j] + VERY_LONG_SEGMENT_BYTES] = SPACE; // padding byte
    }
    if (compressed) {
      out.room(units * 9 + 16);
      for (let i = 0; i < layouts.length; i++) {
        const l = layouts[i];
        if (l.kind !== "string") {
          out.putNumber(caseF64, caseU32, l.slotOffsets[0] >> 3);
          continue;
        }
        // Units holding data become literals (even if they happen to be 8 spaces: still valid),
        // the blank rest of each segment needs no look at the bytes.
        for (let j = 0; j < l.slotOffsets.length; j++) {
          const dataUnits = (segmentData[i][j] + 7) >> 3;
          out.putLiterals(caseU32, l.slotOffsets[j] >> 3, dataUnits);
          out.putBlanks(l.slotUnits[j] - dataUnits);
        }
      }
    } else out.putRaw(caseBuf);
    cases++;
  };

  const put = (row: Row) => {
    try {
      writeCase(row);
    } catch (error) {
      throw new Error(`Row ${cases + 1}: ${(error as Error).message}`, { cause: error });
    }
  };
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      put(row);
      while (out.ready.length) yield out.ready.shift()!;
    }
  } else {
    for (const row of rows) {
      put(row);
      while (out.ready.length) yield out.ready.shift()!;
    }
  }
  if (knownCount !== undefined && knownCount >= 0 && knownCount !== cases) {
    throw new Error(`caseCount was ${knownCount} but ${cases} rows were written; the file header is wrong`);
  }
  const last = out.rest();
  if (last.length > 0) yield last;
  return { cases, truncatedValues };
}

/**
 * Packs cases into fixed-size output chunks. With bytecode compression the data is a sequence of
 * blocks: 8 opcodes, then the 8-byte literals of the opcodes that are 253. A block may span cases.
 */
class DataWriter {
  ready: Buffer[] = [];
  private chunk: Buffer;
  private u32: Uint32Array;
  private pos = 0;
  private blockPos = 0;
  private nOps = 8; // 8 = no open block

  constructor(private readonly chunkBytes: number) {
    this.chunk = Buffer.allocUnsafeSlow(chunkBytes); // own ArrayBuffer at offset 0, so the u32 view is aligned
    this.u32 = new Uint32Array(this.chunk.buffer, 0, chunkBytes / 4);
  }

  /** Makes room for `n` more bytes; an open block moves to the new chunk, as its opcodes are not final yet. */
  room(n: number) {
    if (this.pos + n <= this.chunkBytes) return;
    const keepFrom = this.nOps < 8 ? this.blockPos : this.pos;
    const next = Buffer.allocUnsafeSlow(this.chunkBytes);
    this.chunk.copy(next, 0, keepFrom, this.pos);
    this.ready.push(this.chunk.subarray(0, keepFrom));
    this.chunk = next;
    this.u32 = new Uint32Array(next.buffer, 0, this.chunkBytes / 4);
    this.pos -= keepFrom;
    this.blockPos -= keepFrom;
    // Typed arrays drop out-of-range writes silently; never let that corrupt a file.
    if (this.pos + n > this.chunkBytes) throw new Error("Internal error: output chunk too small for one case");
  }

  putRaw(caseBuf: Buffer) {
    this.room(caseBuf.length);
    caseBuf.copy(this.chunk, this.pos);
    this.pos += caseBuf.length;
  }

  /** Opens a new block of 8 opcodes when the current one is full; its unused opcodes stay 0 (padding). */
  private block() {
    this.blockPos = this.pos;
    this.u32[this.pos >> 2] = 0;
    this.u32[(this.pos >> 2) + 1] = 0;
    this.pos += 8;
    this.nOps = 0;
  }

  putNumber(caseF64: Float64Array, caseU32: Uint32Array, unit: number) {
    if (this.nOps === 8) this.block();
    const d = caseF64[unit];
    let code = 253; // literal follows
    if (d === SYSMIS) code = 255;
    else if (d >= 1 - BIAS && d <= 251 - BIAS && Number.isInteger(d)) code = d + BIAS;
    this.chunk[this.blockPos + this.nOps++] = code;
    if (code === 253) this.putLiteralBytes(caseU32, unit);
  }

  /** `count` units from `unit` on, each as opcode 253 and its 8 bytes. */
  putLiterals(caseU32: Uint32Array, unit: number, count: number) {
    for (let u = unit; u < unit + count; u++) {
      if (this.nOps === 8) this.block();
      this.chunk[this.blockPos + this.nOps++] = 253;
      this.putLiteralBytes(caseU32, u);
    }
  }

  /** `count` units of eight spaces (opcode 254). */
  putBlanks(count: number) {
    // Fill the open block first.
    while (count > 0 && this.nOps < 8) {
      this.chunk[this.blockPos + this.nOps++] = 254;
      count--;
    }
    // Then whole blocks of eight blanks, written as one 8-byte opcode block each (the padding
    // of wide text fields: most of the loop iterations of a large export were spent here).
    while (count >= 8) {
      const q = this.pos >> 2;
      this.u32[q] = 0xfefefefe;
      this.u32[q + 1] = 0xfefefefe;
      this.blockPos = this.pos;
      this.pos += 8;
      count -= 8;
    }
    if (count > 0) {
      this.block();
      while (count-- > 0) this.chunk[this.blockPos + this.nOps++] = 254;
    }
  }

  private putLiteralBytes(caseU32: Uint32Array, unit: number) {
    // Copied as integers: a double view could canonicalise NaN-looking string bytes.
    const q = this.pos >> 2; // chunk positions are multiples of 8
    this.u32[q] = caseU32[2 * unit];
    this.u32[q + 1] = caseU32[2 * unit + 1];
    this.pos += 8;
  }

  rest(): Buffer {
    return this.chunk.subarray(0, this.pos);
  }
}

function slotsBytes(l: VarLayout): number {
  return l.slotUnits.reduce((n, u) => n + u * 8, 0);
}

function roundUp8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function toNumber(raw: Row[string], name: string): number {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : SYSMIS; // SPSS has no NaN/Infinity
  if (raw == null || raw.trim() === "") return SYSMIS; // never +null === 0
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}: '${raw}' is not a number`);
  return n;
}

function toSpssDate(raw: Row[string], name: string): number {
  if (raw == null || raw === "") return SYSMIS;
  const ms = typeof raw === "string" ? parseIsoDate(raw) : null;
  if (ms === null) throw new Error(`${name}: '${raw}' is not a 'YYYY-MM-DD' date`);
  return ms / 1000 + SPSS_EPOCH_OFFSET;
}

/** Numeric value of a label or missing-value code, using the variable's own conversion. */
function codeValue(v: DictVariable, value: number | string): number {
  return v.type === "date" ? toSpssDate(value, v.name) : toNumber(value, v.name);
}

function layoutVariables(vars: DictVariable[], widths: Record<string, number>, dateFormat: { code: number; width: number }): VarLayout[] {
  const shortNames = assignShortNames(vars, widths);
  let offset = 0;
  return vars.map((v, i) => {
    const base = { v, shortNames: shortNames[i], lastSeconds: SYSMIS };
    if (v.type !== "string") {
      const slot = { width: 0, slotOffsets: [offset], usedBytes: [8], segmentWidths: [0], slotUnits: [1] };
      offset += 8;
      if (v.type === "date") {
        const format = fmt(dateFormat.code, dateFormat.width, 0);
        return { ...base, ...slot, kind: "date", format, displayWidth: Math.max(v.width ?? 0, dateFormat.width), lastDate: null };
      }
      const d = Math.min(Math.max(0, v.decimals ?? (v.measure === "scale" ? 2 : 0)), 16);
      const w = Math.min(Math.max(v.width ?? 8, d + 2), 40);
      return { ...base, ...slot, kind: "numeric", format: fmt(FMT_F, w, d), displayWidth: w };
    }

    const declared = widths[v.name] ?? v.width;
    if (declared === undefined) throw new Error(`${v.name}: string width unknown; pass stringWidths (measureStringWidths), set width, or pass rows as an array`);
    const width = Math.min(Math.max(1, Math.floor(declared)), MAX_STRING_WIDTH);
    for (const vl of v.valueLabels ?? []) {
      if (Buffer.byteLength(nfc(String(vl.value))) > width) throw new Error(`${v.name}: labelled value '${vl.value}' is wider than the variable (${width} bytes)`);
    }
    // Very long strings: segments of width 255 (the last gets the rest), each storing 255 bytes of the value.
    const segs = segmentCount(width);
    const segmentWidths = Array.from({ length: segs }, (_, j) => (segs === 1 ? width : j < segs - 1 ? 255 : width - j * VERY_LONG_SEGMENT_WIDTH));
    const usedBytes = segmentWidths.map((_, j) => (segs === 1 ? width : Math.max(0, Math.min(width - j * VERY_LONG_SEGMENT_BYTES, VERY_LONG_SEGMENT_BYTES))));
    const slotUnits = segmentWidths.map((w) => roundUp8(w) / 8);
    const slotOffsets = slotUnits.map((units) => {
      const at = offset;
      offset += units * 8;
      return at;
    });
    const format = fmt(FMT_A, Math.min(width, 255), 0);
    const displayWidth = Math.min(Math.max(1, v.width ?? 32), 64, width);
    return { ...base, kind: "string", width, slotOffsets, usedBytes, segmentWidths, slotUnits, format, displayWidth };
  });
}

function segmentCount(width: number): number {
  return width <= MAX_SHORT_SEGMENT_WIDTH ? 1 : Math.ceil(width / VERY_LONG_SEGMENT_WIDTH);
}

function fmt(type: number, width: number, decimals: number): number {
  return (type << 16) | (width << 8) | decimals;
}

/**
 * Unique 8-byte upper-case short names, one per segment. Names that already fit claim themselves
 * first, so that no long name can later collide with another variable's short name while a
 * reader renames variables one by one.
 */
function assignShortNames(vars: DictVariable[], widths: Record<string, number>): string[][] {
  const taken = new Set<string>();
  const result: string[][] = vars.map(() => []);
  const claim = (base: string): string => {
    base = base.slice(0, SHORT_NAME_BYTES).replace(/\.+$/, "");
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    for (let i = 1; ; i++) {
      const suffix = `_${i}`;
      const candidate = base.slice(0, SHORT_NAME_BYTES - suffix.length).replace(/\.+$/, "") + suffix;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  vars.forEach((v, i) => {
    if (v.name.length <= SHORT_NAME_BYTES) result[i].push(claim(v.name.toUpperCase()));
  });
  vars.forEach((v, i) => {
    if (v.name.length > SHORT_NAME_BYTES) result[i].push(claim(v.name.toUpperCase()));
  });
  vars.forEach((v, i) => {
    if (v.type !== "string") return;
    const width = Math.min(Math.max(1, Math.floor(widths[v.name] ?? v.width ?? 1)), MAX_STRING_WIDTH);
    for (let j = 1; j < segmentCount(width); j++) result[i].push(claim(v.name.toUpperCase().slice(0, 5)));
  });
  return result;
}

/** Little-endian byte builder for the (small) dictionary part of the file. */
class Bytes {
  private parts: Buffer[] = [];
  int(n: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.parts.push(b);
  }
  double(x: number) {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    this.parts.push(b);
  }
  int64(n: number) {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(BigInt(n));
    this.parts.push(b);
  }
  bytes(b: Uint8Array) {
    this.parts.push(Buffer.from(b));
  }
  /** Exactly `len` bytes: `b` cut or right-padded with `fill`. */
  padded(b: Uint8Array | string, len: number, fill = SPACE) {
    const src = typeof b === "string" ? utf8Truncate(b, len) : b;
    const out = Buffer.alloc(len, fill);
    out.set(src.subarray(0, len));
    this.parts.push(out);
  }
  get length() {
    return this.parts.reduce((n, p) => n + p.length, 0);
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

function ascii(s: string): Buffer {
  return Buffer.from(s, "latin1");
}

/** Label text: NFC, cut to `max` bytes on a character boundary. */
function labelBytes(s: string, max: number): Uint8Array {
  return utf8Truncate(nfc(s), max);
}

/** 8-byte space-padded value of a short string (value labels, missing values). */
function shortStringValue(v: DictVariable, value: number | string): Uint8Array {
  const b = Buffer.from(nfc(String(value)));
  if (b.length > 8) throw new Error(`${v.name}: value '${value}' does not fit in 8 bytes`);
  return b;
}

function dictionaryRecords(dict: DataDictionary, layouts: VarLayout[], caseUnits: number, compressed: boolean, knownCount: number | undefined, now: Date): Buffer {
  const w = new Bytes();

  // 1: file header (176 bytes).
  w.bytes(ascii("$FL2"));
  w.padded("@(#) SPSS DATA FILE Medforsker export", 60);
  w.int(2); // layout code
  w.int(caseUnits);
  w.int(compressed ? 1 : 0);
  w.int(0); // no weight variable
  w.int(knownCount !== undefined && knownCount >= 0 && knownCount <= 0x7fffffff ? knownCount : -1);
  w.double(BIAS);
  const pad2 = (n: number) => String(n).padStart(2, "0");
  w.padded(`${pad2(now.getUTCDate())} ${MONTHS[now.getUTCMonth()]} ${pad2(now.getUTCFullYear() % 100)}`, 9);
  w.padded(`${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`, 8);
  w.padded(labelBytes(dict.fileLabel, FILE_LABEL_BYTES), 64);
  w.padded(new Uint8Array(0), 3, 0);

  // 2: variable records, one per segment plus one continuation record per further 8 bytes.
  for (const l of layouts) {
    l.segmentWidths.forEach((segWidth, j) => {
      const first = j === 0;
      const label = first && l.v.label ? labelBytes(l.v.label, MAX_VARIABLE_LABEL_BYTES) : new Uint8Array(0);
      // Missing values of strings wider than 8 bytes go to record 7.22 instead.
      const missing = first && (l.kind !== "string" || l.width <= 8) ? (l.v.missing ?? []) : [];
      w.int(2);
      w.int(segWidth);
      w.int(label.length > 0 ? 1 : 0);
      w.int(missing.length);
      const format = first ? l.format : fmt(FMT_A, Math.max(segWidth, 1), 0);
      w.int(format);
      w.int(format);
      w.padded(ascii(l.shortNames[j]), 8);
      if (label.length > 0) {
        w.int(label.length);
        w.padded(label, roundUp4(label.length));
      }
      for (const m of missing) {
        if (l.kind === "string") w.padded(shortStringValue(l.v, m), 8);
        else w.double(codeValue(l.v, m));
      }
      for (let extra = 8; extra < segWidth; extra += 8) {
        w.int(2);
        w.int(-1);
        w.int(0);
        w.int(0);
        w.int(0);
        w.int(0);
        w.padded(new Uint8Array(0), 8, 0);
      }
    });
  }

  // 3 + 4: value labels of numbers and strings of at most 8 bytes.
  let dictIndex = 1; // 1-based, counting continuation records
  for (const l of layouts) {
    const labels = l.v.valueLabels ?? [];
    if (labels.length > 0 && (l.kind !== "string" || l.width <= 8)) {
      w.int(3);
      w.int(labels.length);
      for (const vl of labels) {
        if (l.kind === "string") w.padded(shortStringValue(l.v, vl.value), 8);
        else w.double(codeValue(l.v, vl.value));
        const text = labelBytes(vl.label, MAX_VALUE_LABEL_BYTES);
        w.bytes(Uint8Array.of(text.length));
        w.padded(text, roundUp8(text.length + 1) - 1); // length byte + label fill a multiple of 8
      }
      w.int(4);
      w.int(1);
      w.int(dictIndex);
    }
    dictIndex += l.segmentWidths.reduce((n, sw) => n + (sw === 0 ? 1 : Math.ceil(sw / 8)), 0);
  }

  // 6: documents, 80-byte lines.
  const docLines = (dict.documents ?? []).flatMap((d) => utf8Wrap(d, DOCUMENT_LINE_BYTES));
  if (docLines.length > 0) {
    w.int(6);
    w.int(docLines.length);
    for (const line of docLines) w.padded(line, DOCUMENT_LINE_BYTES);
  }

  const ext = (subtype: number, size: number, payload: Buffer) => {
    w.int(7);
    w.int(subtype);
    w.int(size);
    w.int(payload.length / size);
    w.bytes(payload);
  };
  const ints = (...ns: number[]) => {
    const b = Buffer.alloc(4 * ns.length);
    ns.forEach((n, i) => b.writeInt32LE(n, 4 * i));
    return b;
  };

  // 7.3 machine integer info: IEEE floats, little-endian, character code 65001 = UTF-8.
  ext(3, 4, ints(1, 0, 0, -1, 1, 1, 2, 65001));
  // 7.4 machine float info: sysmis, highest, lowest.
  const floats = Buffer.alloc(24);
  floats.writeDoubleLE(SYSMIS, 0);
  floats.writeDoubleLE(Number.MAX_VALUE, 8);
  floats.writeDoubleLE(LOWEST, 16);
  ext(4, 8, floats);
  // 7.11 display parameters: measure, columns, alignment - one triple per segment.
  const display: number[] = [];
  for (const l of layouts) {
    const align = l.kind === "string" ? 0 : 1;
    l.segmentWidths.forEach((sw, j) => display.push(MEASURE_CODE[l.v.measure], j === 0 ? l.displayWidth : Math.min(sw, 32), align));
  }
  ext(11, 4, ints(...display));
  // 7.13 long variable names.
  ext(13, 1, ascii(layouts.map((l) => `${l.shortNames[0]}=${l.v.name}`).join("\t")));
  // 7.14 very long strings: first segment's short name and the real width.
  const vls = layouts.filter((l) => l.segmentWidths.length > 1);
  if (vls.length > 0) ext(14, 1, ascii(vls.map((l) => `${l.shortNames[0]}=${String(l.width).padStart(5, "0")}\0\t`).join("")));
  // 7.16 extended case count.
  if (knownCount !== undefined && knownCount >= 0) {
    const b = new Bytes();
    b.int64(1);
    b.int64(knownCount);
    ext(16, 8, b.buffer());
  }
  // 7.20 character encoding.
  ext(20, 1, ascii("UTF-8"));
  // 7.21 value labels of strings wider than 8 bytes, keyed by long name; values padded to the width.
  const longLabels = new Bytes();
  for (const l of layouts) {
    const labels = l.v.valueLabels ?? [];
    if (l.kind !== "string" || l.width <= 8 || labels.length === 0) continue;
    longLabels.int(l.v.name.length);
    longLabels.bytes(ascii(l.v.name));
    longLabels.int(l.width);
    longLabels.int(labels.length);
    for (const vl of labels) {
      longLabels.int(l.width);
      longLabels.padded(Buffer.from(nfc(String(vl.value))), l.width);
      const text = labelBytes(vl.label, MAX_VALUE_LABEL_BYTES);
      longLabels.int(text.length);
      longLabels.bytes(text);
    }
  }
  if (longLabels.length > 0) ext(21, 1, longLabels.buffer());
  // 7.22 missing values of strings wider than 8 bytes (only 8 bytes each are significant).
  const longMissing = new Bytes();
  for (const l of layouts) {
    const missing = l.v.missing ?? [];
    if (l.kind !== "string" || l.width <= 8 || missing.length === 0) continue;
    longMissing.int(l.v.name.length);
    longMissing.bytes(ascii(l.v.name));
    longMissing.bytes(Uint8Array.of(missing.length));
    for (const m of missing) {
      longMissing.int(8);
      longMissing.padded(shortStringValue(l.v, m), 8);
    }
  }
  if (longMissing.length > 0) ext(22, 1, longMissing.buffer());

  // 999: end of dictionary.
  w.int(999);
  w.int(0);
  return w.buffer();
}

function roundUp4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
