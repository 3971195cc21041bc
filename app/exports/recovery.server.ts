// Recovery after a crash: an export killed mid-way leaves its work directory (scrubbed data files
// and the unfinished zip) under <dataDir>/exports/.work, and, if it died between naming its zip
// and recording it, a package no record points to. Both are removed here, at start and whenever
// an interrupted job is found; a job that is still running keeps its files.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { isNotNull } from "drizzle-orm";
import type { Db } from "../../db/connection.server";
import { exportPackages } from "../../db/schema";
import { runningJobIds } from "./jobs.server";
import { packageDir } from "./package.server";

/** <stamp>-<uuid>.zip, as the pipeline names the packages it keeps. */
const PACKAGE_NAME = /^\d{8}-\d{4}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.zip$/;
/** A package younger than this may be one a live export has just named and is about to record. */
const UNRECORDED_GRACE_MS = 60_000;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Removes what crashed exports left behind; returns the paths removed. */
export async function sweepExportLeftovers(db: Db, dataDir: string, now = Date.now()): Promise<string[]> {
  const dir = packageDir(dataDir);
  const removed: string[] = [];
  const running = runningJobIds(db);
  for (const entry of await entries(path.join(dir, ".work"))) {
    const job = /^job-(\d+)$/.exec(entry.name);
    if (job && running.has(Number(job[1]))) continue;
    const file = path.join(dir, ".work", entry.name);
    await rm(file, { recursive: true, force: true });
    removed.push(file);
  }
  const stored = new Set(db.select({ storedAs: exportPackages.storedAs }).from(exportPackages).where(isNotNull(exportPackages.storedAs)).all().map((p) => p.storedAs));
  for (const entry of await entries(dir)) {
    if (!entry.isFile() || !PACKAGE_NAME.test(entry.name) || stored.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const { mtimeMs } = await stat(file);
    if (now - mtimeMs < UNRECORDED_GRACE_MS) continue;
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
