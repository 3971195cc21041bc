// Export jobs (export_jobs): an export is asked for, queued, run off the web request by a worker
// thread of the server (job-queue.server.ts) or by the `export` command, and its row says how far
// it got. A runner keeps the row's heartbeat fresh; a running job whose heartbeat stops was
// interrupted (its process was killed) and is marked failed, so the export centre says so.
import path from "node:path";
import { and, desc, eq, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../db/connection.server";
import { exportJobs, exportPackages, projects, type ExportJobError } from "../../db/schema";
import type { MessageKey, TFunction } from "~/i18n/catalog";
import type { DatasetId, FormatId } from "./datasets";
import type { ExportActor, ExportRequest } from "./open-export.server";
import { packageDir } from "./package.server";

export type JobState = "queued" | "running" | "done" | "refused" | "failed";
export type ExportJob = typeof exportJobs.$inferSelect & { state: JobState; request: ExportRequest };
export type { ExportJobError };

/** A runner writes its heartbeat at least this often (seconds)… */
export const HEARTBEAT_SECONDS = 2;
/** …so a running job whose heartbeat is older than this has lost its runner. */
export const STALE_SECONDS = 10;
/** The error of a job whose runner stopped while it ran. */
export const INTERRUPTED: ExportJobError = { key: "exports.job.interrupted", field: null, detail: null };

/** Where a job's files are while it runs; whatever is left there after a crash is swept at start. */
export function jobWorkDir(dataDir: string, jobId: number): string {
  return path.join(packageDir(dataDir), ".work", `job-${jobId}`);
}

/** The message of a job that ended without a package, in the reader's language. */
export function jobErrorMessage(t: TFunction, error: ExportJobError): string {
  if (error.key === "exports.error.versions") return t("exports.error.versions", { problem: error.detail ?? "" });
  return t(error.key as MessageKey);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Queues an export (or, with `runner`, starts it at once). A second call with the same request key
 * returns the first job, unless that one ended without a package (refused or failed): then the
 * form was sent again, perhaps changed, and the job starts over with what was sent now.
 */
export function createJob(db: Db, input: { requestKey: string; request: ExportRequest; actor: ExportActor; out?: string; runner?: string }): ExportJob {
  const now = nowSeconds();
  const values = {
    projectId: input.request.projectId,
    actorId: input.actor.id,
    actorName: input.actor.name,
    via: input.actor.via,
    dataset: input.request.dataset,
    format: input.request.format,
    request: input.request as unknown as Record<string, unknown>,
    out: input.out ?? null,
    state: input.runner ? "running" : "queued",
    phase: null,
    doneRows: 0,
    totalRows: null,
    error: null,
    runner: input.runner ?? null,
    createdAt: now,
    startedAt: input.runner ? now : null,
    finishedAt: null,
    heartbeatAt: input.runner ? now : null,
  };
  db.insert(exportJobs)
    .values({ requestKey: input.requestKey, ...values })
    .onConflictDoUpdate({ target: exportJobs.requestKey, set: values, setWhere: inArray(exportJobs.state, ["refused", "failed"]) })
    .run();
  return jobByKey(db, input.requestKey)!;
}

export function getJob(db: Db, id: number): ExportJob | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.select().from(exportJobs).where(eq(exportJobs.id, id)).get() as ExportJob | undefined;
}

export function jobByKey(db: Db, requestKey: string): ExportJob | undefined {
  return db.select().from(exportJobs).where(eq(exportJobs.requestKey, requestKey)).get() as ExportJob | undefined;
}

/** Takes the oldest queued job for `runner`; undefined when none is waiting. */
export function claimNextJob(db: Db, runner: string): ExportJob | undefined {
  for (;;) {
    const next = db.select({ id: exportJobs.id }).from(exportJobs).where(eq(exportJobs.state, "queued")).orderBy(exportJobs.id).limit(1).get();
    if (!next) return undefined;
    const now = nowSeconds();
    // Conditional on still being queued: another server may have taken it meanwhile.
    const taken = db
      .update(exportJobs)
      .set({ state: "running", runner, startedAt: now, heartbeatAt: now })
      .where(and(eq(exportJobs.id, next.id), eq(exportJobs.state, "queued")))
      .run();
    if (taken.changes === 1) return getJob(db, next.id);
  }
}

/** Progress of a running job; also its heartbeat. */
export function recordProgress(db: Db, id: number, progress: { phase: "measure" | "write"; done: number; total: number }): void {
  db.update(exportJobs)
    .set({ phase: progress.phase, doneRows: progress.done, totalRows: progress.total, heartbeatAt: nowSeconds() })
    .where(eq(exportJobs.id, id))
    .run();
}

export function heartbeat(db: Db, id: number): void {
  db.update(exportJobs).set({ heartbeatAt: nowSeconds() }).where(eq(exportJobs.id, id)).run();
}

export function finishJob(db: Db, id: number, exportId: number): void {
  db.update(exportJobs).set({ state: "done", exportId, error: null, finishedAt: nowSeconds() }).where(eq(exportJobs.id, id)).run();
}

/** Ends a job without a package: `refused` when the request cannot be exported, `failed` when something broke. */
export function endJob(db: Db, id: number, state: "refused" | "failed", error: ExportJobError): void {
  db.update(exportJobs).set({ state, error, finishedAt: nowSeconds() }).where(eq(exportJobs.id, id)).run();
}

/**
 * Running jobs whose runner stopped (heartbeat older than STALE_SECONDS, and not run by `except`,
 * the calling process): done if their package was recorded before the runner stopped, else
 * failed as interrupted. Returns their ids.
 */
export function reapInterruptedJobs(db: Db, except: string): number[] {
  const stale = db
    .select({ id: exportJobs.id, requestKey: exportJobs.requestKey })
    .from(exportJobs)
    .where(and(eq(exportJobs.state, "running"), ne(exportJobs.runner, except), or(isNull(exportJobs.heartbeatAt), lt(exportJobs.heartbeatAt, nowSeconds() - STALE_SECONDS))))
    .all();
  for (const job of stale) {
    const made = db.select({ id: exportPackages.id }).from(exportPackages).where(eq(exportPackages.requestKey, job.requestKey)).get();
    if (made) finishJob(db, job.id, made.id);
    else endJob(db, job.id, "failed", INTERRUPTED);
  }
  return stale.map((j) => j.id);
}

/** Marks the jobs `runner` is running as interrupted (it is stopping). */
export function interruptJobsOf(db: Db, runner: string): void {
  db.update(exportJobs)
    .set({ state: "failed", error: INTERRUPTED, finishedAt: nowSeconds() })
    .where(and(eq(exportJobs.runner, runner), eq(exportJobs.state, "running")))
    .run();
}

/** Ids of the jobs that are running now. */
export function runningJobIds(db: Db): Set<number> {
  return new Set(db.select({ id: exportJobs.id }).from(exportJobs).where(eq(exportJobs.state, "running")).all().map((j) => j.id));
}

/** Jobs for the export centre: those queued or running, and those that failed in the last week. */
export function jobsForCentre(db: Db) {
  const weekAgo = nowSeconds() - 7 * 24 * 3600;
  return db
    .select({
      id: exportJobs.id,
      state: exportJobs.state,
      actor: exportJobs.actorName,
      project: projects.title,
      dataset: exportJobs.dataset,
      format: exportJobs.format,
      phase: exportJobs.phase,
      done: exportJobs.doneRows,
      total: exportJobs.totalRows,
      createdAt: exportJobs.createdAt,
    })
    .from(exportJobs)
    .innerJoin(projects, eq(projects.id, exportJobs.projectId))
    .where(or(inArray(exportJobs.state, ["queued", "running"]), and(eq(exportJobs.state, "failed"), gte(exportJobs.createdAt, weekAgo))))
    .orderBy(desc(exportJobs.id))
    .limit(20)
    .all()
    .map((j) => ({ ...j, state: j.state as JobState, dataset: j.dataset as DatasetId, format: j.format as FormatId }));
}
