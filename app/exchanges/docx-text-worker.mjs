// Reads the raw text of one .docx (mammoth) on a thread of its own, so a large or hostile file
// never stalls the server's event loop. The caller has already checked the sizes the zip
// directory declares; here the entries are inflated by fflate with the bytes they really expand
// to counted against the same limit (a directory can lie), and mammoth gets an honest,
// uncompressed copy of them. Pictures (word/media) carry no text and are not inflated.
// See transcript-import.server.ts.
import { parentPort, workerData } from "node:worker_threads";
import { honestZip } from "../server/honest-zip.mjs";
import mammoth from "mammoth";

const { bytes, maxExpandedBytes } = workerData;
try {
  const result = await mammoth.extractRawText({ buffer: honestZip(bytes, maxExpandedBytes, "word/media/") });
  parentPort.postMessage({ text: result.value });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
