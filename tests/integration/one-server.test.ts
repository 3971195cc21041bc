// One server per database file (docs/decisions/one-server-per-database.md): a second server on
// the same file refuses to start and says why, while the command line (demo, export, backup)
// works beside the running server as people keep writing; after a kill -9 the lock is gone.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, tempDataDir, type RunningServer } from "../support/server";

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

function cli(args: string[], databasePath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/main.ts", ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (b) => (output += b));
    child.stderr.on("data", (b) => (output += b));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("one server per database file", () => {
  const dataDir = tempDataDir();
  let first: RunningServer;

  it("a second server on the same file refuses to start, naming the file; the first keeps serving", async () => {
    first = await startServer({ dataDir });
    servers.push(first);
    // Should it start after all, it is stopped with the others.
    const second = startServer({ dataDir }).then((s) => (servers.push(s), s));
    await expect(second).rejects.toThrow(/Medforsker cannot start:\s*Another Medforsker server is already running on \S*medforsker\.db/);
    await expect(second).rejects.toThrow(/Stop the other server first, or give this one its own DATABASE_PATH/);
    expect((await fetch(`${first.url}/setup`)).status).toBe(200);
    // Another database file is another matter.
    const elsewhere = await startServer();
    servers.push(elsewhere);
    await elsewhere.stop();
  });

  it("the command line loads the demo, exports and backs up beside it while a researcher keeps writing", { timeout: 240_000 }, async () => {
    const researcher = new Client(first.url);
    const setup = await researcher.post("/setup", { name: "Forsker Ved Siden", email: "ved-siden@example.org", password: "et langt passord her", confirm: "et langt passord her" });
    expect(setup.status).toBe(200);
    let running = true;
    const statuses: number[] = [];
    const writing = (async () => {
      for (let i = 0; running; i++) {
        const res = await researcher.request("POST", "/projects", { title: `Prosjekt ved siden ${i}`, slug: `ved-siden-${i}` });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    })();
    const demo = await cli(["demo"], first.databasePath);
    const out = path.join(tempDataDir(), "log.zip");
    const exported = await cli(["export", "--project", "afi-2017", "--data", "log", "--format", "csv", "--out", out, "--as", "ved-siden@example.org"], first.databasePath);
    const backupFile = path.join(tempDataDir(), "copy.db");
    const backup = await cli(["backup", "--out", backupFile], first.databasePath);
    running = false;
    await writing;

    expect(demo.code, demo.output).toBe(0);
    expect(demo.output).toContain("Demo project afi-2017 loaded");
    expect(exported.code, exported.output).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(backup.code, backup.output).toBe(0);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s !== 302), `statuses: ${statuses.join(" ")}`).toEqual([]);
    const copy = new Database(backupFile, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.prepare("SELECT count(*) FROM log_notes").pluck().get()).toBeGreaterThan(500);
    } finally {
      copy.close();
    }
    // The server sees what the command line wrote.
    expect(await (await researcher.get("/projects")).text()).toContain("afi-2017");
  });

  it("after a kill -9 the lock is gone with the process: a new server starts at once", async () => {
    await first.stop("SIGKILL");
    const again = await startServer({ dataDir });
    servers.push(again);
    expect((await fetch(`${again.url}/login`)).status).toBe(200);
  });
});
