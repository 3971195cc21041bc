// Getting the text out of an uploaded transcript: .txt (UTF-8, or Windows-1252 from older
// Word/Notepad files) or .docx (raw text through mammoth). Anything else is refused by name
// and by content, never guessed.
//
// A .docx is a zip, and a small one can expand to gigabytes (a zip bomb). Its directory is read
// first: if the entries would expand to more than MAX_DOCX_EXPANDED_BYTES, it is refused before
// anything is inflated. The text is then read on a worker thread (docx-text-worker.mjs), one file
// at a time, with a time and heap limit, where the bytes really inflated are held to the same
// limit (a directory can understate them), so the server keeps answering meanwhile.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { unzipSync } from "fflate";
import type { TranscriptSource } from "../../db/schema";
import { MAX_DOCX_EXPANDED_BYTES } from "./transcript-limits";
import { normaliseText } from "./transcript-text";

export { MAX_DOCX_EXPANDED_BYTES, MAX_UPLOAD_BYTES } from "./transcript-limits";
/** Longest transcript kept, in characters. */
export const MAX_TRANSCRIPT_CHARS = 1_000_000;
/** A .docx whose text takes longer than this to read is given up. */
const DOCX_TIMEOUT_MS = 30_000;
const DOCX_WORKER = path.resolve("app/exchanges/docx-text-worker.mjs");

export type ImportError = "type" | "empty" | "unreadable" | "tooLong" | "expandsTooMuch";
export type ImportResult =
  | { readonly ok: true; readonly text: string; readonly source: TranscriptSource; readonly fileName: string | null }
  | { readonly ok: false; readonly error: ImportError };

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function finish(raw: string, source: TranscriptSource, fileName: string | null): ImportResult {
  const text = normaliseText(raw);
  if (!text) return { ok: false, error: "empty" };
  if (text.length > MAX_TRANSCRIPT_CHARS) return { ok: false, error: "tooLong" };
  return { ok: true, text, source, fileName };
}

/**
 * The sum of the uncompressed sizes the zip's central directory declares, read without inflating
 * anything; null when the bytes are not a readable zip.
 */
export function declaredZipSize(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}

/** The raw text of a .docx, read on a worker thread. Throws (message: the reason) when it cannot be read. */
function docxTextOnWorker(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(DOCX_WORKER, {
      workerData: { bytes, maxExpandedBytes: MAX_DOCX_EXPANDED_BYTES },
      // The server runs under tsx; the worker is plain JavaScript and needs no loader.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const timer = setTimeout(() => void worker.terminate(), DOCX_TIMEOUT_MS);
    worker.once("message", (message: { text?: string; error?: string }) => {
      if (typeof message.text === "string") resolve(message.text);
      else reject(new Error(message.error ?? "unreadable"));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`docx reader stopped (${code})`));
    });
  });
}

/** One .docx at a time: each may use a few hundred megabytes while it is read. */
let docxQueue: Promise<unknown> = Promise.resolve();
function readDocx(bytes: Uint8Array): Promise<string> {
  const turn = docxQueue.then(() => docxTextOnWorker(bytes));
  docxQueue = turn.catch(() => undefined);
  return turn;
}

/** The text of an uploaded file. */
export async function textFromFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const name = fileName.toLowerCase();
  if (name.endsWith(".txt")) return finish(decodeText(bytes), "txt", fileName);
  if (name.endsWith(".docx")) {
    // A .docx is a zip file: "PK\x03\x04".
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, error: "unreadable" };
    const expanded = declaredZipSize(bytes);
    if (expanded === null) return { ok: false, error: "unreadable" };
    if (expanded > MAX_DOCX_EXPANDED_BYTES) return { ok: false, error: "expandsTooMuch" };
    try {
      return finish(await readDocx(bytes), "docx", fileName);
    } catch (error) {
      return { ok: false, error: error instanceof Error && error.message === "expandsTooMuch" ? "expandsTooMuch" : "unreadable" };
    }
  }
  return { ok: false, error: "type" };
}

export function textFromPaste(text: string): ImportResult {
  return finish(text, "paste", null);
}
