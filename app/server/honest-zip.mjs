// A zip (a .docx or an .xlsx) inflated by fflate with the bytes its entries really expand to counted
// against a limit (a zip directory can lie about sizes), re-packed without compression for a reader
// that loads it whole. Used on worker threads: app/exchanges/docx-text-worker.mjs,
// app/imports/xlsx-worker.mjs. Throws Error("expandsTooMuch") past the limit.
import { Unzip, UnzipInflate, zipSync } from "fflate";

const STEP = 4096;

/** The zip's entries re-packed uncompressed, those under `skip` (pictures) left out. */
export function honestZip(bytes, maxExpandedBytes, skip) {
  const parts = {};
  let expanded = 0;
  const unzip = new Unzip((file) => {
    if (file.name.startsWith(skip)) return;
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
  const honest = zipSync(parts, { level: 0 });
  return Buffer.from(honest.buffer, honest.byteOffset, honest.byteLength);
}
