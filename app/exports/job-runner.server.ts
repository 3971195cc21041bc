// Runs one export job: the pipeline (createExport) with the job's request, its files written in a
// work directory of the job's own under <dataDir>/exports/.work (the zip is named only when it is
// complete), its progress and heartbeat written to the job row, and how it ended. The server runs
// jobs on a worker thread (export-worker.mjs, which reaches exportJobRunner through the server
// build); the `export` command runs its job in its own process.
import { openCodebook } from "~/instruments/versions.server";
import { openDatabase } from "../../db/connection.server";
import { VersionConflict } from "./instrument-variables";
import { HEARTBEAT_SECONDS, endJob, finishJob, getJob, heartbeat, jobWorkDir, recordProgress, type ExportJobError } from "./jobs.server";
import { ExportError, createExport, type CreateOptions, type ExportServices } from "./pipeline.server";

export type JobEnded = { state: "refused" | "failed"; error: ExportJobError };
export type JobOutcome = { state: "done"; exportId: number } | JobEnded;

/** Progress is written to the job row at most this often (ms). */
const PROGRESS_EVERY_MS = 500;

/** Why a request cannot be exported (no rows, a scope that does not fit, a code that changed meaning), or null for any other error. */
export function refusalOf(error: unknown): ExportJobError | null {
  if (error instanceof ExportError) return { key: error.key, field: error.field, detail: null };
  if (error instanceof VersionConflict) return { key: "exports.error.versions", field: null, detail: error.message };
  return null;
}

function outcomeOf(error: unknown): JobEnded {
  const refusal = refusalOf(error);
  if (refusal) return { state: "refused", error: refusal };
  console.error("export job failed:", error instanceof Error ? error.stack : error);
  return { state: "failed", error: { key: "exports.job.failed", field: null, detail: error instanceof Error ? error.message : String(error) } };
}

/** Runs a job that is claimed (running) for the caller. */
export async function runExportJob(services: ExportServices, jobId: number, onProgress?: CreateOptions["onProgress"]): Promise<JobOutcome> {
  const job = getJob(services.db, jobId);
  if (!job) throw new Error(`No export job ${jobId}`);
  let written = 0;
  const beat = setInterval(() => heartbeat(services.db, jobId), HEARTBEAT_SECONDS * 1000);
  try {
    const created = await createExport(services, job.request, { id: job.actorId, name: job.actorName, via: job.via === "cli" ? "cli" : "web" }, {
      requestKey: job.requestKey,
      out: job.out ?? undefined,
      workDir: jobWorkDir(services.config.dataDir, jobId),
      onProgress: (done, total, phase) => {
        onProgress?.(done, total, phase);
        if (Date.now() - written < PROGRESS_EVERY_MS && done < total) return;
        written = Date.now();
        recordProgress(services.db, jobId, { phase, done, total });
      },
    });
    finishJob(services.db, jobId, created.id);
    return { state: "done", exportId: created.id };
  } catch (error) {
    const outcome = outcomeOf(error);
    endJob(services.db, jobId, outcome.state, outcome.error);
    return outcome;
  } finally {
    clearInterval(beat);
  }
}

export interface RunnerSettings {
  readonly databasePath: string;
  readonly dataDir: string;
  readonly surveysDir: string;
  readonly pseudonymKey: string;
}

/** What the export worker thread runs jobs with: a connection and codebook of its own. */
export function exportJobRunner(settings: RunnerSettings) {
  const { db, sqlite } = openDatabase(settings.databasePath);
  const services: ExportServices = {
    db,
    codebook: openCodebook(db, settings.surveysDir, { record: false }),
    config: { databasePath: settings.databasePath, dataDir: settings.dataDir },
    secrets: { pseudonymKey: settings.pseudonymKey },
  };
  return {
    // Versions published in the app since the last job are read again for each job.
    run: (jobId: number) => runExportJob({ ...services, codebook: openCodebook(db, settings.surveysDir, { record: false }) }, jobId),
    close: () => sqlite.close(),
  };
}
