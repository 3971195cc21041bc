// The writes of the employer survey that must keep the anonymity promise (see
// docs/decisions/survey-anonymity.md). Plain JavaScript so the writer worker
// (store-worker.mjs) can load it without a build step; the server bundle imports the same file.
//
// Nothing here ever sees a token. An answer arrives as (wave, spent key, answers) and is
// written together with its spent-set row in one transaction; the links ledger is not touched.
import crypto from "node:crypto";
import { WRITE_WAIT_MS, immediateTransaction } from "../../db/write-lock.mjs";

/** 2^53: ids and spent keys are whole numbers below it, so JavaScript numbers hold them exactly. */
const ID_SPACE_BITS = 53n;

/** A random id in [1, 2^53): the rowid of an answer or a ledger row (no order in it). */
export function randomId() {
  const value = Number(crypto.randomBytes(8).readBigUInt64BE(0) >> (64n - ID_SPACE_BITS));
  return value === 0 ? 1 : value;
}

/**
 * The spent-set key of a link: HMAC-SHA-256 under the spent key of the ledger's token hash,
 * cut to 53 bits. Without the key the ledger cannot be joined to the spent set.
 * @param {Uint8Array} key
 * @param {string} tokenHash SHA-256 of the token, hex
 * @returns {number}
 */
export function spentKeyOf(key, tokenHash) {
  const mac = crypto.createHmac("sha256", key).update(tokenHash, "utf8").digest();
  return Number(mac.readBigUInt64BE(0) >> (64n - ID_SPACE_BITS));
}

/** Fisher–Yates with crypto randomness. @template T @param {T[]} list @returns {T[]} */
export function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * @typedef {object} AnswerItem
 * @property {number} waveId
 * @property {number} spentKey spentKeyOf(key, token hash), computed by the caller
 * @property {string} instrumentId
 * @property {number} instrumentVersion
 * @property {string} month YYYY-MM
 * @property {string} today YYYY-MM-DD, for the wave's open/close check
 * @property {number} round
 * @property {string} answers JSON
 */

/** @typedef {"ok" | "used" | "closed"} CommitResult */

function isConstraint(error) {
  return typeof error?.code === "string" && error.code.startsWith("SQLITE_CONSTRAINT");
}

/**
 * Prepared writes on one connection.
 * @param {import("better-sqlite3").Database} db
 * @param {{ spentKey: Uint8Array }} options
 */
export function createSurveyStore(db, { spentKey }) {
  const waveOpen = db.prepare(
    "SELECT 1 FROM survey_waves WHERE id = ? AND closed_at IS NULL AND finalised_at IS NULL AND open_date <= ? AND close_date >= ?",
  );
  const insertSpent = db.prepare("INSERT INTO survey_spent (key, wave_id) VALUES (?, ?)");
  const insertAnswer = db.prepare(
    "INSERT INTO survey_answers (id, wave_id, instrument_id, instrument_version, month, round, answers) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const unusedLinks = db.prepare("SELECT id, token_hash AS tokenHash FROM survey_links WHERE wave_id = ? AND used = 0");
  const spentOfWave = db.prepare("SELECT key FROM survey_spent WHERE wave_id = ?").pluck();
  const markUsed = db.prepare("UPDATE survey_links SET used = 1 WHERE id = ?");
  const deleteSpent = db.prepare("DELETE FROM survey_spent WHERE wave_id = ?");
  const markFinalised = db.prepare("UPDATE survey_waves SET finalised_at = unixepoch() WHERE id = ?");

  /** @param {AnswerItem} item */
  function insertOne(item) {
    insertSpent.run(item.spentKey, item.waveId);
    for (let attempt = 0; ; attempt++) {
      try {
        insertAnswer.run(randomId(), item.waveId, item.instrumentId, item.instrumentVersion, item.month, item.round, item.answers);
        return;
      } catch (error) {
        // A random id that is taken already (about 1 in 2^53 per answer): draw again.
        if (!isConstraint(error) || attempt >= 4) throw error;
      }
    }
  }
  const insertSavepoint = immediateTransaction(db, insertOne);

  /**
   * Writes a batch of answers in one transaction (one fsync for all: group commit). Each answer
   * is its own savepoint: a link answered twice fails alone, on the spent set's primary key.
   * The batch is shuffled first, so not even the order inside one commit is arrival order.
   * @param {AnswerItem[]} items
   * @returns {CommitResult[]}
   */
  const commit = immediateTransaction(db, (items) => {
    /** @type {CommitResult[]} */
    const results = new Array(items.length);
    for (const index of shuffle(items.map((_, i) => i))) {
      const item = items[index];
      if (!waveOpen.get(item.waveId, item.today, item.today)) {
        results[index] = "closed";
        continue;
      }
      try {
        insertSavepoint(item);
        results[index] = "ok";
      } catch (error) {
        if (!isConstraint(error)) throw error;
        results[index] = "used";
      }
    }
    return results;
  });

  /**
   * After a wave has closed: writes every used mark into the ledger in one transaction (in random
   * order), then deletes the wave's spent rows. From then on the key joins nothing for this wave.
   * @param {number} waveId
   * @returns {{ marked: number, spent: number }}
   */
  const finalise = immediateTransaction(db, (waveId) => {
    const spent = new Set(spentOfWave.all(waveId));
    const used = [];
    for (const link of unusedLinks.all(waveId)) {
      if (spent.has(spentKeyOf(spentKey, link.tokenHash))) used.push(link.id);
    }
    for (const id of shuffle(used)) markUsed.run(id);
    deleteSpent.run(waveId);
    markFinalised.run(waveId);
    return { marked: used.length, spent: spent.size };
  });

  const dueWaves = db
    .prepare("SELECT id FROM survey_waves WHERE finalised_at IS NULL AND (closed_at IS NOT NULL OR close_date < ?)")
    .pluck();

  /**
   * Finalises every wave that has closed (by date or by hand) and is not finalised yet.
   * @param {string} today YYYY-MM-DD (Europe/Oslo)
   * @returns {number[]} the waves finalised
   */
  function finaliseDue(today) {
    const ids = /** @type {number[]} */ (dueWaves.all(today));
    for (const id of ids) finalise(id);
    return ids;
  }

  /**
   * Copies the WAL into the database and truncates it to zero bytes. True when it completed.
   * Waits at most 100 ms for readers (a long export, say): answers must not queue behind it;
   * the caller tries again later.
   */
  function truncateWal() {
    const timeout = db.pragma("busy_timeout", { simple: true });
    db.pragma("busy_timeout = 100");
    try {
      const [row] = db.pragma("wal_checkpoint(TRUNCATE)");
      return !!row && row.busy === 0;
    } finally {
      db.pragma(`busy_timeout = ${Number(timeout) || WRITE_WAIT_MS}`);
    }
  }

  return {
    commit: (/** @type {AnswerItem[]} */ items) => commit(items),
    finalise: (/** @type {number} */ waveId) => finalise(waveId),
    finaliseDue,
    truncateWal,
  };
}
