// Opening the SQLite file: WAL so readers never wait for the writer, synchronous=FULL so an
// acknowledged write survives a power cut, a busy timeout so a writer waits for another (the
// survey writer thread, the command line) instead of failing. Every write transaction goes
// through `writeTransaction` (docs/decisions/write-transactions.md).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteTransaction } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";
import { WRITE_WAIT_MS, retryWhileBusy } from "./write-lock.mjs";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Sqlite = Database.Database;

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function openDatabase(file: string): { db: Db; sqlite: Sqlite } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  // When the WAL starts over after a checkpoint, its first commit cuts the file to what it wrote:
  // old frames (employer answers in commit order) are not left readable behind the new ones.
  sqlite.pragma("journal_size_limit = 0");
  sqlite.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  return { db, sqlite };
}

/** Applies the drizzle-kit migrations in db/migrations that have not run yet. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

/** A transaction handle; functions that may run inside a transaction take `DbOrTx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs `fn` as one write transaction: BEGIN IMMEDIATE (the write lock first, so a stale read
 * snapshot can never make it fail), tried again while the database is busy for at most
 * WRITE_WAIT_MS, then the error is thrown (and the person sees «ikke lagret»). Given a
 * transaction, `fn` runs as a savepoint inside it. `fn` may run more than once: keep it free of
 * effects outside the database.
 */
export function writeTransaction<T>(db: DbOrTx, fn: (tx: Tx) => T): T {
  if (db instanceof SQLiteTransaction) return (db as Tx).transaction(fn);
  const top = db as Db;
  return retryWhileBusy(top.$client, () => top.transaction(fn, { behavior: "immediate" }));
}
