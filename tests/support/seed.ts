// A fresh database with the demo project, made through the app's own modules before the server
// starts, so tests know every demo password.
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { tempDataDir } from "./server";

export async function seedDemo(dataDir = tempDataDir()) {
  const { db, sqlite } = openDatabase(path.join(dataDir, "medforsker.db"));
  migrateDatabase(db);
  const result = await loadDemo(db);
  sqlite.close();
  const passwords = Object.fromEntries(result.created.map((a) => [a.email, a.password]));
  return { dataDir, passwords, created: result.created };
}

/** The identities every permission test walks with. */
export const identities = {
  researcher: "forsker@demo.medforsker.invalid",
  jsA: "js01@demo.medforsker.invalid", // case project 1 in NAV Søndre Nordstrand
  jsB: "js03@demo.medforsker.invalid", // case project 2 in NAV Bjerke
  leadA: "leder1@demo.medforsker.invalid", // case lead of NAV Søndre Nordstrand
} as const;
