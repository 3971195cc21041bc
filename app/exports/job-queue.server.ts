// The server's export queue. The export centre queues a job (jobs.server.ts); here jobs run one
// at a time (EXPORT_WORKERS: up to two) on worker threads that have loaded the server build
// (export-worker.mjs), so the event loop keeps answering everyone else while an export reads,
// anonymises and writes 100,000 rows. A worker is started when the first export is asked for
// (or the export centre is opened) and stopped after a while without work.
//
// At start, and every few seconds, running jobs whose runner died are marked failed, and the
// files they left are removed (recovery.server.ts); queued jobs are taken up again.
import crypto from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db/connection.server";
import { buildPaths } from "../server/build-paths";
import type { JobOutcome, RunnerSettings } from "./job-runner.server";
import { claimNextJob, endJob, getJob, interruptJobsOf, jobWorkDir, reapInterruptedJobs, type ExportJob } from "./jobs.server";
import { expirePackages } from "./records.server";
import { sweepExportLeftovers } from "./recovery.server";

const WORKER_FILE = path.resolve("app/exports/export-worker.mjs");
/** A worker without work for this long is stopped (it holds the whole server build in memory). */
const IDLE_MS = 10 * 60_000;
/** How often interrupted jobs are looked for and queued jobs taken up. */
const TICK_MS = 5_000;

/** One worker thread, started when needed, running one job at a time. */
class Slot {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private idle: NodeJS.Timeout | null = null;
  private current: { jobId: number; resolve: (o: JobOutcome) => void; reject: (e: Error) => void } | null = null;
  busy = false;

  constructor(private readonly workerData: { serverFile: string; settings: RunnerSettings }) {}

  /** The worker, started if it is not running (it loads the server build first). */
  start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER_FILE, { workerData: this.workerData, execArgv: [] });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      worker.on("message", (message: { type: string; jobId?: number; outcome?: JobOutcome }) => {
        const current = this.current;
        if (message.type === "ready") resolve(worker);
        else if (message.type === "ended" && current && current.jobId === message.jobId) current.resolve(message.outcome!);
      });
      const stopped = (error: Error) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        reject(error);
        this.current?.reject(error);
      };
      worker.on("error", stopped);
      worker.on("exit", (code) => stopped(new Error(`export worker stopped (${code})`)));
    });
    this.ready.catch(() => undefined);
    this.keepIdle();
    return this.ready;
  }

  async run(jobId: number): Promise<JobOutcome> {
    if (this.idle) clearTimeout(this.idle);
    const worker = await this.start();
    try {
      return await new Promise<JobOutcome>((resolve, reject) => {
        this.current = { jobId, resolve, reject };
        worker.postMessage({ type: "run", jobId });
      });
    } finally {
      this.current = null;
      this.keepIdle();
    }
  }

  private keepIdle() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.stop(), IDLE_MS).unref();
  }

  async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}

export interface ExportQueueServices {
  readonly db: Db;
  readonly config: { readonly databasePath: string; readonly dataDir: string; readonly surveysDir: string; readonly exportWorkers: number };
  readonly secrets: { readonly pseudonymKey: string };
}

export class ExportJobQueue {
  /** This server process, as the runner of the jobs it takes. */
  readonly runner = `server ${os.hostname()} ${process.pid} ${crypto.randomUUID()}`;
  private readonly slots: Slot[];
  private readonly waiting = new Map<number, Set<() => void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly services: ExportQueueServices) {
    const { config, secrets } = services;
    const workerData = {
      serverFile: buildPaths().serverFile,
      settings: { databasePath: config.databasePath, dataDir: config.dataDir, surveysDir: config.surveysDir, pseudonymKey: secrets.pseudonymKey },
    };
    this.slots = Array.from({ length: Math.max(1, config.exportWorkers) }, () => new Slot(workerData));
  }

  /** Recovers from a crash (interrupted jobs failed, their files removed), then runs what is queued. */
  async start(): Promise<void> {
    await this.recover();
    this.timer = setInterval(() => void this.recover(), TICK_MS);
    this.timer.unref();
  }

  private async recover(): Promise<void> {
    try {
      reapInterruptedJobs(this.services.db, this.runner);
      await sweepExportLeftovers(this.services.db, this.services.config.dataDir);
    } catch (error) {
      // Busy or closing; the next tick tries again.
      console.error("export recovery:", error instanceof Error ? error.message : error);
    }
    this.pump();
  }

  /** Runs queued jobs while a worker is free. */
  pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = claimNextJob(this.services.db, this.runner);
      if (!job) return;
      void this.run(slot, job.id);
    }
  }

  /** Starts a worker ahead of an export (someone opened the export centre). */
  warm(): void {
    void this.slots[0].start().catch(() => undefined);
  }

  private async run(slot: Slot, jobId: number): Promise<void> {
    slot.busy = true;
    try {
      await slot.run(jobId);
    } catch (error) {
      // The worker itself failed (it could not start, or it crashed): the job cannot go on.
      console.error(`export job ${jobId}:`, error instanceof Error ? error.message : error);
      endJob(this.services.db, jobId, "failed", { key: "exports.job.failed", field: null, detail: error instanceof Error ? error.message : String(error) });
      await rm(jobWorkDir(this.services.config.dataDir, jobId), { recursive: true, force: true });
    } finally {
      slot.busy = false;
      for (const done of this.waiting.get(jobId) ?? []) done();
      this.waiting.delete(jobId);
      await expirePackages(this.services.db, this.services.config.dataDir).catch(() => 0);
      this.pump();
    }
  }

  /** The job once it has ended here, or as it is after `ms` milliseconds. */
  async settled(jobId: number, ms: number): Promise<ExportJob | undefined> {
    const now = getJob(this.services.db, jobId);
    if (!now || (now.state !== "queued" && now.state !== "running") || ms <= 0) return now;
    const waiting = this.waiting.get(jobId) ?? new Set();
    this.waiting.set(jobId, waiting);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiting.add(done);
    });
    return getJob(this.services.db, jobId);
  }

  /** At shutdown: the jobs running here are marked interrupted; their files are swept at the next start. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    interruptJobsOf(this.services.db, this.runner);
    for (const slot of this.slots) void slot.stop();
  }
}
