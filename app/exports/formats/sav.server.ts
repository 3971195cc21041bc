// Format "sav": the native SPSS system file from our streaming writer (spss/sav-writer.server.ts),
// UTF-8, bytecode-compressed, streamed straight into the package.
// The manifest summary goes into the document record; since that record comes before the data
// and the counts are known only after it, the writer gets a block of reserved document lines
// that is filled in place once the rows are written.
import crypto from "node:crypto";
import { DOCUMENT_LINE_BYTES, nfc, utf8Length, utf8Wrap } from "../dictionary";
import type { StreamedEntry } from "../package.server";
import { encodeSav, type SavResult } from "../spss/sav-writer.server";
import type { ExportFormat, FormatInput, FormatResult } from "./format";

/** Document lines reserved when the caller does not say; a longer summary is cut with a pointer to manifest.txt. */
export const SAV_DOCUMENT_LINES = 96;
/** PSPP shows documents in a 76-column box; wrapping there keeps words whole in both SPSS and PSPP. */
const WRAP_BYTES = 76;
/** The dictionary part of a .sav is small; the marker is searched for in this many bytes at most. */
const SEARCH_BYTES = 8 * 1024 * 1024;

/** `text` in lines of at most `maxBytes` UTF-8 bytes, broken between words where possible. */
export function wrapWords(text: string, maxBytes: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of nfc(text).split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (utf8Length(candidate) <= maxBytes) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    if (utf8Length(word) > maxBytes) {
      const parts = utf8Wrap(word, maxBytes);
      out.push(...parts.slice(0, -1));
      line = parts[parts.length - 1];
    } else line = word;
  }
  out.push(line);
  return out;
}

/** The summary as document lines (at most 80 bytes each, the record 6 line length). */
export function summaryLines(summary: readonly string[]): string[] {
  return summary.flatMap((l) => l.split("\n")).flatMap((l) => wrapWords(l, Math.min(WRAP_BYTES, DOCUMENT_LINE_BYTES)));
}

/** Exactly `count` document lines: the summary, cut with `more` if too long, padded with blank lines. */
export function documentLines(summary: readonly string[], count: number, more: string): string[] {
  const lines = summaryLines(summary);
  if (lines.length > count) return [...lines.slice(0, count - 1), wrapWords(more, WRAP_BYTES)[0]];
  return [...lines, ...Array<string>(count - lines.length).fill("")];
}

function documentBlock(lines: readonly string[]): Buffer {
  const block = Buffer.alloc(lines.length * DOCUMENT_LINE_BYTES, 0x20);
  lines.forEach((line, i) => block.write(line, i * DOCUMENT_LINE_BYTES, DOCUMENT_LINE_BYTES, "utf8"));
  return block;
}

/** Streams the .sav into the package; returns where the marker (the reserved documents) landed. */
async function streamInto(entry: StreamedEntry, chunks: AsyncGenerator<Uint8Array, SavResult>, marker: string): Promise<{ result: SavResult; markerAt: number }> {
  const needle = Buffer.from(marker, "latin1");
  let markerAt = -1;
  let offset = 0;
  for (;;) {
    const step = await chunks.next();
    if (step.done) {
      if (markerAt < 0) throw new Error("reserved document lines not found in the .sav");
      return { result: step.value, markerAt };
    }
    // The dictionary, documents included, comes as the first chunk.
    if (markerAt < 0 && offset < SEARCH_BYTES) {
      const at = Buffer.from(step.value.buffer, step.value.byteOffset, step.value.byteLength).indexOf(needle);
      if (at >= 0) markerAt = offset + at;
    }
    offset += step.value.length;
    await entry.write(step.value);
  }
}

export const savFormat: ExportFormat = {
  id: "sav",
  label: { nb: "SPSS-datafil (.sav)", en: "SPSS data file (.sav)" },
  description: {
    nb: "Åpnes direkte i SPSS og PSPP, med variabel- og verdietiketter, manglende verdier og målenivå.",
    en: "Opens directly in SPSS and PSPP, with variable and value labels, missing values and measurement levels.",
  },
  async write(input: FormatInput): Promise<FormatResult> {
    const file = `${input.baseName}.sav`;
    const marker = `MEDFORSKER-DOCUMENTS-${crypto.randomBytes(8).toString("hex")}`;
    const count = Math.max(2, input.documentLines ?? SAV_DOCUMENT_LINES);
    const reserved = [marker, ...Array<string>(count - 1).fill("")];
    const dict = { ...input.dict, documents: [reserved.join("\n")] };
    const options = { stringWidths: { ...input.widths }, caseCount: input.rowCount, compression: "bytecode" as const };
    const more = input.dict.locale === "nb" ? "… (resten står i manifest.txt)" : "… (the rest is in manifest.txt)";
    const description = { nb: "SPSS-datafil", en: "SPSS data file" };
    // Straight into the package: the rows are written once, and the documents in place.
    const entry = input.pack.openStream(file);
    const { result, markerAt } = await streamInto(entry, encodeSav(dict, input.rows(), options), marker);
    return {
      files: [{ path: file, description, streamed: entry }],
      truncatedValues: result.truncatedValues,
      neutralisedCells: 0,
      finish: (summary) => entry.patch(markerAt, documentBlock(documentLines(summary, count, more))),
    };
  },
};
