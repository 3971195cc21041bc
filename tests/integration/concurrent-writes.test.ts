// Issue 12 §1: everything that writes, at once, over real HTTP. An open wave with 8 employers
// answering, 4 job specialists saving notes, a researcher exporting and a backup from the command
// line, for LOAD_MS. No response may be a 5xx, every acknowledged write must be in the database
// afterwards, and the database (and every backup) must pass PRAGMA integrity_check.
// Before write transactions started IMMEDIATE, about 7 % of note saves failed here with a 500
// «database is locked».
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobSpecialists } from "../../db/demo/people";
import { afterExportForm } from "../support/exports";
import { Client } from "../support/http";
import { loginAs, postNote } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, createWave, demoProjectId, employerSurvey, issueLinks, seedOfAnswer } from "../support/survey-flow";

const LOAD_MS = 20_000;
const EMPLOYERS = 8;
const SPECIALISTS = 4;
const LINKS = 1500;

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

/** Every response of the run, by what was asked and its status. */
class Tally {
  statuses = new Map<string, number>();
  serverErrors: string[] = [];
  count(what: string, res: Response) {
    const key = `${what} ${res.status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    if (res.status >= 500) this.serverErrors.push(key);
  }
  failed(what: string, total: number) {
    const bad = [...this.statuses].filter(([k]) => k.startsWith(`${what} `) && Number(k.split(" ").pop()) >= 500).reduce((n, [, v]) => n + v, 0);
    return `${bad} of ${total}`;
  }
}

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/main.ts", ...args], {
      env: { ...process.env, DATABASE_PATH: server.databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (b) => (output += b));
    child.stderr.on("data", (b) => (output += b));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("employers, job specialists, an export and a backup at the same time", () => {
  it("answers no request with a 5xx, keeps every acknowledged write and an intact database", { timeout: 240_000 }, async () => {
    const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const waveId = await createWave(researcher, { projectId: await demoProjectId(researcher), title: "Samtidighet" });
    const specialistEmails = demoJobSpecialists.slice(0, SPECIALISTS).map((p) => p.email);
    const specialists = await Promise.all(specialistEmails.map((e) => loginAs(server.url, e, passwords[e])));
    const links: string[] = [];
    for (let i = 0; links.length < LINKS; i++) {
      const batch = await issueLinks(specialists[i % SPECIALISTS], waveId, Math.min(500, LINKS - links.length));
      links.push(...batch.links.map((l) => new URL(l.url).pathname));
    }
    const instrument = employerSurvey();
    const tally = new Tally();
    const deadline = Date.now() + LOAD_MS;
    const running = () => Date.now() < deadline;

    // Employers: open a link, read the form, send it (no JavaScript).
    const answered: number[] = [];
    let answersSent = 0;
    let nextLink = 0;
    const employers = Array.from({ length: EMPLOYERS }, async () => {
      while (running() && nextLink < links.length) {
        const seed = nextLink++;
        const employer = new Client(server.url);
        const open = await employer.request("GET", links[seed]);
        tally.count("GET /s/<token>", open);
        const page = await employer.request("GET", "/s");
        tally.count("GET /s", page);
        await page.arrayBuffer();
        const post = await employer.request("POST", "/s", answerForm(instrument, seed));
        tally.count("POST /s", post);
        answersSent++;
        if (post.status === 303 && post.headers.get("Location") === "/s/done") answered.push(seed);
      }
    });

    // Job specialists: save notes, each with its own draft key, and read their month now and then.
    const savedNotes: string[] = [];
    let notesSent = 0;
    const notes = specialists.map(async (client, c) => {
      for (let i = 0; running(); i++) {
        const key = `concurrent-${c}-${i}-key00000`;
        const res = await postNote(client, key, { situasjon: `Samtidig ${key}` });
        tally.count("POST /log", res);
        notesSent++;
        if (res.status === 302 && /saved=\d+/.test(res.headers.get("Location") ?? "")) savedNotes.push(key);
        if (i % 10 === 9) {
          const page = await client.request("GET", "/log");
          tally.count("GET /log", page);
          await page.arrayBuffer();
        }
      }
    });

    // A researcher exporting the log again and again, and downloading each package.
    const exported: number[] = [];
    const exporting = (async () => {
      for (let i = 0; running(); i++) {
        const body = new URLSearchParams({ project: "afi-2017", dataset: "log", format: i % 2 ? "xlsx" : "sav", language: "nb", pseudonyms: "stable", dates: "month", intent: "export", requestKey: `concurrent-export-${i}-0000000` });
        const res = await researcher.request("POST", "/exports", body);
        tally.count("POST /exports", res);
        // A quick export opens its page at once; a slower one its job page, followed to the package.
        const location = res.headers.get("Location") ?? "";
        if (res.status !== 302 || !location.startsWith("/exports/")) continue;
        const id = (await afterExportForm(researcher, location)).exportId;
        if (!id) continue;
        exported.push(id);
        const page = await researcher.get(`/exports/${id}`);
        tally.count("GET /exports/<id>", page);
        await page.arrayBuffer();
        const download = await researcher.request("GET", `/exports/${id}/download`);
        tally.count("GET /exports/<id>/download", download);
        await download.arrayBuffer();
      }
    })();

    // Online backups from the command line, one after the other.
    const backups: { file: string; code: number | null; output: string }[] = [];
    const backingUp = (async () => {
      for (let i = 0; running(); i++) {
        const file = path.join(server.dataDir, `backup-${i}.db`);
        backups.push({ file, ...(await runCli(["backup", "--out", file])) });
      }
    })();

    await Promise.all([...employers, ...notes, exporting, backingUp]);

    const summary = [...tally.statuses].map(([k, v]) => `${k}: ${v}`).join(", ");
    console.log(
      `concurrent load ${LOAD_MS / 1000} s: note saves failed ${tally.failed("POST /log", notesSent)}, answers failed ${tally.failed("POST /s", answersSent)}; ` +
        `${savedNotes.length} notes, ${answered.length} answers, ${exported.length} exports, ${backups.length} backups. ${summary}`,
    );
    expect(tally.serverErrors, `responses 5xx: ${summary}`).toEqual([]);
    expect(savedNotes.length, "notes saved").toBeGreaterThan(50);
    expect(answered.length, "answers stored").toBeGreaterThan(20);
    expect(exported.length, "exports made").toBeGreaterThan(0);
    for (const b of backups) expect(b.code, b.output).toBe(0);

    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const storedNotes = new Set(db.prepare("SELECT client_key FROM log_notes WHERE client_key LIKE 'concurrent-%'").pluck().all() as string[]);
      expect(savedNotes.filter((k) => !storedNotes.has(k)), "acknowledged notes missing").toEqual([]);
      const storedSeeds = new Set((db.prepare("SELECT answers FROM survey_answers WHERE wave_id = ?").pluck().all(waveId) as string[]).map(seedOfAnswer));
      expect(answered.filter((s) => !storedSeeds.has(s)), "acknowledged answers missing").toEqual([]);
      expect(storedSeeds.size, "no answer stored that was not acknowledged").toBe(answered.length);
      const storedExports = new Set(db.prepare("SELECT id FROM export_packages").pluck().all() as number[]);
      expect(exported.filter((id) => !storedExports.has(id)), "acknowledged exports missing").toEqual([]);
    } finally {
      db.close();
    }
    for (const b of backups.filter((x) => x.code === 0)) {
      const copy = new Database(b.file, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true }), b.file).toBe("ok");
      } finally {
        copy.close();
      }
    }
  });
});
