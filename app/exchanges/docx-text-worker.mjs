// Reads the raw text of one .docx (mammoth) on a thread of its own, so a large or hostile file
// never stalls the server's event loop. The caller has already checked the sizes the zip
// directory declares; here the entries are inflated by fflate with the bytes they really expand
// to counted against the same limit (a directory can lie), and mammoth gets an honest,
// uncompressed copy of them. Pictures (word/media) carry no text and are not inflated.
// See transcript-import.server.ts.
import { parentPort, workerData } from "node:worker_threads";
import { Unzip, UnzipInflate, zipSync } from "fflate";
import mammoth from "mammoth";

const { bytes, maxExpandedBytes } = workerData;
const STEP = 4096;

function inflate() {
  const parts = {};
  let expanded = 0;
  const unzip = new Unzip((file) => {
    if (file.name.startsWith("word/media/")) return;
    const chunks = [];
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      expanded += chunk.length;
      if (expanded > maxExpandedBytes) throw new Error("expandsTooMuch");
      chunks.push(chunk);
      if (final) parts[file.name] = Buffer.concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Fed a little at a time: deflate expands at most about 1,000-fold, so no step inflates more
  // than a few megabytes past the limit before the count stops it.
  for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  return parts;
}

try {
  const honest = zipSync(inflate(), { level: 0 });
  const result = await mammoth.extractRawText({ buffer: Buffer.from(honest.buffer, honest.byteOffset, honest.byteLength) });
  parentPort.postMessage({ text: result.value });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
