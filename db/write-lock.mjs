// Taking SQLite's write lock, for every connection of the app (the server's, the survey writer
// thread's, the command line's). Plain JavaScript so the writer thread loads it without a build
// step. See docs/decisions/write-transactions.md.
//
// A write transaction starts IMMEDIATE: it takes the write lock before it reads anything. A
// DEFERRED one reads first and then asks for the lock; if another connection committed in
// between, its snapshot is stale and SQLite answers SQLITE_BUSY_SNAPSHOT at once, without
// waiting (busy_timeout never applies). BEGIN IMMEDIATE waits up to busy_timeout instead, and a
// SQLITE_BUSY that comes anyway is tried again until WRITE_WAIT_MS have passed.

/** How long a write may wait for the write lock before it is reported as not saved (ms). */
export const WRITE_WAIT_MS = waitFromEnv(process.env.WRITE_WAIT_MS, 5_000);

function waitFromEnv(value, fallback) {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The error code of an error or of what caused it: drizzle wraps SQLite's errors in a
 * DrizzleQueryError whose `cause` is the SqliteError.
 * @param {unknown} error
 * @returns {string | null}
 */
export function errorCode(error) {
  for (let e = error, depth = 0; e && depth < 5; e = /** @type {{ cause?: unknown }} */ (e).cause, depth++) {
    const code = /** @type {{ code?: unknown }} */ (e).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** @param {unknown} error */
function isBusy(error) {
  const code = errorCode(error);
  return code !== null && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * Runs `attempt` (which begins and commits its own transaction) and runs it again while it
 * fails with SQLITE_BUSY, until `waitMs` have passed; then the last error is thrown. Each try
 * waits in SQLite's busy handler for at most the time that is left. Inside an open transaction
 * nothing is retried: the outer transaction holds the lock already, or must itself be retried.
 * @template T
 * @param {import("better-sqlite3").Database} sqlite
 * @param {() => T} attempt
 * @param {number} [waitMs]
 * @returns {T}
 */
export function retryWhileBusy(sqlite, attempt, waitMs = WRITE_WAIT_MS) {
  if (sqlite.inTransaction) return attempt();
  const deadline = Date.now() + waitMs;
  /** @type {number | null} the connection's own busy_timeout, while a retry shortens it */
  let ownTimeout = null;
  try {
    for (let tries = 0; ; tries++) {
      try {
        return attempt();
      } catch (error) {
        const left = deadline - Date.now();
        if (!isBusy(error) || left <= 0) throw error;
        // A busy answer that did not wait (a lock being recovered, say): a short pause, then
        // the next try waits in the busy handler for what is left of the bound.
        Atomics.wait(pause, 0, 0, Math.min(left, 2 ** Math.min(tries, 5)));
        ownTimeout ??= Number(sqlite.pragma("busy_timeout", { simple: true }));
        sqlite.pragma(`busy_timeout = ${Math.max(1, deadline - Date.now())}`);
      }
    }
  } finally {
    if (ownTimeout !== null) sqlite.pragma(`busy_timeout = ${ownTimeout}`);
  }
}

/**
 * better-sqlite3: `fn` as a write transaction. Called outside a transaction it runs as BEGIN
 * IMMEDIATE with retries (retryWhileBusy); inside one, as a savepoint of it.
 * @template {unknown[]} A
 * @template T
 * @param {import("better-sqlite3").Database} sqlite
 * @param {(...args: A) => T} fn
 * @returns {(...args: A) => T}
 */
export function immediateTransaction(sqlite, fn) {
  const transaction = sqlite.transaction(fn);
  return (...args) => (sqlite.inTransaction ? transaction(...args) : retryWhileBusy(sqlite, () => transaction.immediate(...args)));
}

/** @typedef {"busy" | "full" | "readonly" | "io"} WriteRefusal */

/**
 * Why a write could not be done, or null when the error is something else (a bug, a
 * constraint). SQLite's result codes, and the file system's for files the app writes.
 * @param {unknown} error
 * @returns {WriteRefusal | null}
 */
export function writeRefusal(error) {
  const code = errorCode(error);
  if (code === null) return null;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS") return "readonly";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_PROTOCOL") return "io";
  return null;
}
