// The data are the owner's only: files 0600, folders 0700. New files get it from the process
// umask, set first thing by the server and the command line, so the database, SQLite's WAL and
// SHM files (SQLite gives them the database's mode), secrets.json, backups and export packages
// all start private. What an earlier version or a copy left readable is corrected at start.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config";
import { packageDir } from "~/exports/package.server";
import { serverLockPath } from "./server-lock.server";

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Every file and folder this process creates from now on is private to its owner. */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}

function restrict(target: string, mode: number, fixed: string[]) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return; // not there (yet)
  }
  if ((stat.mode & 0o777) === mode) return;
  fs.chmodSync(target, mode);
  fixed.push(target);
}

function restrictTree(dir: string, fixed: string[]) {
  restrict(dir, PRIVATE_DIR, fixed);
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(full, fixed);
    else if (entry.isFile()) restrict(full, PRIVATE_FILE, fixed);
  }
}

const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

/**
 * Makes the data the app keeps private: the database with its -wal/-shm/-journal, secrets.json,
 * the export packages, and the folders that hold nothing else. Only these by name: the database
 * may sit in a folder shared with other things, which is left as it is. Returns what changed.
 */
export function fixDataModes(config: Pick<Config, "databasePath" | "dataDir">): string[] {
  const fixed: string[] = [];
  const db = path.resolve(config.databasePath);
  const exportsDir = packageDir(config.dataDir);
  const ours = new Set([...SQLITE_SUFFIXES.map((s) => db + s), serverLockPath(db), path.join(config.dataDir, "secrets.json"), exportsDir]);
  for (const file of ours) if (file !== exportsDir) restrict(file, PRIVATE_FILE, fixed);
  restrictTree(exportsDir, fixed);
  for (const dir of new Set([path.dirname(db), path.resolve(config.dataDir)])) {
    const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    if (entries.every((name) => ours.has(path.join(dir, name)))) restrict(dir, PRIVATE_DIR, fixed);
  }
  return fixed;
}
