// The attacker of issue 4, as code: reads a copy of the SQLite file and its WAL byte by byte
// (no SQLite involved for the evidence) and recovers, per row of a table, everything an
// investigator could order rows by: rowid, physical position in the main file, physical
// position after the WAL is applied, the WAL frame where the row first appears, and the WAL
// frame where a column first took a given value. `matchByOrder` then pairs two tables by those
// orders and counts how many pairs are right.
//
// File format: https://www.sqlite.org/fileformat2.html (database header, b-tree pages, record
// format, WAL frames).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { mulberry32 } from "../../db/demo/random";

export type Value = number | bigint | string | Buffer | null;

export interface Frame {
  index: number;
  page: number;
  /** Database size in pages for a commit frame, else 0. */
  commitSize: number;
  /** The frame belongs to the WAL's current generation (salts match the header). */
  current: boolean;
  data: Buffer;
}

export interface Evidence {
  pageSize: number;
  /** Page images of the main file, 1-based. */
  mainPages: Map<number, Buffer>;
  frames: Frame[];
  /** The main file with every current WAL frame applied (what a reader sees). */
  currentPages: Map<number, Buffer>;
  /** name → root page and column names, read through SQLite from a scratch copy. */
  tables: Map<string, { rootpage: number; columns: string[] }>;
}

export interface CellImage {
  rowid: bigint;
  values: Value[];
  /** Offset of the cell in its page. */
  offset: number;
  page: number;
}

function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i];
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  value = (value << 8n) | BigInt(buf[at + 8]);
  return [value, 9];
}

function signed(bytes: Buffer): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  const bits = BigInt(bytes.length * 8);
  return v >= 1n << (bits - 1n) ? v - (1n << bits) : v;
}

/** Decodes a record (header + body); null when it does not parse (a page of another kind). */
export function decodeRecord(payload: Buffer): Value[] | null {
  try {
    const [headerSize, n] = varint(payload, 0);
    let at = n;
    const types: bigint[] = [];
    while (at < Number(headerSize)) {
      const [type, m] = varint(payload, at);
      types.push(type);
      at += m;
    }
    let body = Number(headerSize);
    const values: Value[] = [];
    for (const type of types) {
      const t = Number(type);
      const sizes: Record<number, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8, 8: 0, 9: 0 };
      if (t in sizes) {
        const size = sizes[t];
        const bytes = payload.subarray(body, body + size);
        if (bytes.length !== size) return null;
        if (t === 0) values.push(null);
        else if (t === 7) values.push(bytes.readDoubleBE(0));
        else if (t === 8) values.push(0);
        else if (t === 9) values.push(1);
        else {
          const v = signed(bytes);
          values.push(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
        }
        body += size;
      } else if (t >= 12) {
        const size = Math.floor((t - (t % 2 === 0 ? 12 : 13)) / 2);
        const bytes = payload.subarray(body, body + size);
        if (bytes.length !== size) return null;
        values.push(t % 2 === 0 ? Buffer.from(bytes) : bytes.toString("utf8"));
        body += size;
      } else return null;
    }
    return values;
  } catch {
    return null;
  }
}

/** The cells of a table b-tree leaf page (flag 0x0D); null for any other page. */
export function tableLeafCells(page: Buffer, pageNo: number, pageSize: number): CellImage[] | null {
  const base = pageNo === 1 ? 100 : 0;
  if (page[base] !== 0x0d) return null;
  const count = page.readUInt16BE(base + 3);
  const usable = pageSize;
  const maxLocal = usable - 35;
  const cells: CellImage[] = [];
  for (let i = 0; i < count; i++) {
    const offset = page.readUInt16BE(base + 8 + 2 * i);
    if (offset < base + 8 || offset >= pageSize) return null;
    const [size, a] = varint(page, offset);
    const [rowid, b] = varint(page, offset + a);
    const start = offset + a + b;
    // Rows that spill into overflow pages are cut to their local part (not used by these tests).
    const local = Number(size) <= maxLocal ? Number(size) : Math.min(Number(size), pageSize - start);
    const values = decodeRecord(page.subarray(start, start + local));
    if (!values) return null;
    cells.push({ rowid: rowid >= 1n << 63n ? rowid - (1n << 64n) : rowid, values, offset, page: pageNo });
  }
  return cells;
}

/** Child pages of an interior table page (flag 0x05), or null. */
function interiorChildren(page: Buffer, pageNo: number): number[] | null {
  const base = pageNo === 1 ? 100 : 0;
  if (page[base] !== 0x05) return null;
  const count = page.readUInt16BE(base + 3);
  const children: number[] = [];
  for (let i = 0; i < count; i++) children.push(page.readUInt32BE(page.readUInt16BE(base + 12 + 2 * i)));
  children.push(page.readUInt32BE(base + 8));
  return children;
}

/** Every leaf cell of a table in a page set, walking from its root page; `visited` gets its pages. */
export function walkTable(pages: Map<number, Buffer>, root: number, pageSize: number, visited?: Set<number>): CellImage[] {
  const out: CellImage[] = [];
  const visit = (pageNo: number) => {
    const page = pages.get(pageNo);
    if (!page) return;
    visited?.add(pageNo);
    const leaf = tableLeafCells(page, pageNo, pageSize);
    if (leaf) {
      out.push(...leaf);
      return;
    }
    for (const child of interiorChildren(page, pageNo) ?? []) visit(child);
  };
  visit(root);
  return out;
}

export function readWal(wal: Buffer, pageSize: number): Frame[] {
  if (wal.length < 32) return [];
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const frames: Frame[] = [];
  for (let at = 32, index = 0; at + 24 + pageSize <= wal.length; at += 24 + pageSize, index++) {
    frames.push({
      index,
      page: wal.readUInt32BE(at),
      commitSize: wal.readUInt32BE(at + 4),
      current: wal.readUInt32BE(at + 8) === salt1 && wal.readUInt32BE(at + 12) === salt2,
      data: Buffer.from(wal.subarray(at + 24, at + 24 + pageSize)),
    });
  }
  return frames;
}

/**
 * Reads the evidence from a database file and its WAL as they are on disk now (copied first,
 * so the running server does not change them under us).
 */
export function collectEvidence(databasePath: string): Evidence {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "survey-forensics-"));
  const main = fs.readFileSync(databasePath);
  const wal = fs.existsSync(`${databasePath}-wal`) ? fs.readFileSync(`${databasePath}-wal`) : Buffer.alloc(0);
  const raw = main.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const mainPages = new Map<number, Buffer>();
  for (let p = 0; p * pageSize < main.length; p++) mainPages.set(p + 1, main.subarray(p * pageSize, (p + 1) * pageSize));
  const frames = readWal(wal, pageSize);
  // Current frames up to the last commit are what a reader sees.
  const currentPages = new Map(mainPages);
  let pending: Frame[] = [];
  for (const frame of frames) {
    if (!frame.current) continue;
    pending.push(frame);
    if (frame.commitSize > 0) {
      for (const f of pending) currentPages.set(f.page, f.data);
      pending = [];
    }
  }
  // Table names and root pages, through SQLite on a scratch copy (never on the evidence).
  fs.writeFileSync(path.join(dir, "copy.db"), main);
  if (wal.length) fs.writeFileSync(path.join(dir, "copy.db-wal"), wal);
  const db = new Database(path.join(dir, "copy.db"), { readonly: false });
  const tables = new Map<string, { rootpage: number; columns: string[] }>();
  for (const row of db.prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'").all() as { name: string; rootpage: number }[]) {
    const columns = (db.prepare(`PRAGMA table_info("${row.name}")`).all() as { name: string }[]).map((c) => c.name);
    tables.set(row.name, { rootpage: row.rootpage, columns });
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { pageSize, mainPages, frames, currentPages, tables };
}

/** What the attacker can order each row of a table by. Missing evidence is NaN. */
export interface RowTrace {
  rowid: bigint;
  values: Record<string, Value>;
  /** Byte position in the database as a reader sees it (page, then cell offset). */
  currentPosition: number;
  /** Byte position in the main file (NaN when the row is only in the WAL). */
  mainPosition: number;
  /** First WAL frame in which the row appears (NaN if none). */
  firstFrame: number;
  /** First WAL frame in which the row has `watch` = `watchValue` (NaN if none). */
  watchFrame: number;
}

export function traceTable(evidence: Evidence, table: string, watch?: { column: string; value: Value }): RowTrace[] {
  const info = evidence.tables.get(table);
  if (!info) throw new Error(`no table ${table}`);
  const { pageSize } = evidence;
  const columnIndex = watch ? info.columns.indexOf(watch.column) : -1;
  const named = (cell: CellImage) => Object.fromEntries(info.columns.map((c, i) => [c, cell.values[i] ?? null]));
  const owned = new Set<number>();
  const current = walkTable(evidence.currentPages, info.rootpage, pageSize, owned);
  const main = new Map(walkTable(evidence.mainPages, info.rootpage, pageSize, owned).map((c) => [c.rowid, c]));
  const rowids = new Set(current.map((c) => c.rowid));
  const first = new Map<bigint, number>();
  const watched = new Map<bigint, number>();
  for (const frame of evidence.frames) {
    if (!owned.has(frame.page)) continue;
    const cells = tableLeafCells(frame.data, frame.page, pageSize);
    if (!cells) continue;
    for (const cell of cells) {
      if (!rowids.has(cell.rowid) || cell.values.length !== info.columns.length) continue;
      if (!first.has(cell.rowid)) first.set(cell.rowid, frame.index);
      if (watch && !watched.has(cell.rowid) && cell.values[columnIndex] === watch.value) watched.set(cell.rowid, frame.index);
    }
  }
  return current.map((cell) => {
    const inMain = main.get(cell.rowid);
    return {
      rowid: cell.rowid,
      values: named(cell),
      currentPosition: (cell.page - 1) * pageSize + cell.offset,
      mainPosition: inMain ? (inMain.page - 1) * pageSize + inMain.offset : Number.NaN,
      firstFrame: first.get(cell.rowid) ?? Number.NaN,
      watchFrame: watched.get(cell.rowid) ?? Number.NaN,
    };
  });
}

/** Ranks (0-based) of keyed scores; NaN and ties are broken by a seeded shuffle, not by input order. */
export function ranks<K>(scores: Map<K, number | bigint>, seed: number): Map<K, number> {
  const random = mulberry32(seed);
  const entries = [...scores].map(([key, score]) => ({ key, score, tie: random() }));
  const num = (v: number | bigint) => (typeof v === "bigint" ? Number(v) : v);
  entries.sort((a, b) => {
    const x = num(a.score);
    const y = num(b.score);
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn !== yn) return xn ? 1 : -1;
    if (!xn && x !== y) return x < y ? -1 : 1;
    return a.tie - b.tie;
  });
  return new Map(entries.map((e, i) => [e.key, i]));
}

export interface MatchResult {
  /** Pairs the attacker got right (answer of rank r ↔ link of rank r). */
  correct: number;
  /** Spearman correlation of the two ranks over the true pairs. */
  rho: number;
}

/**
 * The attacker pairs the r-th answer with the r-th link by two orders; `truth` maps an answer
 * key to its link key. Both maps must have the same keys as `truth` (answers) and its values
 * (links).
 */
export function matchByOrder<A, L>(
  answerScores: Map<A, number | bigint>,
  linkScores: Map<L, number | bigint>,
  truth: Map<A, L>,
  seed = 1,
): MatchResult {
  const answerRanks = ranks(answerScores, seed);
  const linkRanks = ranks(linkScores, seed + 1);
  const linkAtRank = new Map([...linkRanks].map(([key, rank]) => [rank, key]));
  let correct = 0;
  const pairs: [number, number][] = [];
  for (const [answer, link] of truth) {
    const rank = answerRanks.get(answer)!;
    if (linkAtRank.get(rank) === link) correct++;
    pairs.push([rank, linkRanks.get(link)!]);
  }
  // Ranks of the answered links among themselves, then Spearman.
  const relink = ranks(new Map(pairs.map(([, l], i) => [i, l])), seed + 2);
  const reans = ranks(new Map(pairs.map(([a], i) => [i, a])), seed + 3);
  const n = pairs.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (reans.get(i)! - relink.get(i)!) ** 2;
  const rho = n > 1 ? 1 - (6 * d2) / (n * (n * n - 1)) : 0;
  return { correct, rho };
}

/** The SQLite varint of a 64-bit value (to search raw bytes for a rowid). */
export function encodeVarint(value: bigint): Buffer {
  let v = BigInt.asUintN(64, value);
  if (v > 0x00ffffffffffffffn) {
    const out = Buffer.alloc(9);
    out[8] = Number(v & 0xffn);
    v >>= 8n;
    for (let i = 7; i >= 0; i--) {
      out[i] = Number(v & 0x7fn) | (i < 7 ? 0x80 : 0x80);
      v >>= 7n;
    }
    return out;
  }
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0x7fn));
    v >>= 7n;
  } while (v > 0n);
  for (let i = 0; i < bytes.length - 1; i++) bytes[i] |= 0x80;
  return Buffer.from(bytes);
}
