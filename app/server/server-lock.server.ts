// One server per database file (docs/decisions/one-server-per-database.md). The server keeps
// state that another process cannot see: fresh employer links for an hour, the rate limits, the
// survey writer thread and its WAL truncation. A second server on the same file would lose links
// and halve the limits, so it refuses to start and says why. The command line takes no lock.
//
// The lock is SQLite's own (POSIX advisory locks, as on the database itself) on a small file
// beside the database, held in exclusive locking mode for the life of the process: the operating
// system drops it when the process ends, even by kill -9, so there is never a stale lock to clear.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export class DatabaseInUse extends Error {}

/** Kept for the life of the process: closing it would release the lock. */
let held: Database.Database | null = null;

export function serverLockPath(databasePath: string): string {
  return `${databasePath}.server-lock`;
}

/** Takes the server lock of this database, or throws DatabaseInUse naming the other server. */
export function claimDatabase(databasePath: string): void {
  if (held) return;
  const lockPath = serverLockPath(databasePath);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(lockPath, "a", 0o600));
  const lock = new Database(lockPath);
  try {
    lock.pragma("busy_timeout = 0");
    lock.pragma("journal_mode = MEMORY");
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive lock; in exclusive locking mode it is never given back.
    lock.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new DatabaseInUse(
        `Another Medforsker server is already running on ${databasePath} (it holds ${lockPath}).\n` +
          "Only one server may use a database file. Stop the other server first, or give this one its own DATABASE_PATH.\n" +
          "The command line (npm run cli -- backup, export, demo) works beside a running server.",
      );
    }
    throw error;
  }
  held = lock;
}
