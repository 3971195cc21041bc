// Issue 12 §3: under steady answering the WAL (page images in commit order) must be truncated on
// a fixed cadence (SURVEY_WAL_TRUNCATE_MS), not only once answers pause. Employers answer
// without a break while job specialists save notes (the server's own writes compete for the
// lock) and someone now and then holds a read transaction (which holds a truncation up), and the
// test watches the WAL file as an attacker could: its length and its header, whose salt changes
// with every new generation of frames. A generation holds the answers committed since the last
// truncation; none may live much longer than one cadence, and each must begin with the file
// truncated (not merely restarted over old frames, which stay readable).
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobSpecialists } from "../../db/demo/people";
import { Client } from "../support/http";
import { loginAs, postNote } from "../support/log-helpers";
import { identities, seedDemo } from "../support/seed";
import { startServer, type RunningServer } from "../support/server";
import { answerForm, createWave, demoProjectId, employerSurvey, issueLinks } from "../support/survey-flow";

const CADENCE_MS = 1_000;
const ANSWERING_MS = 12_000;
const EMPLOYERS = 6;
const SPECIALISTS = 3;
const READ_HOLD_MS = 250;
const READ_PAUSE_MS = 250;
/** A held-up truncation, sampling and scheduling: how much later than the cadence it may be seen. */
const SLACK_MS = 1_000;

let server: RunningServer;
let passwords: Record<string, string>;

beforeAll(async () => {
  const seeded = await seedDemo();
  passwords = seeded.passwords;
  server = await startServer({ dataDir: seeded.dataDir, env: { SURVEY_WAL_TRUNCATE_MS: String(CADENCE_MS) } });
});
afterAll(async () => {
  await server?.stop();
});

/** The WAL's salt and length, read together; "empty" when truncated, null when it changed while read. */
function walHeader(walPath: string): { salt: string; size: number } | "empty" | null {
  let fd: number;
  try {
    fd = fs.openSync(walPath, "r");
  } catch {
    return "empty";
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 32) return "empty";
    const header = Buffer.alloc(32);
    fs.readSync(fd, header, 0, 32, 0);
    return fs.fstatSync(fd).size === size ? { salt: header.subarray(16, 24).toString("hex"), size } : null;
  } finally {
    fs.closeSync(fd);
  }
}

interface Generation {
  salt: string;
  firstSeen: number;
  lastSeen: number;
  /** The file was truncated since the previous generation: seen empty, or shorter than it was. */
  truncatedBefore: boolean;
  size: number;
  /** The longest the previous generation was seen. */
  previousSize: number;
}

describe("the WAL under steady answering", () => {
  it("is truncated on a fixed cadence while answers keep coming", { timeout: 180_000 }, async () => {
    const researcher = await loginAs(server.url, identities.researcher, passwords[identities.researcher]);
    const specialists = await Promise.all(demoJobSpecialists.slice(0, SPECIALISTS).map((p) => loginAs(server.url, p.email, passwords[p.email])));
    const waveId = await createWave(researcher, { projectId: await demoProjectId(researcher), title: "Jevn strøm" });
    const links = (await issueLinks(specialists[0], waveId, 500)).links.map((l) => new URL(l.url).pathname);
    const instrument = employerSurvey();
    const walPath = `${server.databasePath}-wal`;
    const started = Date.now();
    const answering = () => Date.now() - started < ANSWERING_MS;
    const generations: Generation[] = [];
    let sawEmpty = true;
    let answers = 0;
    let firstAnswer: number | null = null;
    let next = 0;
    const employers = Array.from({ length: EMPLOYERS }, async () => {
      while (answering() && next < links.length) {
        const seed = next++;
        const employer = new Client(server.url);
        await employer.request("GET", links[seed]);
        const post = await employer.request("POST", "/s", answerForm(instrument, seed));
        if (post.status === 303) {
          answers++;
          firstAnswer ??= Date.now();
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    const notes = specialists.map(async (client, c) => {
      for (let i = 0; answering(); i++) await postNote(client, `wal-cadence-${c}-${i}-key0000`, { situasjon: `Notat ${i}` });
    });
    // Someone reading a long page now and then: a read transaction held for READ_HOLD_MS, which
    // no truncation can finish during. A truncation that meets one must be tried again soon, not
    // a whole cadence later.
    const reading = (async () => {
      const reader = new Database(server.databasePath, { readonly: true });
      try {
        while (answering()) {
          reader.exec("BEGIN");
          reader.prepare("SELECT count(*) FROM log_notes").get();
          await new Promise((r) => setTimeout(r, READ_HOLD_MS));
          reader.exec("COMMIT");
          await new Promise((r) => setTimeout(r, READ_PAUSE_MS));
        }
      } finally {
        reader.close();
      }
    })();
    const watching = (async () => {
      while (answering()) {
        const now = Date.now();
        const sample = walHeader(walPath);
        if (sample === "empty") sawEmpty = true;
        else if (sample) {
          const { salt, size } = sample;
          const current = generations[generations.length - 1];
          if (current?.salt === salt) {
            current.lastSeen = now;
            current.size = Math.max(current.size, size);
            // A WAL that starts over rewrites its header first and is cut at its first commit
            // (journal_size_limit 0): a sample between the two sees the new salt at the old length.
            if (size < current.previousSize) current.truncatedBefore = true;
          } else {
            // A WAL restarted over old frames keeps its length; a truncated one starts short.
            generations.push({ salt, firstSeen: now, lastSeen: now, truncatedBefore: sawEmpty || !current || size < current.size, size, previousSize: current?.size ?? 0 });
            sawEmpty = false;
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await Promise.all([...employers, ...notes, reading, watching]);

    const full = generations.slice(0, -1); // the last one was cut short by the end of the test
    // How long each generation held answers: from its start, or from the first answer.
    const longest = Math.max(...full.map((g) => g.lastSeen - Math.max(g.firstSeen, firstAnswer!)));
    console.log(
      `WAL cadence ${CADENCE_MS} ms: ${answers} answers in ${ANSWERING_MS / 1000} s, ${generations.length} generations of the WAL; ` +
        `longest ${longest} ms, not truncated before ${full.filter((g) => !g.truncatedBefore).length}`,
    );
    expect(answers, "answers kept coming").toBeGreaterThan(ANSWERING_MS / 1000 * 3);
    expect(full.length, "generations of the WAL").toBeGreaterThanOrEqual(Math.floor(ANSWERING_MS / (CADENCE_MS + SLACK_MS)) - 1);
    expect(longest, "the longest a generation of the WAL lived").toBeLessThanOrEqual(CADENCE_MS + SLACK_MS);
    for (const g of full) expect(g.truncatedBefore, "each generation begins in a truncated file").toBe(true);
  });
});
