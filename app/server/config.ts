// Runtime configuration, all from the environment with working defaults for a laptop.
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  dataDir: string;
  /** The instrument definitions (researcher-editable YAML). */
  surveysDir: string;
  /** The address people use to reach the app; one-time links are built from it. */
  publicUrl: string;
  /** Secure cookies when served over https (behind a TLS-terminating proxy). */
  secureCookies: boolean;
  /** Express "trust proxy": set when behind a reverse proxy so the client address is right. */
  trustProxy: boolean;
  /** Exports run at the same time, each on a worker thread (1 or 2). */
  exportWorkers: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const databasePath = path.resolve(env.DATABASE_PATH ?? "data/medforsker.db");
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databasePath,
    dataDir: path.resolve(env.DATA_DIR ?? path.dirname(databasePath)),
    surveysDir: path.resolve(env.SURVEYS_DIR ?? "surveys"),
    publicUrl,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : publicUrl.startsWith("https:"),
    trustProxy: env.TRUST_PROXY === "true",
    exportWorkers: env.EXPORT_WORKERS === "2" ? 2 : 1,
  };
}
