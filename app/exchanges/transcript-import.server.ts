// Getting the text out of an uploaded transcript: .txt (UTF-8, or Windows-1252 from older
// Word/Notepad files) or .docx (raw text through mammoth). Anything else is refused by name
// and by content, never guessed.
import mammoth from "mammoth";
import type { TranscriptSource } from "../../db/schema";
import { normaliseText } from "./transcript-text";

/** Largest upload accepted (a two-hour transcript as .docx is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest transcript kept, in characters. */
export const MAX_TRANSCRIPT_CHARS = 1_000_000;

export type ImportError = "type" | "empty" | "unreadable" | "tooLong";
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

/** The text of an uploaded file. */
export async function textFromFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const name = fileName.toLowerCase();
  if (name.endsWith(".txt")) return finish(decodeText(bytes), "txt", fileName);
  if (name.endsWith(".docx")) {
    // A .docx is a zip file: "PK\x03\x04".
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, error: "unreadable" };
    try {
      const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return finish(result.value, "docx", fileName);
    } catch {
      return { ok: false, error: "unreadable" };
    }
  }
  return { ok: false, error: "type" };
}

export function textFromPaste(text: string): ImportResult {
  return finish(text, "paste", null);
}
