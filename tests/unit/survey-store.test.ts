// The survey writer's transactions (store-core.mjs) on a real migrated SQLite file: exactly
// once through the spent set, nothing written for a closed wave, random answer ids, and the
// finalisation that writes the used marks and empties the spent set.
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { projects, surveyLinkBatches, surveyLinks, surveyWaves, users } from "../../db/schema";
import { createSurveyStore, randomId, shuffle, spentKeyOf } from "../../app/survey/store-core.mjs";
import { spentKeyFor } from "../../app/survey/keys.server";
import { tempDataDir } from "../support/server";

let db: Db;
let sqlite: Sqlite;
const key = spentKeyFor("unit-test-secret");
const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
let store: ReturnType<typeof createSurveyStore>;
let openWave: number;
let closedWave: number;
const hashes = Array.from({ length: 6 }, (_, i) => sha(`token-${i}`));

function item(waveId: number, tokenHash: string, seed = 0) {
  return {
    waveId,
    spentKey: spentKeyOf(key, tokenHash),
    instrumentId: "employer-survey",
    instrumentVersion: 1,
    month: "2026-11",
    today: "2026-11-27",
    round: 0,
    answers: JSON.stringify({ seed }),
  };
}

beforeAll(() => {
  ({ db, sqlite } = openDatabase(path.join(tempDataDir("survey-store-"), "t.db")));
  migrateDatabase(db);
  const projectId = db.insert(projects).values({ slug: "unit", title: "Unit" }).returning().get().id;
  const ownerId = db.insert(users).values({ email: "js@x.invalid", name: "JS", role: "job_specialist" }).returning().get().id;
  const wave = (closeDate: string) =>
    db
      .insert(surveyWaves)
      .values({ projectId, instrumentId: "employer-survey", instrumentVersion: 1, title: "W", infoNb: "i", infoEn: "i", openDate: "2026-11-01", closeDate })
      .returning()
      .get().id;
  openWave = wave("2026-12-31");
  closedWave = wave("2026-11-26");
  db.insert(surveyLinkBatches).values({ id: "b1", waveId: openWave, ownerId, count: hashes.length, requestKey: "r1", issuedOn: "2026-11-02" }).run();
  for (const h of hashes) db.insert(surveyLinks).values({ id: randomId(), waveId: openWave, ownerId, batchId: "b1", tokenHash: h }).run();
  store = createSurveyStore(sqlite, { spentKey: key });
});

afterAll(() => sqlite?.close());

describe("survey store", () => {
  it("keys: 53-bit, deterministic per key and token hash, different under another key", () => {
    const k = spentKeyOf(key, hashes[0]);
    expect(Number.isSafeInteger(k)).toBe(true);
    expect(spentKeyOf(key, hashes[0])).toBe(k);
    expect(spentKeyOf(spentKeyFor("another secret"), hashes[0])).not.toBe(k);
    const ids = Array.from({ length: 1000 }, randomId);
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
    expect(shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
  });

  it("stores each link's answer once, in one group commit, and refuses a closed wave", () => {
    const results = store.commit([item(openWave, hashes[0], 1), item(openWave, hashes[1], 2), item(openWave, hashes[0], 3), item(closedWave, hashes[2], 4)]);
    expect(results[3]).toBe("closed");
    expect(results.slice(0, 3).filter((r) => r === "ok")).toHaveLength(2);
    expect(results.slice(0, 3).filter((r) => r === "used")).toHaveLength(1);
    expect(store.commit([item(openWave, hashes[1], 5)])).toEqual(["used"]);
    const rows = sqlite.prepare("SELECT id, month, round FROM survey_answers WHERE wave_id = ?").all(openWave) as { id: number }[];
    expect(rows).toHaveLength(2);
    expect(sqlite.prepare("SELECT count(*) FROM survey_answers WHERE wave_id = ?").pluck().get(closedWave)).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM survey_spent").pluck().get()).toBe(2);
    // The ledger is not touched by answering.
    expect(sqlite.prepare("SELECT count(*) FROM survey_links WHERE used = 1").pluck().get()).toBe(0);
  });

  it("finalises: used marks for exactly the answered links, the spent set emptied", () => {
    store.commit([item(openWave, hashes[4], 6)]);
    sqlite.prepare("UPDATE survey_waves SET closed_at = unixepoch() WHERE id = ?").run(openWave);
    expect(store.finalise(openWave)).toEqual({ marked: 3, spent: 3 });
    const used = sqlite.prepare("SELECT token_hash FROM survey_links WHERE used = 1").pluck().all() as string[];
    expect(used.sort()).toEqual([hashes[0], hashes[1], hashes[4]].sort());
    expect(sqlite.prepare("SELECT count(*) FROM survey_spent").pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT finalised_at IS NOT NULL FROM survey_waves WHERE id = ?").pluck().get(openWave)).toBe(1);
    // A closed or finalised wave takes nothing more.
    expect(store.commit([item(openWave, hashes[5], 7)])).toEqual(["closed"]);
    // A wave past its close date is found and finalised without anyone opening it.
    expect(store.finaliseDue("2026-11-27")).toEqual([closedWave]);
    expect(store.finaliseDue("2026-11-27")).toEqual([]);
    expect(store.truncateWal()).toBe(true);
  });
});
