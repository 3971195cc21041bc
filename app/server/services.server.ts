// Everything a request needs, made once at start and handed to Remix as the load context.
import { migrateDatabase, openDatabase, type Db, type Sqlite } from "../../db/connection.server";
import { hasResearcher } from "../accounts/accounts.server";
import { needsSetupCode, newSetupCode } from "../accounts/setup-code.server";
import { RateLimiter } from "../auth/rate-limit.server";
import { makeSessionCookie, type SessionCookie } from "../auth/session.server";
import { ExportJobQueue } from "../exports/job-queue.server";
import type { Codebook } from "../instruments/codebook.server";
import { openCodebook } from "../instruments/versions.server";
import { surveyStore, type SurveyStore } from "../survey/store.server";
import type { Config } from "./config";
import { loadSecrets, type Secrets } from "./secrets.server";

export interface AppServices {
  db: Db;
  sqlite: Sqlite;
  codebook: Codebook;
  config: Config;
  secrets: Secrets;
  limiter: RateLimiter;
  sessionCookie: SessionCookie;
  /** Asked for on /setup while no researcher exists and others can reach the server; else null. */
  setupCode: string | null;
  /** The employer survey's writer thread (app/survey/store-worker.mjs), started here. */
  surveyStore: SurveyStore;
  /** Runs exports off the event loop; started by start.ts. */
  exportJobs: ExportJobQueue;
}

/** Opens and migrates the database and compiles the instruments; throws if a definition is invalid. */
export function createServices(config: Config): AppServices {
  const { db, sqlite } = openDatabase(config.databasePath);
  migrateDatabase(db);
  const codebook = openCodebook(db, config.surveysDir);
  const secrets = loadSecrets(config.dataDir);
  return {
    db,
    sqlite,
    codebook,
    config,
    secrets,
    limiter: new RateLimiter(),
    sessionCookie: makeSessionCookie(secrets.sessionSecret, config.secureCookies),
    setupCode: needsSetupCode(config) && !hasResearcher(db) ? newSetupCode() : null,
    surveyStore: surveyStore({ sqlite, config, secrets }),
    exportJobs: new ExportJobQueue({ db, config, secrets }),
  };
}
