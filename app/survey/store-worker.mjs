// The employer survey's writer thread. It has its own SQLite connection (same file, WAL,
// synchronous=FULL) so the fsync of every commit happens off the server's event loop, and it
// commits whatever answers arrived while the previous commit was on disk in one transaction
// (group commit). See app/survey/store.server.ts for the other side.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { WRITE_WAIT_MS } from "../../db/write-lock.mjs";
import { createSurveyStore } from "./store-core.mjs";

const { databasePath, spentKey, truncateDelayMs } = workerData;

const db = new Database(databasePath);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
db.pragma("foreign_keys = ON");
// Deleted rows (the spent set of a finalised wave) are overwritten with zeros, not left in free pages.
db.pragma("secure_delete = ON");

const store = createSurveyStore(db, { spentKey: Buffer.from(spentKey) });

/** @type {{ id: number, item: import("./store-core.mjs").AnswerItem }[]} */
let queue = [];
let flushScheduled = false;
let truncateTimer = null;

function scheduleTruncate(delay = truncateDelayMs) {
  if (truncateTimer || delay < 0) return;
  truncateTimer = setTimeout(() => {
    truncateTimer = null;
    let done = false;
    try {
      done = store.truncateWal();
    } catch {
      done = false;
    }
    if (!done) scheduleTruncate(Math.max(delay, 1000));
  }, delay);
}

/** An error for the other thread: its message and SQLite's code (a refused write reads as «ikke lagret»). */
function failure(error) {
  return { error: error instanceof Error ? error.message : String(error), code: typeof error?.code === "string" ? error.code : undefined };
}

function flush() {
  flushScheduled = false;
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  try {
    const results = store.commit(batch.map((entry) => entry.item));
    batch.forEach((entry, i) => parentPort.postMessage({ id: entry.id, result: results[i] }));
    scheduleTruncate();
  } catch (error) {
    for (const entry of batch) parentPort.postMessage({ id: entry.id, ...failure(error) });
  }
}

const osloDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Waves whose close date has passed get finalised even if nobody opens them: at start, then hourly. */
function finaliseDue() {
  try {
    if (store.finaliseDue(osloDate.format(new Date())).length > 0) scheduleTruncate(0);
  } catch {
    // Busy or closing; the next round tries again.
  }
}
finaliseDue();
setInterval(finaliseDue, 60 * 60_000).unref();

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
        if (truncateTimer) clearTimeout(truncateTimer);
        truncateTimer = null;
        const truncated = store.truncateWal();
        if (!truncated) scheduleTruncate(1000);
        parentPort.postMessage({ id: message.id, result: { ...result, truncated } });
      } catch (error) {
        parentPort.postMessage({ id: message.id, ...failure(error) });
      }
      break;
    case "truncate":
      flush();
      try {
        parentPort.postMessage({ id: message.id, result: store.truncateWal() });
      } catch (error) {
        parentPort.postMessage({ id: message.id, ...failure(error) });
      }
      break;
    case "close":
      flush();
      if (truncateTimer) clearTimeout(truncateTimer);
      db.close();
      parentPort.postMessage({ id: message.id, result: true });
      parentPort.close();
      break;
  }
});
