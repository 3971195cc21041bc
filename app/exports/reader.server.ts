// A read-only connection of its own for one export. Rows are streamed with statement iterators
// across awaits, which would make the app's shared connection "busy" for every other request;
// a separate connection in one read transaction also gives the export a consistent snapshot
// (WAL: writers go on, the export sees the database as it was when it began).
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db, Sqlite } from "../../db/connection.server";
import * as schema from "../../db/schema";

export interface ExportReader {
  readonly db: Db;
  readonly sqlite: Sqlite;
  close(): void;
}

export function openReader(databasePath: string): ExportReader {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.exec("BEGIN");
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    close() {
      if (!sqlite.open) return;
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      sqlite.close();
    },
  };
}

/** True when the table exists (data sets of capabilities that may not be installed yet). */
export function hasTable(sqlite: Sqlite, table: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}
