// Online backup through SQLite's backup API: consistent while the server keeps writing.
import fs from "node:fs";
import path from "node:path";
import type { Sqlite } from "../../db/connection.server";

export async function backupDatabase(sqlite: Sqlite, out: string): Promise<number> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new Error(`${out} exists already; choose a new file name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const { totalPages } = await sqlite.backup(target);
  return totalPages;
}
