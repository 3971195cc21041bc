// Secrets come from the environment or, when absent, are generated once and kept in the data
// directory (mode 0600). They are never in the repository.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Secrets {
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Keys the pseudonyms of exports (per-project keys are derived from it). */
  pseudonymKey: string;
}

export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets: Secrets = {
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret ?? crypto.randomBytes(32).toString("hex"),
    pseudonymKey: env.PSEUDONYM_KEY ?? stored.pseudonymKey ?? crypto.randomBytes(32).toString("hex"),
  };
  const toStore = {
    sessionSecret: env.SESSION_SECRET ? stored.sessionSecret : secrets.sessionSecret,
    pseudonymKey: env.PSEUDONYM_KEY ? stored.pseudonymKey : secrets.pseudonymKey,
  };
  if (toStore.sessionSecret !== stored.sessionSecret || toStore.pseudonymKey !== stored.pseudonymKey) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
  }
  return secrets;
}
