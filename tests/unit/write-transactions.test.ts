// Every write transaction starts IMMEDIATE through one helper (db/connection.server.ts
// `writeTransaction`, db/write-lock.mjs for plain better-sqlite3), waits for another writer within
// a bound and then reports SQLITE_BUSY. See docs/decisions/write-transactions.md.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, writeTransaction, type Db, type Sqlite } from "../../db/connection.server";
import { immediateTransaction, retryWhileBusy, writeRefusal } from "../../db/write-lock.mjs";
import { tempDataDir } from "../support/server";

const root = path.resolve(import.meta.dirname, "../..");
/** The only files that may begin a transaction themselves (the last one locks its own lock file). */
const HELPERS = new Set(["db/connection.server.ts", "db/write-lock.mjs", "app/server/server-lock.server.ts"]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sources(rel);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("the one way to write", () => {
  it("no module of app/ or db/ begins a transaction except through the helper", () => {
    const offenders: string[] = [];
    for (const file of [...sources("app"), ...sources("db")]) {
      if (HELPERS.has(file)) continue;
      const text = fs.readFileSync(path.join(root, file), "utf8");
      // A read transaction on a read-only connection (an export's snapshot) writes nothing.
      const readOnly = /readonly:\s*true/.test(text);
      text.split("\n").forEach((line, i) => {
        const begins = /\.transaction\s*\(|\.(immediate|deferred|exclusive)\s*\(/.test(line) || (!readOnly && /["'`]\s*BEGIN\b/i.test(line));
        if (begins) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, "use writeTransaction (db/connection.server.ts) or immediateTransaction (db/write-lock.mjs)").toEqual([]);
  });
});

let open: { sqlite: Sqlite }[] = [];
afterEach(() => {
  for (const o of open) if (o.sqlite.open) o.sqlite.close();
  open = [];
});

function twoConnections(): { db: Db; sqlite: Sqlite; other: Sqlite; file: string } {
  const file = path.join(tempDataDir("write-tx-"), "t.db");
  const first = openDatabase(file);
  first.sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  const other = new Database(file);
  other.pragma("busy_timeout = 0");
  open.push(first, { sqlite: other });
  return { ...first, other, file };
}

/** Another process-like writer: a thread that holds the write lock for `ms`, then lets go. */
async function holdWriteLock(file: string, ms: number): Promise<Worker> {
  const worker = new Worker(
    `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
     const { parentPort, workerData } = require("node:worker_threads");
     const db = new Database(workerData.file);
     db.exec("BEGIN IMMEDIATE");
     parentPort.postMessage("locked");
     setTimeout(() => { db.exec("COMMIT"); db.close(); }, workerData.ms);`,
    { eval: true, workerData: { file, ms } },
  );
  await new Promise((resolve) => worker.once("message", resolve));
  return worker;
}

describe("writeTransaction", () => {
  it("holds the write lock from its first statement, so no other commit can make its snapshot stale", () => {
    const { db, sqlite, other } = twoConnections();
    // What the issue found: a DEFERRED transaction reads, another connection commits, and the
    // write fails at once with SQLITE_BUSY_SNAPSHOT (busy_timeout never applies).
    let deferred: unknown = null;
    try {
      sqlite.transaction(() => {
        sqlite.prepare("SELECT count(*) FROM notes").get();
        other.prepare("INSERT INTO notes (text) VALUES ('other')").run();
        sqlite.prepare("INSERT INTO notes (text) VALUES ('mine')").run();
      }).deferred();
    } catch (error) {
      deferred = error;
    }
    expect((deferred as { code?: string })?.code).toBe("SQLITE_BUSY_SNAPSHOT");
    // Through the helper the other writer has to wait instead, and ours commits.
    let otherTried: string | null = null;
    writeTransaction(db, (tx) => {
      tx.all(sql`SELECT count(*) FROM notes`);
      try {
        other.prepare("INSERT INTO notes (text) VALUES ('other')").run();
      } catch (error) {
        otherTried = (error as { code: string }).code;
      }
      tx.run(sql`INSERT INTO notes (text) VALUES ('mine')`);
    });
    expect(otherTried).toBe("SQLITE_BUSY");
    expect(sqlite.prepare("SELECT text FROM notes ORDER BY id").pluck().all()).toEqual(["other", "mine"]);
  });

  it("runs as a savepoint inside a transaction: an inner failure rolls back only the inner part", () => {
    const { db, sqlite } = twoConnections();
    writeTransaction(db, (tx) => {
      tx.run(sql`INSERT INTO notes (text) VALUES ('outer')`);
      expect(() =>
        writeTransaction(tx, (inner) => {
          inner.run(sql`INSERT INTO notes (text) VALUES ('inner')`);
          throw new Error("inner fails");
        }),
      ).toThrow("inner fails");
    });
    expect(sqlite.prepare("SELECT text FROM notes").pluck().all()).toEqual(["outer"]);
  });

  it("waits for another writer that finishes within the bound", async () => {
    const { db, sqlite, file } = twoConnections();
    const worker = await holdWriteLock(file, 300);
    const started = Date.now();
    writeTransaction(db, (tx) => tx.run(sql`INSERT INTO notes (text) VALUES ('after the wait')`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(sqlite.prepare("SELECT text FROM notes").pluck().all()).toEqual(["after the wait"]);
    await worker.terminate();
  });

  it("gives up after the bound with SQLITE_BUSY, which reads as a refused write", async () => {
    const { sqlite, file } = twoConnections();
    const worker = await holdWriteLock(file, 3_000);
    // The bound is WRITE_WAIT_MS (5 s unless set); here 400 ms, with busy_timeout shorter still
    // so the retries themselves are exercised.
    sqlite.pragma("busy_timeout = 100");
    const started = Date.now();
    const insert = sqlite.transaction(() => sqlite.prepare("INSERT INTO notes (text) VALUES ('never')").run());
    let error: unknown = null;
    try {
      retryWhileBusy(sqlite, () => insert.immediate(), 400);
    } catch (e) {
      error = e;
    }
    const waited = Date.now() - started;
    expect((error as { code?: string })?.code).toBe("SQLITE_BUSY");
    expect(writeRefusal(error)).toBe("busy");
    expect(waited).toBeGreaterThanOrEqual(390);
    expect(waited).toBeLessThan(2_500);
    expect(sqlite.pragma("busy_timeout", { simple: true }), "the connection's own timeout is back").toBe(100);
    await worker.terminate();
  });
});

describe("writeRefusal", () => {
  function refusalOf(write: () => unknown): string | null {
    try {
      write();
    } catch (error) {
      return writeRefusal(error);
    }
    throw new Error("the write went through");
  }

  it("reads a full database and a read-only one from SQLite's real errors", () => {
    const { db, sqlite, file } = twoConnections();
    // Full: the file may not grow by another page.
    sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true })}`);
    expect(refusalOf(() => writeTransaction(db, (tx) => tx.run(sql`INSERT INTO notes (text) VALUES (${"x".repeat(100_000)})`)))).toBe("full");
    // Read-only: a connection that may not write (a file opened read-only).
    const readOnly = openDatabase(file);
    readOnly.sqlite.close();
    const ro = new Database(file, { readonly: true });
    open.push({ sqlite: ro });
    expect(refusalOf(() => ro.prepare("INSERT INTO notes (text) VALUES ('x')").run())).toBe("readonly");
    expect(refusalOf(() => immediateTransaction(ro, () => ro.prepare("INSERT INTO notes (text) VALUES ('x')").run())())).toBe("readonly");
  });

  it("names what stopped a write and leaves other errors alone", () => {
    expect(writeRefusal({ code: "SQLITE_FULL" })).toBe("full");
    expect(writeRefusal({ code: "ENOSPC" })).toBe("full");
    expect(writeRefusal({ code: "SQLITE_READONLY_DBMOVED" })).toBe("readonly");
    expect(writeRefusal({ code: "SQLITE_IOERR_WRITE" })).toBe("io");
    expect(writeRefusal({ code: "SQLITE_CONSTRAINT_UNIQUE" })).toBeNull();
    expect(writeRefusal(new Error("a bug"))).toBeNull();
    // drizzle wraps SQLite's error; its cause is what counts.
    expect(writeRefusal(new Error("Failed query", { cause: { code: "SQLITE_BUSY" } }))).toBe("busy");
  });
});
