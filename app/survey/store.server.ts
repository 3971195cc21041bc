// The server side of the survey writer: answers and wave finalisation go to the writer thread
// (store-worker.mjs), which owns a second SQLite connection and commits in groups, so the fsync
// of synchronous=FULL never blocks the event loop. SURVEY_WRITER=inline writes on the caller's
// connection instead (same code, same transactions; used where no thread is wanted).
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Sqlite } from "../../db/connection.server";
import { osloDate } from "./dates.server";
import { spentKeyFor } from "./keys.server";
import { createSurveyStore, type AnswerItem, type CommitResult } from "./store-core.mjs";

export type { AnswerItem, CommitResult };

export interface FinaliseResult {
  marked: number;
  spent: number;
  truncated?: boolean;
}

export interface SurveyStore {
  submit(item: AnswerItem): Promise<CommitResult>;
  finalise(waveId: number): Promise<FinaliseResult>;
  /** Finalises every closed wave not finalised yet (the server asks at start); their ids. */
  finaliseDue(): Promise<number[]>;
  truncateWal(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SurveyStoreOptions {
  databasePath: string;
  sqlite: Sqlite;
  spentKey: Uint8Array;
  /** The cadence (ms) of WAL truncation while answers keep coming; negative: never by timer. */
  truncateDelayMs?: number;
  mode?: "worker" | "inline";
}

/** Default cadence of WAL truncation while answers keep coming. */
export const DEFAULT_TRUNCATE_DELAY_MS = 5_000;

const WORKER_FILE = path.resolve("app/survey/store-worker.mjs");

class WorkerStore implements SurveyStore {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();

  constructor(private options: SurveyStoreOptions) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        databasePath: this.options.databasePath,
        spentKey: Buffer.from(this.options.spentKey),
        truncateDelayMs: this.options.truncateDelayMs ?? DEFAULT_TRUNCATE_DELAY_MS,
      },
      // The server runs under tsx; the writer is plain JavaScript and needs no loader.
      execArgv: [],
    });
    worker.unref();
    worker.on("message", (message: { id: number; result?: unknown; error?: string; code?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting.reject(Object.assign(new Error(`survey writer: ${message.error}`), { code: message.code }));
      else waiting.resolve(message.result as never);
    });
    const fail = (error: Error) => {
      this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", (error) => fail(error));
    worker.on("exit", (code) => fail(new Error(`survey writer stopped (${code})`)));
    this.worker = worker;
    return worker;
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  /** Starts the writer thread now. */
  start(): this {
    this.ensure();
    return this;
  }
  submit(item: AnswerItem) {
    return this.call<CommitResult>({ type: "submit", item });
  }
  finalise(waveId: number) {
    return this.call<FinaliseResult>({ type: "finalise", waveId });
  }
  finaliseDue() {
    return this.call<number[]>({ type: "finalise-due" });
  }
  truncateWal() {
    return this.call<boolean>({ type: "truncate" });
  }
  async close() {
    if (!this.worker) return;
    await this.call<boolean>({ type: "close" }).catch(() => undefined);
    await this.worker?.terminate();
    this.worker = null;
  }
}

class InlineStore implements SurveyStore {
  private store: ReturnType<typeof createSurveyStore>;
  constructor(options: SurveyStoreOptions) {
    this.store = createSurveyStore(options.sqlite, { spentKey: options.spentKey });
  }
  async submit(item: AnswerItem) {
    return this.store.commit([item])[0];
  }
  async finalise(waveId: number) {
    const result = this.store.finalise(waveId);
    return { ...result, truncated: this.store.truncateWal() };
  }
  async finaliseDue() {
    const finalised = this.store.finaliseDue(osloDate());
    if (finalised.length > 0) this.store.truncateWal();
    return finalised;
  }
  async truncateWal() {
    return this.store.truncateWal();
  }
  async close() {}
}

export function createStore(options: SurveyStoreOptions): SurveyStore {
  const mode = options.mode ?? (process.env.SURVEY_WRITER === "inline" || !fs.existsSync(WORKER_FILE) ? "inline" : "worker");
  return mode === "worker" ? new WorkerStore(options).start() : new InlineStore(options);
}

const stores = new WeakMap<Sqlite, SurveyStore>();

/**
 * The one writer per database connection of this process. The server makes it at start
 * (services.server.ts), so its context carries it; the server's code and the Remix build are
 * separate module copies, and both must reach the same writer thread.
 */
export function surveyStore(context: {
  sqlite: Sqlite;
  config: { databasePath: string };
  secrets: { pseudonymKey: string };
  surveyStore?: SurveyStore;
}): SurveyStore {
  if (context.surveyStore) return context.surveyStore;
  let store = stores.get(context.sqlite);
  if (!store) {
    const delay = Number(process.env.SURVEY_WAL_TRUNCATE_MS ?? DEFAULT_TRUNCATE_DELAY_MS);
    store = createStore({
      databasePath: context.config.databasePath,
      sqlite: context.sqlite,
      spentKey: spentKeyFor(context.secrets.pseudonymKey),
      truncateDelayMs: Number.isFinite(delay) ? delay : DEFAULT_TRUNCATE_DELAY_MS,
    });
    stores.set(context.sqlite, store);
  }
  return store;
}
