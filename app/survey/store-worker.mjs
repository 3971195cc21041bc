// The employer survey's writer thread. It has its own SQLite connection (same file, WAL,
// synchronous=FULL) so the fsync of every commit happens off the server's event loop, and it
// commits whatever answers arrived while the previous commit was on disk in one transaction
// (group commit). See app/survey/store.server.ts for the other side.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { WRITE_WAIT_MS, errorCode } from "../../db/write-lock.mjs";
import { createSurveyStore } from "./store-core.mjs";

const { databasePath, spentKey, truncateDelayMs } = workerData;

const db = new Database(databasePath);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
// A WAL that starts over is cut to its first commit, never left holding older answers (db/connection.server.ts).
db.pragma("journal_size_limit = 0");
db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
db.pragma("foreign_keys = ON");
// Deleted rows (the spent set of a finalised wave) are overwritten with zeros, not left in free pages.
db.pragma("secure_delete = ON");

const store = createSurveyStore(db, { spentKey: Buffer.from(spentKey) });

/** @type {{ id: number, item: import("./store-core.mjs").AnswerItem }[]} */
let queue = [];
let flushScheduled = false;

// WAL truncation. The WAL holds page images in commit order, so while answers keep coming it is
// truncated on a fixed cadence (every truncateDelayMs, SURVEY_WAL_TRUNCATE_MS), not once they
// pause: an answer stays in it at most about one cadence. A truncation held up by readers or
// the server's own writes is tried again every RETRY_MS until it succeeds.
const RETRY_MS = 200;
let answersInWal = false;
/** @type {ReturnType<typeof setInterval> | null} */
let cadence = null;
/** @type {ReturnType<typeof setTimeout> | null} */
let retry = null;

/** Truncates the WAL now; if held up, again every RETRY_MS. True when it was truncated. */
function truncateNow() {
  if (retry) clearTimeout(retry);
  retry = null;
  let done = false;
  try {
    done = store.truncateWal();
  } catch {
    done = false;
  }
  if (done) answersInWal = false;
  else retry = setTimeout(truncateNow, RETRY_MS);
  return done;
}

/** Answers were committed: make sure the cadence runs (it stops after a round without answers). */
function answered() {
  answersInWal = true;
  if (cadence || truncateDelayMs < 0) return;
  cadence = setInterval(() => {
    if (retry) return;
    if (!answersInWal) {
      clearInterval(cadence);
      cadence = null;
      return;
    }
    truncateNow();
  }, Math.max(truncateDelayMs, 1));
}

function stopTruncating() {
  if (cadence) clearInterval(cadence);
  if (retry) clearTimeout(retry);
  cadence = retry = null;
}

/** An error for the other thread: its message and SQLite's code (a refused write reads as «ikke lagret»). */
function failure(error) {
  return { error: error instanceof Error ? error.message : String(error), code: errorCode(error) ?? undefined };
}

function flush() {
  flushScheduled = false;
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  try {
    const results = store.commit(batch.map((entry) => entry.item));
    batch.forEach((entry, i) => parentPort.postMessage({ id: entry.id, result: results[i] }));
    answered();
  } catch (error) {
    for (const entry of batch) parentPort.postMessage({ id: entry.id, ...failure(error) });
  }
}

const osloDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Finalises every wave that has closed (by date, or by a researcher whose close was cut short by a
 * crash) and is not finalised yet, then truncates the WAL. The server asks at start, before it
 * serves; the writer repeats it hourly for waves whose close date passes while it runs.
 */
function finaliseDue() {
  const finalised = store.finaliseDue(osloDate.format(new Date()));
  if (finalised.length > 0) truncateNow();
  return finalised;
}
setInterval(() => {
  try {
    finaliseDue();
  } catch {
    // Busy or closing; the next round tries again.
  }
}, 60 * 60_000).unref();

parentPort.on("message", (message) => {
  switch (message.type) {
    case "submit":
      queue.push({ id: message.id, item: message.item });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
      break;
    case "finalise":
      flush();
      try {
        const result = store.finalise(message.waveId);
        parentPort.postMessage({ id: message.id, result: { ...result, truncated: truncateNow() } });
      } catch (error) {
        parentPort.postMessage({ id: message.id, ...failure(error) });
      }
      break;
    case "finalise-due":
      flush();
      try {
        parentPort.postMessage({ id: message.id, result: finaliseDue() });
      } catch (error) {
        parentPort.postMessage({ id: message.id, ...failure(error) });
      }
      break;
    case "truncate":
      flush();
      try {
        parentPort.postMessage({ id: message.id, result: truncateNow() });
      } catch (error) {
        parentPort.postMessage({ id: message.id, ...failure(error) });
      }
      break;
    case "close":
      flush();
      stopTruncating();
      db.close();
      parentPort.postMessage({ id: message.id, result: true });
      parentPort.close();
      break;
  }
});
