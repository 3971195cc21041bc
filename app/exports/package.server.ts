// The export package: one zip, written as a stream (fflate) straight to its file, with the
// SHA-256 of every file for the manifest. Files that are compressed already (.sav with bytecode,
// .xlsx/.docx/.qdpx, which are zips) are stored; text is deflated. A format may stream its data
// file into the zip as it writes it (openStream: the .sav of a large export is never copied), and
// rewrite bytes of it before it is closed; its checksums are then read back on a worker thread.
// A large file copied in is hashed on a thread of its own while it is copied. The package as a
// whole is identified by its manifest's SHA-256 (the manifest holds every other file's), so the
// zip itself is not hashed a second time.
import crypto from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { crc32 } from "node:zlib";
import { Worker } from "node:worker_threads";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/** Files larger than this are hashed on a worker thread while the main thread copies them. */
const HASH_IN_WORKER_BYTES = 8 * 1024 * 1024;
/** Bytes handed to the disk before the writer waits for them, so memory stays bounded. */
const UNWRITTEN_LIMIT = 16 * 1024 * 1024;
// Plain JavaScript evaluated by the worker, so it runs under tsx and in the built server alike.
// It reads bytes [start, end] of the file (all of it by default): SHA-256, and CRC-32 if asked.
const HASH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { crc32 } = require("node:zlib");
const hash = require("node:crypto").createHash("sha256");
const { file, start, end, crc } = workerData;
let running = 0;
const input = require("node:fs").createReadStream(file, { start, end, highWaterMark: 4 * 1024 * 1024 });
input.on("data", (chunk) => { hash.update(chunk); if (crc) running = crc32(chunk, running); });
input.on("error", (error) => { throw error; });
input.on("end", () => parentPort.postMessage({ sha256: hash.digest("hex"), crc32: running }));
`;

function checksumsOnWorker(workerData: { file: string; start?: number; end?: number; crc: boolean }): Promise<{ sha256: string; crc32: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData });
    worker.once("message", (sums: { sha256: string; crc32: number }) => {
      resolve(sums);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`hash worker stopped (${code})`));
    });
  });
}

/** SHA-256 of a file, computed on a worker thread. */
export async function hashFileOnWorker(file: string): Promise<string> {
  return (await checksumsOnWorker({ file, crc: false })).sha256;
}

const STORED = /\.(sav|xlsx|docx|qdpx|zip|png|jpg)$/i;

/** A stored (uncompressed) entry whose CRC-32 comes from zlib (native) instead of fflate's JavaScript loop. */
class StoredEntry extends ZipPassThrough {
  private running = 0;
  override push(chunk: Uint8Array, final = false): void {
    this.running = crc32(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    this.process(chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/** A stored entry whose CRC-32 is set by its writer once the bytes are final. */
class PatchableEntry extends ZipPassThrough {
  override push(chunk: Uint8Array, final = false): void {
    this.size += chunk.length;
    this.process(chunk as Uint8Array<ArrayBuffer>, final);
  }
}

export interface PackedFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** A file being streamed into the package (PackageWriter.openStream). */
export interface StreamedEntry {
  /** Appends bytes; resolves at once unless many are still on their way to the disk. */
  write(chunk: Uint8Array): Promise<void>;
  /** Rewrites bytes already written, at `position` in the file. */
  patch(position: number, bytes: Uint8Array): Promise<void>;
  /** Ends the file: its checksums come from the bytes as they finally are. */
  close(): Promise<PackedFile>;
}

export class PackageWriter {
  private readonly zip: Zip;
  private bytes = 0;
  /** The entry open for streaming, if any. */
  private streaming: string | null = null;
  private pending: Promise<void> = Promise.resolve();
  private failed: Error | null = null;
  private done!: () => void;
  private readonly finished = new Promise<void>((resolve) => (this.done = resolve));

  private constructor(
    private readonly fd: Awaited<ReturnType<typeof open>>,
    private readonly file: string,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failed = error;
        this.done();
        return;
      }
      this.bytes += chunk.length;
      // Writes are chained so they land in order; the file is ours alone.
      this.pending = this.pending.then(() => this.fd.write(chunk).then(() => undefined));
      if (final) this.done();
    });
  }

  static async create(file: string, mtime = new Date()): Promise<PackageWriter> {
    return new PackageWriter(await open(file, "w+"), file, mtime); // w+: streamed entries are read back
  }

  private entry(name: string) {
    if (this.streaming) throw new Error(`${this.streaming} is still open`);
    const entry = STORED.test(name) ? new StoredEntry(name) : new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    return entry;
  }

  /** Copies a file from disk into the zip as `name`. */
  async addFile(name: string, source: string): Promise<PackedFile> {
    const { size } = await stat(source);
    const onWorker = size >= HASH_IN_WORKER_BYTES ? hashFileOnWorker(source) : null;
    const hash = onWorker ? null : crypto.createHash("sha256");
    const entry = this.entry(name);
    let bytes = 0;
    let unwritten = 0;
    for await (const chunk of createReadStream(source, { highWaterMark: 2 * 1024 * 1024 })) {
      const data = chunk as Buffer;
      hash?.update(data);
      bytes += data.length;
      entry.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      // Reading goes on while the disk writes; wait for it now and then to keep memory bounded.
      unwritten += data.length;
      if (unwritten >= UNWRITTEN_LIMIT) {
        await this.pending;
        unwritten = 0;
      }
      if (this.failed) throw this.failed;
    }
    await this.pending;
    entry.push(new Uint8Array(0), true);
    return { path: name, bytes, sha256: onWorker ? await onWorker : hash!.digest("hex") };
  }

  /**
   * Opens a stored entry to stream a file into (a large .sav, written once instead of to a
   * temporary file and copied). Nothing else may be added until it is closed.
   */
  openStream(name: string): StreamedEntry {
    if (this.streaming) throw new Error(`${this.streaming} is still open`);
    this.streaming = name;
    const entry = new PatchableEntry(name);
    entry.mtime = this.mtime;
    // fflate writes the local header (30 bytes and the name, no extra field) before the data.
    const headerAt = this.bytes;
    const dataAt = headerAt + 30 + Buffer.byteLength(name);
    this.zip.add(entry);
    let size = 0;
    let unwritten = 0;
    return {
      write: async (chunk) => {
        if (this.failed) throw this.failed;
        if (chunk.length === 0) return;
        entry.push(chunk);
        size += chunk.length;
        unwritten += chunk.length;
        if (unwritten >= UNWRITTEN_LIMIT) {
          await this.pending;
          unwritten = 0;
        }
      },
      patch: async (position, bytes) => {
        if (position < 0 || position + bytes.length > size) throw new Error(`patch of ${name} out of range`);
        await this.pending;
        await this.fd.write(bytes, 0, bytes.length, dataAt + position);
      },
      close: async () => {
        await this.pending;
        if (this.failed) throw this.failed;
        const signature = Buffer.alloc(4);
        await this.fd.read(signature, 0, 4, headerAt);
        if (signature.readUInt32LE(0) !== 0x04034b50) throw new Error(`the zip header of ${name} is not where it was expected`);
        const sums = size > 0 ? await checksumsOnWorker({ file: this.file, start: dataAt, end: dataAt + size - 1, crc: true }) : { sha256: crypto.createHash("sha256").digest("hex"), crc32: 0 };
        entry.crc = sums.crc32;
        entry.push(new Uint8Array(0), true);
        await this.pending;
        this.streaming = null;
        return { path: name, bytes: size, sha256: sums.sha256 };
      },
    };
  }

  /** Adds text (UTF-8) as `name`. */
  async addText(name: string, text: string): Promise<PackedFile> {
    const data = Buffer.from(text, "utf8");
    const entry = this.entry(name);
    entry.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), true);
    await this.pending;
    return { path: name, bytes: data.length, sha256: crypto.createHash("sha256").update(data).digest("hex") };
  }

  /** Finishes the zip; returns its size. */
  async close(): Promise<{ bytes: number }> {
    this.zip.end();
    await this.finished;
    await this.pending;
    await this.fd.close();
    if (this.failed) throw this.failed;
    return { bytes: this.bytes };
  }

  /** Gives up: closes and deletes the half-written file. */
  async abort(): Promise<void> {
    try {
      await this.pending;
      await this.fd.close();
    } catch {
      /* already closed */
    }
    await rm(this.file, { force: true });
  }
}

/** A safe file name part: ASCII letters, digits and dashes. */
export function fileStem(...parts: string[]): string {
  return parts
    .map((p) =>
      p
        .replace(/[æÆ]/g, "ae")
        .replace(/[øØ]/g, "o")
        .normalize("NFKD") // å -> a + ring
        .replace(/\p{M}/gu, "")
        .replace(/[^\w-]+/g, "-")
        .replace(/_/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "")
        .toLowerCase(),
    )
    .filter(Boolean)
    .join("-");
}

export function packageDir(dataDir: string): string {
  return path.join(dataDir, "exports");
}
