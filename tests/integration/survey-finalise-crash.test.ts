// Issue 12 §3: the server is killed with SIGKILL in the middle of closing a wave, after the wave
// is marked closed and before the writer has finalised it (used marks in the ledger, spent set
// deleted, WAL truncated). Started again, the server finalises it before it serves anyone,
// without waiting for somebody to open a survey page.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { loginAs } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, createWave, demoProjectId, employerSurvey, issueLinks } from "../support/survey-flow";

const LINKS = 1000;
const ANSWERED = 12;

let server: RunningServer;
let passwords: Record<string, string>;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir });
});
afterAll(async () => {
  await server?.stop();
});

interface WaveState {
  closed: boolean;
  finalised: boolean;
  spent: number;
  used: number;
}

function waveState(waveId: number): WaveState {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const wave = db.prepare("SELECT closed_at, finalised_at FROM survey_waves WHERE id = ?").get(waveId) as { closed_at: number | null; finalised_at: number | null };
    return {
      closed: wave.closed_at !== null,
      finalised: wave.finalised_at !== null,
      spent: db.prepare("SELECT count(*) FROM survey_spent WHERE wave_id = ?").pluck().get(waveId) as number,
      used: db.prepare("SELECT count(*) FROM survey_links WHERE wave_id = ? AND used = 1").pluck().get(waveId) as number,
    };
  } finally {
    db.close();
  }
}

/**
 * Closes the wave as a researcher and kills the server once the close is committed but the
 * finalisation is not: the test then takes the write lock, so the writer cannot finalise in the
 * moment before the kill. False when the writer was quicker (the caller tries another wave).
 */
async function closeAndKill(researcher: Client, waveId: number): Promise<boolean> {
  const watcher = new Database(server.databasePath, { readonly: true });
  const state = watcher.prepare("SELECT closed_at IS NOT NULL AS closed, finalised_at IS NOT NULL AS finalised FROM survey_waves WHERE id = ?");
  const closing = researcher.request("POST", `/waves/${waveId}`, { intent: "close" }).catch(() => null);
  const lock = new Database(server.databasePath);
  lock.pragma("busy_timeout = 0");
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const now = state.get(waveId) as { closed: number; finalised: number };
      if (now.finalised) return false;
      if (now.closed) {
        try {
          lock.exec("BEGIN IMMEDIATE");
        } catch {
          // The writer is inside its finalise transaction: killed now, it commits nothing.
        }
        const held = lock.inTransaction;
        const finalised = (state.get(waveId) as { finalised: number }).finalised;
        await server.stop("SIGKILL");
        if (held) lock.exec("ROLLBACK");
        return !finalised;
      }
      await new Promise((r) => setImmediate(r));
    }
    throw new Error("the wave was never closed");
  } finally {
    lock.close();
    watcher.close();
    await closing;
  }
}

describe("a crash while a wave closes", () => {
  it("leaves the wave closed but not finalised, and the next start finalises it before serving", { timeout: 240_000 }, async () => {
    const instrument = employerSurvey();
    let waveId = 0;
    for (let attempt = 1; ; attempt++) {
      const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
      const specialist = await loginAs(server.url, identities.jsA, passwords[identities.jsA]);
      waveId = await createWave(researcher, { projectId: await demoProjectId(researcher), title: `Avbrutt lukking ${attempt}` });
      const links: string[] = [];
      while (links.length < LINKS) links.push(...(await issueLinks(specialist, waveId, 500)).links.map((l) => new URL(l.url).pathname));
      for (let i = 0; i < ANSWERED; i++) {
        const employer = new Client(server.url);
        await employer.request("GET", links[i * 7]);
        expect((await employer.request("POST", "/s", answerForm(instrument, i))).status).toBe(303);
      }
      if (await closeAndKill(researcher, waveId)) break;
      expect(attempt, "the kill came after the finalisation three times").toBeLessThan(3);
      server = await startServer({ dataDir: server.dataDir });
    }
    // What the crash left: closed, not finalised, the spent set still there, no used marks.
    expect(waveState(waveId)).toEqual({ closed: true, finalised: false, spent: ANSWERED, used: 0 });

    server = await startServer({ dataDir: server.dataDir });
    // Nobody has opened a survey page: the start did it.
    expect(waveState(waveId)).toEqual({ closed: true, finalised: true, spent: 0, used: ANSWERED });
    expect(server.output()).toContain("Finalised 1 closed survey wave(s).");
    const wal = `${server.databasePath}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0, "the WAL is truncated after finalising").toBe(0);
    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
  });
});
