// Every action the code writes to the audit log reads as a sentence in both languages, and the
// demo loader credits what it does to whoever really loaded it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audit, auditAs } from "../../app/accounts/audit.server";
import { describeAuditEvents, hasSentence, type AuditRecord } from "../../app/exports/audit-sentences.server";
import { translator } from "../../app/i18n/catalog";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { auditLog, users } from "../../db/schema";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The action names written by `audit(…)` calls in the app and the demo loader. */
function writtenActions(): string[] {
  const actions = new Set<string>();
  for (const file of [...sourceFiles("app"), ...sourceFiles("db")]) {
    const source = fs.readFileSync(file, "utf8");
    for (const call of source.matchAll(/\baudit\((?:[^()]|\([^()]*\))*\)/g)) {
      for (const literal of call[0].matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) actions.add(literal[1]);
    }
  }
  return [...actions].sort();
}

describe("audit sentences", () => {
  const actions = writtenActions();

  it("finds the actions in the code", () => {
    expect(actions).toEqual(expect.arrayContaining(["export.downloaded", "log.month_submitted", "case_project.created", "demo.loaded", "exchange.answers_unshared"]));
  });

  it("has a sentence for every action written, in both languages, with no code or placeholder left", () => {
    const missing = actions.filter((a) => !hasSentence(a));
    expect(missing).toEqual([]);
    const record = (action: string, id: number): AuditRecord => ({ id, at: 0, actorId: 1, actor: "Ola Forsker", action, subject: "", details: null });
    for (const locale of ["nb", "en"] as const) {
      // No database rows to name: every subject reads as deleted, and the sentence still reads.
      const events = describeAuditEvents(emptyDb(), actions.map(record), locale, translator(locale));
      for (const e of events) {
        expect(e.sentence, e.raw.action).toMatch(/^Ola Forsker /);
        expect(e.sentence, e.raw.action).not.toContain(e.raw.action);
        expect(e.sentence, e.raw.action).not.toMatch(/[{}#]|_|undefined|NaN/);
      }
    }
  });

  it("names the command line or the system when nobody signed in did it", () => {
    const t = translator("nb");
    const [cli, system] = describeAuditEvents(
      emptyDb(),
      [
        { id: 1, at: 0, actorId: null, actor: null, action: "person.invited", subject: "", details: { via: "cli", role: "researcher" } },
        { id: 2, at: 0, actorId: null, actor: null, action: "project.created", subject: "", details: null },
      ],
      "nb",
      t,
    );
    expect(cli.sentence).toMatch(/^Kommandolinjen inviterte/);
    expect(system.sentence).toMatch(/^Systemet opprettet prosjektet/);
  });

  it("credits everything inside auditAs to the person acting, and marks the command line", async () => {
    const db = emptyDb();
    for (const id of [7, 42]) db.insert(users).values({ id, name: `Person ${id}`, email: `p${id}@example.org`, role: "researcher" }).run();
    await auditAs(42, async () => {
      await Promise.resolve();
      audit(db, 7, "exchange.created", "exchange:1");
    });
    auditAs(null, () => audit(db, 7, "person.invited", "user:2", { role: "researcher" }), "cli");
    audit(db, 7, "exchange.updated", "exchange:1");
    const rows = db.select().from(auditLog).all();
    expect(rows.map((r) => [r.action, r.actorId, r.details])).toEqual([
      ["exchange.created", 42, null],
      ["person.invited", null, { role: "researcher", via: "cli" }],
      ["exchange.updated", 7, null],
    ]);
  });
});

function emptyDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medforsker-audit-"));
  const { db } = openDatabase(path.join(dir, "medforsker.db"));
  migrateDatabase(db);
  return db;
}
