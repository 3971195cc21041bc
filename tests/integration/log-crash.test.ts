// Crash safety of note submission: many clients submit notes at once, the server is killed with
// SIGKILL in the middle of the stream and started again. Every note whose request was
// acknowledged (a 302 to the saved note) must be in the database, and the database must pass
// PRAGMA integrity_check. (synchronous=FULL in WAL mode: a commit is on disk before the reply.)
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobSpecialists } from "../../db/demo/people";
import { Client } from "../support/http";
import { killServerHard, loginAs, postNote } from "../support/log-helpers";
import { seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer | null = null;
let dataDir = "";
let passwords: Record<string, string> = {};

beforeAll(async () => {
  const seeded = await seedDemo();
  dataDir = seeded.dataDir;
  passwords = seeded.passwords;
  server = await startServer({ dataDir });
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a crash in the middle of note submissions", () => {
  it("keeps every acknowledged note and an intact database", async () => {
    const emails = demoJobSpecialists.slice(0, 8).map((p) => p.email);
    const clients: Client[] = await Promise.all(emails.map((e) => loginAs(server!.url, e, passwords[e])));
    const acknowledged: string[] = [];
    let failures = 0;
    let stop = false;
    // 8 people × 4 concurrent request loops = 32 clients.
    const loops = clients.flatMap((client, c) =>
      Array.from({ length: 4 }, async (_, l) => {
        for (let i = 0; !stop; i++) {
          const key = `crash-${c}-${l}-${i}-key0000`;
          try {
            const res = await postNote(client, key, { situasjon: `Krasjtest ${key}` });
            if (res.status === 302 && /saved=\d+/.test(res.headers.get("Location") ?? "")) acknowledged.push(key);
            else failures++;
          } catch {
            return; // the connection died with the server: not acknowledged
          }
        }
      }),
    );
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 300 && Date.now() < deadline) await sleep(10);
    expect(failures, "requests answered with something other than a saved note").toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    await killServerHard(server!);
    const lastAcknowledged = acknowledged.length;
    stop = true;
    await Promise.allSettled(loops);
    // Nothing can have been acknowledged after the kill.
    expect(acknowledged.length).toBeGreaterThanOrEqual(lastAcknowledged);

    server = await startServer({ dataDir });
    const db = new Database(path.join(dataDir, "medforsker.db"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = new Set((db.prepare("select client_key from log_notes where client_key like 'crash-%'").all() as { client_key: string }[]).map((r) => r.client_key));
      const lost = acknowledged.filter((k) => !stored.has(k));
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged notes lost`).toEqual([]);
      // No twins either.
      expect(db.prepare("select count(*) n from (select client_key from log_notes group by author_id, client_key having count(*) > 1)").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    // The restarted server serves the notes.
    const again = await loginAs(server.url, emails[0], passwords[emails[0]]);
    expect(await (await again.get("/log/mine?q=krasjtest")).text()).toContain("Krasjtest crash-0-");
  });
});
